import { canonicalError, type CanonicalError, readResponse } from '@faultline/core'
import { describe, expect, it } from 'vitest'
import { decodeMedipim } from '../src/decode'
import { encodeMedipim } from '../src/encode'

const medblocksError = (overrides: Partial<Parameters<typeof canonicalError>[0]> = {}): CanonicalError =>
  canonicalError({ kind: 'authentication', reason: 'invalid_credentials', vendor: 'medblocks', vendorCode: 'invalid_api_key', vendorType: 'authentication_error', status: 401, message: 'API key invalid', extensions: { hint: 'x' }, ...overrides })

describe('encodeMedipim', () => {
  it('writes a 422 in the normal form: violations inside error with propertyPath, error.status = status', () => {
    const error = decodeMedipim(readResponse({
      status: 422,
      headers: { 'x-request-id': 'req_1', 'retry-after': '  7 ' },
      body: { error: { code: 'validation_failed', message: 'Invalid' }, violations: [{ path: 'name', message: 'blank', code: 'required' }, 'oops'] },
    }))!
    expect(encodeMedipim(error)).toEqual({
      status: 422,
      headers: { 'x-request-id': 'req_1', 'retry-after': '7' },
      body: { error: { status: 422, code: 'validation_failed', message: 'Invalid', violations: [{ propertyPath: 'name', message: 'blank', code: 'required' }, { message: 'oops' }] } },
    })
  })

  it('writes extensions.allow of a 405 back as an allow header', () => {
    const error = decodeMedipim(readResponse({ status: 405, headers: { Allow: 'GET' }, body: { error: { status: 405, code: 'http_method_not_allowed', message: 'Use GET.', hint: 1 } } }))!
    expect(encodeMedipim(error)).toEqual({
      status: 405,
      headers: { allow: 'GET' },
      body: { error: { hint: 1, status: 405, code: 'http_method_not_allowed', message: 'Use GET.' } },
    })
  })

  it('keeps a non-string allow, or an allow outside a 405, as a member of error', () => {
    const at400 = canonicalError({ kind: 'invalid_request', reason: 'malformed', vendor: 'medipim', vendorCode: 'bad_request', status: 400, extensions: { allow: 'GET' } })
    expect(encodeMedipim(at400)).toMatchObject({ headers: {}, body: { error: { allow: 'GET' } } })
    const numeric = canonicalError({ kind: 'invalid_request', reason: 'method_not_allowed', vendor: 'medipim', status: 405, extensions: { allow: 5 } })
    expect(encodeMedipim(numeric)).toMatchObject({ headers: {}, body: { error: { allow: 5 } } })
  })

  it('writes an error of a 2xx stream as plain JSON with the status it decoded to', () => {
    const error = decodeMedipim(readResponse({ status: 200, headers: { 'content-type': 'application/x-json-stream' }, body: '{"id":1}\n{"error":{"status":503,"code":"server_error","message":"boom"}}' }))!
    expect(encodeMedipim(error)).toEqual({ status: 503, headers: {}, body: { error: { status: 503, code: 'server_error', message: 'boom' } } })
  })

  it('translates another vendor\'s error through the catalog, without its extensions', () => {
    expect(encodeMedipim(medblocksError())).toEqual({
      status: 401,
      headers: {},
      body: { error: { status: 401, code: 'authentication.api_key_not_found', message: 'API key invalid' } },
    })
    // Same kind, unknown reason: the first code of the kind.
    expect(encodeMedipim(medblocksError({ reason: 'expired_credentials' }))).toMatchObject({ body: { error: { code: 'authentication.not_authenticated' } } })
    // A kind Medipim has no code for: no code, status kept.
    expect(encodeMedipim(medblocksError({ kind: 'conflict', reason: 'already_exists', status: 409 }))).toEqual({ status: 409, headers: {}, body: { error: { status: 409, message: 'API key invalid' } } })
  })

  it('uses the code\'s documented status, else the kind\'s usual status, when the status is null', () => {
    expect(encodeMedipim(medblocksError({ kind: 'rate_limited', reason: 'quota_exceeded', status: null })).status).toBe(429)
    expect(encodeMedipim(canonicalError({ kind: 'not_found', reason: 'endpoint_not_found', vendor: 'medipim', vendorCode: 'endpoint_not_found', status: null })).status).toBe(404)
    expect(encodeMedipim(canonicalError({ kind: 'transport', reason: 'connection_failed', vendor: 'medblocks' })).status).toBe(503)
    expect(encodeMedipim(canonicalError({ kind: 'unknown', reason: 'unrecognized', vendor: 'medipim', status: null })).status).toBe(500)
  })

  it('does not let extensions named like envelope members replace or forge them', () => {
    const error = canonicalError({ kind: 'internal', reason: 'unrecognized', vendor: 'medipim', vendorCode: null, status: 500, message: 'x', extensions: { code: 'forged', status: 200, message: 'y', violations: [] } })
    expect(encodeMedipim(error).body).toEqual({ error: { status: 500, message: 'x' } })
  })

  it('keeps an extension named __proto__ as a plain member', () => {
    const extensions = JSON.parse('{"__proto__":{"polluted":true}}') as CanonicalError['extensions']
    const error = canonicalError({ kind: 'internal', reason: 'internal_error', vendor: 'medipim', vendorCode: 'server_error', status: 500, extensions })
    const body = encodeMedipim(error).body as { error: Record<string, unknown> }
    expect(Object.keys(body.error)).toContain('__proto__')
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined()
    expect(decodeMedipim(readResponse(encodeMedipim(error)))).toEqual(error)
  })

  it('rounds a fractional retryAfter up', () => {
    expect(encodeMedipim(medblocksError({ retryAfter: 1.2 })).headers).toEqual({ 'retry-after': '2' })
  })
})
