import { CanonicalError, readResponse, type ResponseInput } from '@faultline/core'
import { describe, expect, it } from 'vitest'
import { medblocksAdapter } from '../src/adapter'

const now = Date.UTC(2026, 10, 23, 12, 0, 0)
const decode = (input: ResponseInput) => medblocksAdapter.decode(readResponse(input), { now })

// The envelope example of medblocks-api-errors.txt, verbatim.
const documentedEnvelope = {
  error: {
    type: 'authentication_error',
    code: 'invalid_api_key',
    message: 'API key invalid',
    param: null,
    doc_url: 'https://docs.medblocks.com/errors/invalid_api_key',
    request_id: '9c9b6f7a-8e4f-4a3b-9c1e-6f3a2d8b7c4d',
  },
}

describe('medblocksAdapter.decode', () => {
  it('decodes the documented envelope', () => {
    expect(decode({ status: 401, body: documentedEnvelope })).toEqual({
      kind: 'authentication',
      reason: 'invalid_credentials',
      vendor: 'medblocks',
      vendorCode: 'invalid_api_key',
      vendorType: 'authentication_error',
      status: 401,
      message: 'API key invalid',
      detail: null,
      param: null,
      requestId: '9c9b6f7a-8e4f-4a3b-9c1e-6f3a2d8b7c4d',
      docUrl: 'https://docs.medblocks.com/errors/invalid_api_key',
      retryable: false,
      retryAfter: null,
      recognized: true,
      violations: [],
      causes: [],
      extensions: {},
      truncated: false,
    })
  })

  it('makes param the first violation of an invalid request', () => {
    const error = decode({
      status: 400,
      body: { error: { type: 'invalid_request_error', code: 'invalid_data', message: 'dob must be a date', param: 'dob' } },
    })
    expect(error).toMatchObject({ kind: 'invalid_request', reason: 'validation_failed', param: 'dob' })
    expect(error?.violations).toEqual([{ path: 'dob', reason: 'validation_failed', message: 'dob must be a date', vendorCode: 'invalid_data' }])
  })

  it('keeps param without a violation outside invalid requests', () => {
    const error = decode({ status: 409, body: { error: { type: 'conflict_error', code: 'external_id_already_exists', message: 'taken', param: 'external_id' } } })
    expect(error).toMatchObject({ kind: 'conflict', reason: 'already_exists', param: 'external_id', violations: [] })
  })

  it('maps a known code by meaning, whatever the status', () => {
    const error = decode({ status: 418, body: { error: { type: 'rate_limit_error', code: 'quota_exceeded', message: 'Quota spent' } } })
    // Retryable is the SDK's answer, by status: a 418 is a 4xx it does not retry (decision 020).
    expect(error).toMatchObject({ kind: 'rate_limited', reason: 'quota_exceeded', status: 418, retryable: false, recognized: true })
  })

  it('falls back to the type for an unknown code', () => {
    const error = decode({ status: 502, body: { error: { type: 'ehr_error', code: 'hl7_error', message: 'HL7 feed failed' } } })
    expect(error).toMatchObject({ kind: 'unavailable', reason: 'unrecognized', vendorCode: 'hl7_error', recognized: false, retryable: true })
  })

  it('falls back to the status for an unknown code of an unknown type', () => {
    const error = decode({ status: 429, body: { error: { type: 'billing_error', code: 'card_declined', message: 'Declined' } } })
    expect(error).toMatchObject({ kind: 'rate_limited', reason: 'throttled', vendorType: 'billing_error', recognized: false })
  })

  it('keeps unknown members of the envelope in extensions', () => {
    const error = decode({ status: 400, body: { error: { ...documentedEnvelope.error, code: 'bad_request', hint: 'check the body', details: [{ at: 'x' }] } } })
    expect(error?.extensions).toEqual({ hint: 'check the body', details: [{ at: 'x' }] })
  })

  it('treats an envelope inside a 2xx answer as an error that keeps its status line', () => {
    const error = decode({ status: 200, body: documentedEnvelope })
    expect(error).toMatchObject({ kind: 'authentication', status: 200 })
  })

  it('returns null for a success', () => {
    expect(decode({ status: 200, body: { object: 'patient', id: 'pat_1' } })).toBeNull()
    expect(decode({ status: 204, body: '' })).toBeNull()
    expect(decode({ status: 200, body: { error: null } })).toBeNull()
  })

  it('reads an HTML 502 from a proxy by its status', () => {
    const error = decode({ status: 502, headers: { 'content-type': 'text/html' }, body: '<html><body><h1>502 Bad Gateway</h1><hr>nginx</body></html>' })
    expect(error).toMatchObject({ kind: 'unavailable', reason: 'bad_gateway', recognized: false, vendorCode: null, retryable: true })
    expect(error?.message).not.toContain('nginx')
  })

  it('reads an empty 503 with Retry-After', () => {
    expect(decode({ status: 503, headers: { 'Retry-After': '120' }, body: '' })).toMatchObject({
      kind: 'unavailable',
      reason: 'service_unavailable',
      retryAfter: 120,
      retryable: true,
    })
  })

  it('reads the envelope from JSON text and from bytes', () => {
    const text = JSON.stringify(documentedEnvelope)
    expect(decode({ status: 401, body: text })).toEqual(decode({ status: 401, body: documentedEnvelope }))
    expect(decode({ status: 401, body: new TextEncoder().encode(text) })).toEqual(decode({ status: 401, body: documentedEnvelope }))
    expect(decode({ status: 401, body: Buffer.from(text) })).toEqual(decode({ status: 401, body: documentedEnvelope }))
  })

  it('takes the request id from the body first, then X-Request-Id, then Request-Id', () => {
    const body = { error: { type: 'api_error', code: 'internal_error', message: 'Boom' } }
    expect(decode({ status: 500, headers: { 'request-id': 'req_b', 'X-Request-Id': 'req_a' }, body })?.requestId).toBe('req_a')
    expect(decode({ status: 500, headers: [['Request-Id', 'req_b']], body })?.requestId).toBe('req_b')
    expect(decode({ status: 500, headers: new Headers({ 'x-request-id': 'req_a' }), body: { error: { ...body.error, request_id: 'req_body' } } })?.requestId).toBe('req_body')
  })

  it('reads Retry-After as an HTTP-date against the Date header', () => {
    const date = new Date(now - 60_000).toUTCString()
    const retryAt = new Date(now).toUTCString()
    const error = decode({ status: 429, headers: { Date: date, 'Retry-After': retryAt }, body: { error: { type: 'rate_limit_error', code: 'throttled', message: 'Slow down' } } })
    expect(error?.retryAfter).toBe(60)
  })

  it('does not retry a 500 (the SDK never does) but retries 502, 503 and 504', () => {
    expect(decode({ status: 500, body: { error: { type: 'api_error', code: 'internal_error', message: 'x' } } })?.retryable).toBe(false)
    for (const status of [502, 503, 504]) expect(decode({ status, body: '' })?.retryable).toBe(true)
  })

  it('decodes a bare envelope without a status', () => {
    expect(decode({ body: documentedEnvelope })).toMatchObject({ kind: 'authentication', status: null })
  })

  it('never answers with an invalid error on mutated envelopes', () => {
    const mutations: unknown[] = [
      { error: { code: 42, type: ['x'], message: { text: 'no' }, param: 7 } },
      { error: { message: '' } },
      { error: [] },
      { error: 'Unauthorized' },
      { error: { code: 'constructor' } },
      JSON.parse('{"error":{"__proto__":{"polluted":1},"code":"throttled"}}'),
    ]
    for (const body of mutations) {
      const error = decode({ status: 418, body })
      expect(CanonicalError.is(error)).toBe(true)
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })
})

describe('medblocksAdapter.encode', () => {
  it('writes the documented envelope back', () => {
    const error = decode({ status: 401, headers: { 'x-request-id': documentedEnvelope.error.request_id }, body: documentedEnvelope })
    expect(medblocksAdapter.encode(error!)).toEqual({
      status: 401,
      headers: { 'x-request-id': documentedEnvelope.error.request_id },
      body: documentedEnvelope,
    })
  })

  it('translates another vendor\'s error through the catalog', () => {
    const error = decode({ status: 429, body: { error: { type: 'rate_limit_error', code: 'quota_exceeded', message: 'Quota' } } })!
    const foreign = { ...error, vendor: 'medipim', vendorCode: 'too_many_requests', vendorType: null, status: null, retryAfter: 3 }
    expect(medblocksAdapter.encode(foreign)).toEqual({
      status: 429,
      headers: { 'retry-after': '3' },
      body: { error: { type: 'rate_limit_error', code: 'quota_exceeded', message: 'Quota', param: null } },
    })
  })
})

describe('Medblocks retryable by status, as its SDK decides', () => {
  it('retries an api_error or internal_error at 503, and never a fhir_error at 500 or 400', () => {
    expect(decode({ status: 503, body: { error: { type: 'api_error', code: 'weird', message: 'x' } } })).toMatchObject({ kind: 'internal', retryable: true })
    expect(decode({ status: 503, body: { error: { type: 'api_error', code: 'internal_error', message: 'x' } } })).toMatchObject({ kind: 'internal', retryable: true })
    expect(decode({ status: 500, body: { error: { type: 'ehr_error', code: 'fhir_error', message: 'x' } } })).toMatchObject({ kind: 'unavailable', retryable: false })
    expect(decode({ status: 400, body: { error: { type: 'ehr_error', code: 'fhir_error', message: 'x' } } })).toMatchObject({ kind: 'unavailable', retryable: false })
  })

  it('does not write a transport error\'s system code as a vendor code', () => {
    const transport = { ...decode({ status: 500, body: '' })!, kind: 'transport', reason: 'connection_failed', status: null, vendorCode: null, extensions: { code: 'ECONNREFUSED' } } as never
    expect((medblocksAdapter.encode(transport).body as { error: Record<string, unknown> }).error.code).toBeUndefined()
  })
})
