import { SpanStatusCode, type Span } from '@opentelemetry/api'
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base'
import { ATTR_ERROR_TYPE, ATTR_EXCEPTION_MESSAGE, ATTR_EXCEPTION_TYPE, ATTR_HTTP_RESPONSE_STATUS_CODE } from '@opentelemetry/semantic-conventions'
import { canonicalError, createNormalizer, kinds } from '@faultline/core'
import { medblocksAdapter } from '@faultline/medblocks'
import { medipimAdapter } from '@faultline/medipim'
import { afterEach, describe, expect, it } from 'vitest'
import { errorAttributes, exceptionEventName, spanStatusError } from '../src/attributes'
import { fingerprint } from '../src/fingerprint'
import { logRecordBounds } from '../src/logRecord'
import { recordError, type ErrorSpan } from '../src/recordError'
import { truncationMark } from '../src/textBudget'

const exporter = new InMemorySpanExporter()
const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] })
const tracer = provider.getTracer('faultline-test')
afterEach(() => exporter.reset())

const { normalizeError } = createNormalizer([medblocksAdapter])

describe('recordError with the real OpenTelemetry SDK', () => {
  it('uses the semantic conventions\' own names and status code', () => {
    expect(errorAttributes.errorType).toBe(ATTR_ERROR_TYPE)
    expect(errorAttributes.httpResponseStatusCode).toBe(ATTR_HTTP_RESPONSE_STATUS_CODE)
    expect(errorAttributes.exceptionType).toBe(ATTR_EXCEPTION_TYPE)
    expect(errorAttributes.exceptionMessage).toBe(ATTR_EXCEPTION_MESSAGE)
    expect(spanStatusError).toBe(SpanStatusCode.ERROR)
  })

  it('sets status ERROR, the attributes and an exception event, read back from the exporter', () => {
    const error = normalizeError('medblocks', {
      status: 429,
      headers: { 'retry-after': '30', 'x-request-id': 'req_8f2a91' },
      body: { error: { type: 'rate_limit_error', code: 'throttled', message: 'Too many requests for jane.doe@example.org' } },
    })!
    const span: Span = tracer.startSpan('GET /patients')
    const asErrorSpan: ErrorSpan = span // an OTel Span satisfies the structural interface
    recordError(asErrorSpan, error, { statusLine: 429, recordException: true })
    span.end()
    const [finished] = exporter.getFinishedSpans()
    expect(finished).toBeDefined()
    expect(finished!.status).toEqual({ code: SpanStatusCode.ERROR, message: 'rate_limited/throttled' })
    expect(finished!.attributes).toEqual({
      'error.type': 'rate_limited',
      'http.response.status_code': 429,
      'http.response.header.x-request-id': ['req_8f2a91'],
      'faultline.vendor': 'medblocks',
      'faultline.kind': 'rate_limited',
      'faultline.reason': 'throttled',
      'faultline.status': 429,
      'faultline.vendor_code': 'throttled',
      'faultline.retryable': true,
      'faultline.retry_after': 30,
    })
    expect(finished!.events).toHaveLength(1)
    expect(finished!.events[0]!.name).toBe(exceptionEventName)
    expect(finished!.events[0]!.attributes).toEqual({
      'exception.type': 'faultline.rate_limited',
      'exception.message': 'Too many requests for [redacted:email]',
      'faultline.vendor': 'medblocks',
      'faultline.reason': 'throttled',
    })
  })

  it('leaves out what the error does not have, and keeps error.type bounded to the kinds that are failures', () => {
    const seen = new Set<unknown>()
    for (const kind of kinds) {
      const span = tracer.startSpan(kind)
      recordError(span, canonicalError({ kind, reason: `custom_${kind}`, vendor: 'acme' }))
      span.end()
    }
    for (const finished of exporter.getFinishedSpans()) {
      if (finished.attributes['faultline.kind'] === 'pending') continue
      seen.add(finished.attributes['error.type'])
      expect(finished.attributes).not.toHaveProperty('http.response.status_code')
      expect(finished.attributes).not.toHaveProperty('http.response.header.x-request-id')
      expect(finished.status.code).toBe(SpanStatusCode.ERROR)
      expect(finished.events).toHaveLength(0)
    }
    expect([...seen].sort()).toEqual(kinds.filter((kind) => kind !== 'pending').sort())
  })

  it('writes no error.type and no ERROR status for an outcome that is no failure (pending)', () => {
    const span = tracer.startSpan('GET /media')
    recordError(span, canonicalError({ kind: 'pending', reason: 'media_not_ready', vendor: 'medable', status: 202 }))
    span.end()
    const [finished] = exporter.getFinishedSpans()
    expect(finished!.attributes).not.toHaveProperty('error.type')
    expect(finished!.attributes).toMatchObject({ 'faultline.kind': 'pending', 'faultline.status': 202 })
    expect(finished!.status.code).toBe(SpanStatusCode.UNSET)
  })

  it('writes the status line as http.response.status_code, not the status of an error line inside a 200 stream', () => {
    const { normalizeError: medipim } = createNormalizer([medipimAdapter])
    const body = '{"id":1}\n{"error":{"status":500,"code":"server_error","message":"Failed mid-stream"}}\n'
    const error = medipim('medipim', { status: 200, headers: { 'content-type': 'application/x-json-stream' }, body })!
    const span = tracer.startSpan('GET /products')
    recordError(span, error, { statusLine: 200 })
    span.end()
    expect(exporter.getFinishedSpans()[0]!.attributes).toMatchObject({ 'http.response.status_code': 200, 'faultline.status': 500, 'error.type': 'internal' })
  })

  it('fingerprints by vendor, kind and reason, not by message', () => {
    const a = canonicalError({ kind: 'not_found', reason: 'resource_not_found', vendor: 'scribe', message: 'Patient 1 not found' })
    const b = { ...a, message: 'Patient 2 not found', requestId: 'x' }
    expect(fingerprint(a)).toEqual(['scribe', 'not_found', 'resource_not_found'])
    expect(fingerprint(b)).toEqual(fingerprint(a))
    expect(fingerprint({ ...a, reason: 'gone' })).not.toEqual(fingerprint(a))
  })

  it('writes at most 2,048 characters of a message, in time linear in it, whatever its size', () => {
    const span = tracer.startSpan('GET /patients')
    const message = 'Patient jane@example.org, MRN 54321. '.repeat(2 ** 15)
    const began = performance.now()
    recordError(span, canonicalError({ kind: 'internal', reason: 'internal_error', vendor: 'acme', message }), { recordException: true })
    expect(performance.now() - began).toBeLessThan(250)
    span.end()
    const written = exporter.getFinishedSpans()[0]!.events[0]!.attributes!['exception.message'] as string
    expect(written.length).toBeLessThanOrEqual(logRecordBounds.maxTextChars)
    expect(written.endsWith(truncationMark)).toBe(true)
    expect(written).not.toMatch(/jane|54321/)
  })

  it('writes no vendor text in the status, the attributes or the fingerprint', () => {
    const error = { ...canonicalError({ kind: 'invalid_request', reason: 'invalid_field', vendor: 'acme', vendorCode: 'MRN 12345678', requestId: 'jane@example.org' }), reason: 'sk_live_abcdefABCDEF0123' }
    const span = tracer.startSpan('POST /patients')
    recordError(span, error, { recordException: true })
    span.end()
    const [finished] = exporter.getFinishedSpans()
    const written = JSON.stringify([finished!.status, finished!.attributes, finished!.events, fingerprint(error)])
    expect(written).not.toMatch(/sk_live_|12345678|jane/)
    expect(finished!.status.message).toBe('invalid_request/[redacted:key]')
    expect(finished!.attributes['http.response.header.x-request-id']).toEqual(['[redacted:id]'])
  })
})
