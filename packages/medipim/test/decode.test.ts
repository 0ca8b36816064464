import { CanonicalError, createNormalizer, readResponse, type ResponseInput } from '@faultline/core'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { medipimCatalog } from '../src/catalog'
import { medipimAdapter } from '../src/adapter'
import { decodeMedipim } from '../src/decode'

const now = Date.UTC(2026, 10, 23, 12, 0, 0)
const decode = (input: ResponseInput) => decodeMedipim(readResponse(input), { now })
const stream = (...values: unknown[]) => ({
  status: 200,
  headers: { 'content-type': 'application/x-json-stream' },
  body: values.map((value) => JSON.stringify(value)).join('\n') + '\n',
})

// The envelope example of medipim-errors.txt, verbatim.
const documentedEnvelope = {
  error: { status: 401, code: 'authentication.not_authenticated', message: 'A human-readable description of what went wrong.' },
}

describe('decodeMedipim: documented answers', () => {
  it('decodes the documented envelope', () => {
    expect(decode({ status: 401, body: documentedEnvelope })).toEqual({
      kind: 'authentication',
      reason: 'not_authenticated',
      vendor: 'medipim',
      vendorCode: 'authentication.not_authenticated',
      vendorType: null,
      status: 401,
      message: 'A human-readable description of what went wrong.',
      detail: null,
      param: null,
      requestId: null,
      docUrl: null,
      retryable: false,
      retryAfter: null,
      recognized: true,
      violations: [],
      causes: [],
      extensions: {},
      truncated: false,
    })
  })

  it.each(medipimCatalog.entries.map((entry) => [entry.code, entry.status, entry.kind, entry.reason] as const))(
    '%s at its documented %i -> %s / %s',
    (code, status, kind, reason) => {
      const error = decode({ status, body: { error: { status, code, message: 'm' } } })
      expect(error).toMatchObject({ kind, reason, vendorCode: code, status, recognized: true, vendorType: null })
      expect(CanonicalError.is(error)).toBe(true)
    },
  )

  it('yields the violations of a 422 in order', () => {
    const error = decode({
      status: 422,
      body: {
        error: {
          status: 422,
          code: 'validation_failed',
          message: 'Validation failed.',
          violations: [
            { propertyPath: 'name.nl', message: 'This value should not be blank.', code: 'c1051bb4-d103-4f74-8988-acbcafc7fdc3' },
            { propertyPath: 'cnk', message: 'This value is not a valid CNK.', code: 'invalid_cnk' },
            { path: 'ean', message: 'This value should have exactly 13 characters.' },
          ],
        },
      },
    })
    expect(error).toMatchObject({ kind: 'invalid_request', reason: 'validation_failed', param: null })
    expect(error?.violations).toEqual([
      { path: 'name.nl', reason: 'missing_field', message: 'This value should not be blank.', vendorCode: 'c1051bb4-d103-4f74-8988-acbcafc7fdc3' },
      { path: 'cnk', reason: 'invalid_field', message: 'This value is not a valid CNK.', vendorCode: 'invalid_cnk' },
      { path: 'ean', reason: 'invalid_field', message: 'This value should have exactly 13 characters.', vendorCode: null },
    ])
    expect(error?.extensions).toEqual({})
  })

  it('reads violations at the top level of the body', () => {
    const error = decode({ status: 422, body: { error: { code: 'validation_failed', message: 'Invalid' }, violations: [{ propertyPath: 'a', message: 'required', code: 'required' }] } })
    expect(error?.violations).toEqual([{ path: 'a', reason: 'missing_field', message: 'required', vendorCode: 'required' }])
  })

  it('reads top-level violations of a failed answer without an envelope, but not of a 2xx one', () => {
    const violations = [{ propertyPath: 'name', message: 'This value should not be blank.' }]
    expect(decode({ status: 422, body: { violations } })).toMatchObject({
      kind: 'invalid_request',
      reason: 'unrecognized',
      vendorCode: null,
      violations: [{ path: 'name', reason: 'invalid_field', message: 'This value should not be blank.', vendorCode: null }],
    })
    expect(decode({ status: 200, body: { violations } })).toBeNull()
  })

  it('keeps the Allow header of a 405 in extensions.allow', () => {
    const error = decode({
      status: 405,
      headers: { Allow: 'GET, POST' },
      body: { error: { status: 405, code: 'http_method_not_allowed', message: 'Method PUT is not allowed. Allowed: GET, POST.' } },
    })
    expect(error).toMatchObject({ kind: 'invalid_request', reason: 'method_not_allowed', extensions: { allow: 'GET, POST' } })
  })

  it('keeps Allow for a 405 without a Medipim body, and ignores it on other statuses', () => {
    expect(decode({ status: 405, headers: [['allow', 'GET']], body: '' })).toMatchObject({ reason: 'method_not_allowed', recognized: false, extensions: { allow: 'GET' } })
    expect(decode({ status: 400, headers: { allow: 'GET' }, body: { error: { code: 'bad_request', message: 'x' } } })?.extensions).toEqual({})
  })

  it('lets the status line win over error.status: 500 inside a 401 is a 401', () => {
    const error = decode({ status: 401, body: { error: { status: 500, code: 'authentication.not_authenticated', message: 'x' } } })
    expect(error).toMatchObject({ status: 401, kind: 'authentication' })
    expect(error?.extensions).toEqual({})
  })

  it('decodes an error line in a 200 JSON stream with the error\'s status', () => {
    const error = decode(stream({ id: 1 }, { error: { status: 429, code: 'too_many_requests', message: 'Too many requests.' } }, { id: 2 }))
    expect(error).toMatchObject({ kind: 'rate_limited', reason: 'throttled', status: 429, retryable: true })
  })

  it('decodes an error line at the end of a 200 stream, keeping 200 when the error states no valid status', () => {
    expect(decode(stream({ id: 1 }, { error: { code: 'server_error', message: 'boom' } }))).toMatchObject({ kind: 'internal', status: 200 })
    expect(decode(stream({ id: 1 }, { error: { status: 999, code: 'server_error', message: 'boom' } }))).toMatchObject({ status: 200 })
    expect(decode(stream({ id: 1 }, { error: { status: '503', code: 'server_error', message: 'boom' } }))).toMatchObject({ status: 200 })
  })

  it('keeps the line of a failed stream (the status line wins at 4xx/5xx)', () => {
    const error = decode({ ...stream({ id: 1 }, { error: { status: 503, code: 'server_error', message: 'boom' } }), status: 500 })
    expect(error).toMatchObject({ status: 500, vendorCode: 'server_error' })
  })

  it('reads a JSON stream given as bytes', () => {
    const { body, ...rest } = stream({ id: 1 }, { error: { status: 500, code: 'server_error', message: 'boom' } })
    expect(decode({ ...rest, body: new TextEncoder().encode(body) })).toMatchObject({ status: 500, vendorCode: 'server_error' })
  })

  it('says success for a 200 JSON stream without an error line', () => {
    expect(decode(stream({ id: 1, name: 'Aspirin' }, { id: 2, name: 'error-free' }))).toBeNull()
  })

  it('maps an unknown authentication.token_revoked by its namespace', () => {
    const error = decode({ status: 401, body: { error: { status: 401, code: 'authentication.token_revoked', message: 'Token revoked.' } } })
    expect(error).toMatchObject({ kind: 'authentication', reason: 'unrecognized', recognized: false, vendorCode: 'authentication.token_revoked' })
  })

  it('lets the namespace win over the status, also in a 200 stream', () => {
    expect(decode({ status: 403, body: { error: { code: 'authentication.token_revoked', message: 'x' } } })).toMatchObject({ kind: 'authentication', status: 403, recognized: false })
    expect(decode(stream({ id: 1 }, { error: { code: 'authentication.token_revoked', message: 'x' } }))).toMatchObject({ kind: 'authentication', status: 200, recognized: false })
  })

  it('maps unknown flat codes and unknown namespaces by the status', () => {
    expect(decode({ status: 409, body: { error: { code: 'duplicate_product', message: 'x' } } })).toMatchObject({ kind: 'conflict', recognized: false })
    expect(decode({ status: 503, body: { error: { code: 'search.index_down', message: 'x' } } })).toMatchObject({ kind: 'unavailable', reason: 'service_unavailable', recognized: false })
  })

  it('maps a documented code by meaning, whatever the status', () => {
    expect(decode({ status: 400, body: { error: { code: 'too_many_requests', message: 'x' } } })).toMatchObject({ kind: 'rate_limited', status: 400, recognized: true })
  })
})

describe('decodeMedipim: members and headers', () => {
  it('keeps unknown members of error in extensions', () => {
    const error = decode({ status: 400, body: { error: { code: 'bad_request', message: 'x', hint: 'check the JSON', request_id: 'body-id', details: [{ at: 3 }] }, extra: 1 } })
    expect(error?.extensions).toEqual({ hint: 'check the JSON', details: [{ at: 3 }] })
    expect(error?.requestId).toBe('body-id')
  })

  it('reads the request id from X-Request-Id, else Request-Id, in every header form', () => {
    const body = documentedEnvelope
    expect(decode({ status: 401, headers: { 'X-Request-Id': 'a' }, body })?.requestId).toBe('a')
    expect(decode({ status: 401, headers: [['Request-Id', 'b']], body })?.requestId).toBe('b')
    expect(decode({ status: 401, headers: new Headers({ 'request-id': 'c', 'x-request-id': 'd' }), body })?.requestId).toBe('d')
  })

  it('parses an undocumented Retry-After', () => {
    const body = { error: { status: 429, code: 'too_many_requests', message: 'x' } }
    expect(decode({ status: 429, headers: { 'Retry-After': '3' }, body })?.retryAfter).toBe(3)
    expect(decode({ status: 429, headers: { 'retry-after': new Date(now + 10_500).toUTCString() }, body })?.retryAfter).toBe(10)
    expect(decode({ status: 429, headers: { 'retry-after': 'soon' }, body })?.retryAfter).toBeNull()
  })

  it('falls back to the kind message for a blank or missing message', () => {
    expect(decode({ status: 404, body: { error: { code: 'not_found', message: '  ' } } })?.message).toBe('The requested resource was not found.')
    expect(decode({ status: 404, body: { error: { code: 'not_found' } } })?.message).toBe('The requested resource was not found.')
  })

  it('treats an envelope in a plain 2xx JSON body as an error, keeping its line unless the error states a status', () => {
    expect(decode({ status: 200, body: { error: { code: 'server_error', message: 'x' } } })).toMatchObject({ status: 200, kind: 'internal' })
    expect(decode({ status: 200, body: '{"error":{"status":404,"code":"not_found","message":"x"}}' })).toMatchObject({ status: 404, kind: 'not_found' })
  })

  it('decodes a bare body (no status line) with the status it states', () => {
    expect(decodeMedipim(readResponse({ body: documentedEnvelope }))).toMatchObject({ status: 401, kind: 'authentication' })
    expect(decodeMedipim(readResponse({ body: { error: { code: 'bad_request', message: 'x' } } }))).toMatchObject({ status: null, kind: 'invalid_request' })
  })

  it('decodes proxy answers by their status, and says success below 400', () => {
    expect(decode({ status: 502, headers: { 'content-type': 'text/html' }, body: '<html><h1>502 Bad Gateway</h1></html>' })).toMatchObject({
      kind: 'unavailable',
      reason: 'bad_gateway',
      vendorCode: null,
      recognized: false,
    })
    expect(decode({ status: 500, body: '' })).toMatchObject({ kind: 'internal', status: 500 })
    expect(decode({ status: 200, body: { data: [] } })).toBeNull()
    expect(decode({ status: 204, body: '' })).toBeNull()
    expect(decode({ status: 200, body: { error: 'Unauthorized' } })).toBeNull()
  })
})

describe('decodeMedipim: totality', () => {
  const check = (result: CanonicalError | null) => {
    if (result !== null) expect(CanonicalError.is(result)).toBe(true)
  }

  it('never throws on anything as input or body', () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), fc.integer({ min: -1, max: 700 }), (input, body, status) => {
        check(decodeMedipim(readResponse(input as never), { now }))
        check(decodeMedipim(readResponse({ status, body, headers: input as never }), { now }))
      }),
      { numRuns: 1000 },
    )
  })

  it('never throws on mutated envelopes and streams', () => {
    const value = fc.anything({ maxDepth: 2 })
    const mutated = fc.record(
      { status: value, code: fc.oneof(fc.constantFrom('authentication.x', 'validation_failed', '__proto__', 'a.'), value), message: value, violations: fc.oneof(fc.array(value), value), allow: value },
      { requiredKeys: [] },
    )
    fc.assert(
      fc.property(mutated, value, fc.integer({ min: 100, max: 599 }), fc.boolean(), (error, top, status, asStream) => {
        const body = { error, violations: top }
        const result = asStream
          ? decodeMedipim(readResponse({ status, headers: { 'content-type': 'application/x-json-stream', allow: 'GET' }, body: `{"id":1}\n${JSON.stringify(body) ?? ''}\n` }), { now })
          : decodeMedipim(readResponse({ status, headers: { allow: 'GET' }, body }), { now })
        expect(result).not.toBeNull()
        check(result)
        expect(JSON.parse(JSON.stringify(result))).toEqual(result)
      }),
      { numRuns: 1000 },
    )
  })

  it('answers an unknown error for hostile input instead of throwing', () => {
    const hostile = new Proxy({}, {
      get() {
        throw new Error('boom')
      },
      getOwnPropertyDescriptor() {
        throw new Error('boom')
      },
    })
    // Reading gives the view of nothing, which the decoder answers without throwing; the normalizer reports it.
    expect(decodeMedipim(readResponse(hostile as never))).toBeNull()
    expect(decodeMedipim(readResponse(null as never))).toBeNull()
    const { normalizeError } = createNormalizer([medipimAdapter])
    expect(normalizeError('medipim', hostile)).toMatchObject({ kind: 'unknown', vendor: 'medipim', recognized: false })
    expect(normalizeError('medipim', { status: 400, body: hostile })).toMatchObject({ kind: 'invalid_request', vendor: 'medipim', recognized: false })
    const error = decode({ status: 400, body: { error: hostile } })
    expect(error === null || CanonicalError.is(error)).toBe(true)
  })
})

describe('Medipim request ids (contract §4: body first)', () => {
  it('takes a request_id of the error over the headers', async () => {
    const { medipimAdapter } = await import('../src/adapter')
    const error = medipimAdapter.decode(readResponse({ status: 404, headers: { 'x-request-id': 'h' }, body: { error: { status: 404, code: 'not_found', message: 'x', request_id: 'b' } } }))
    expect(error).toMatchObject({ requestId: 'b', extensions: {} })
  })
})
