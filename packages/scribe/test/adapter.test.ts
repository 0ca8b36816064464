import { readResponse, type ResponseInput } from '@faultline/core'
import { describe, expect, it } from 'vitest'
import { scribeAdapter } from '../src/adapter'

const decode = (input: ResponseInput) => scribeAdapter.decode(readResponse(input), { now: 0 })

// The four examples of scribe-errors.txt, verbatim, with the status each documents.
const examples = {
  missingField: { status: 400, body: { error: { type: 'invalid_request_error', code: 'parameter_missing', message: 'name is required.', param: 'name' } } },
  invalidKey: { status: 401, body: { error: { type: 'authentication_error', code: 'authentication_required', message: 'Invalid API key.' } } },
  notFound: { status: 404, body: { error: { type: 'invalid_request_error', code: 'resource_not_found', message: 'No session scribe found for the given consultation ID.' } } },
  conflict: {
    status: 409,
    body: { error: { type: 'invalid_request_error', code: 'resource_conflict', message: 'consultationInternalId is already in use by a different consultation.', param: 'consultationInternalId' } },
  },
  invalidCountry: {
    status: 400,
    body: { error: { type: 'invalid_request_error', code: 'parameter_invalid', message: 'idCountry must be a valid country name, ISO alpha-2, or ISO alpha-3 code.', param: 'idCountry' } },
  },
}

describe('scribeAdapter.decode', () => {
  it('makes a missing field the first violation', () => {
    expect(decode(examples.missingField)).toMatchObject({
      kind: 'invalid_request',
      reason: 'missing_field',
      param: 'name',
      violations: [{ path: 'name', reason: 'missing_field', message: 'name is required.', vendorCode: 'parameter_missing' }],
    })
  })

  it('reads the 401 without a param', () => {
    expect(decode(examples.invalidKey)).toMatchObject({ kind: 'authentication', reason: 'invalid_credentials', param: null, status: 401 })
  })

  it('decides the 404 by its code, not its invalid_request_error type', () => {
    expect(decode(examples.notFound)).toMatchObject({ kind: 'not_found', reason: 'resource_not_found', vendorType: 'invalid_request_error', violations: [] })
  })

  it('keeps the conflicting field as param, without a violation', () => {
    expect(decode(examples.conflict)).toMatchObject({ kind: 'conflict', reason: 'already_exists', param: 'consultationInternalId', violations: [] })
  })

  it('reads an invalid country', () => {
    expect(decode(examples.invalidCountry)?.violations).toEqual([
      { path: 'idCountry', reason: 'invalid_field', message: examples.invalidCountry.body.error.message, vendorCode: 'parameter_invalid' },
    ])
  })

  it('retries a 503 service_unavailable', () => {
    expect(decode({ status: 503, body: { error: { type: 'api_error', code: 'service_unavailable', message: 'The transcription provider is down.' } } })).toMatchObject({
      kind: 'unavailable',
      retryable: true,
    })
  })

  it('falls back to api_error for an unknown code', () => {
    expect(decode({ status: 500, body: { error: { type: 'api_error', code: 'llm_failed', message: 'Summarization failed.' } } })).toMatchObject({
      kind: 'internal',
      reason: 'unrecognized',
      recognized: false,
      retryable: false,
    })
  })
})

describe('scribeAdapter.decode: where the status says more than a broad type (issue #18)', () => {
  const unknown = (type: string, status: number, param?: string) =>
    decode({ status, body: { error: { type, code: 'transcript_gone', message: 'Something happened.', ...(param === undefined ? {} : { param }) } } })

  it.each([502, 503, 504])('reads an unknown api_error at %s as the upstream\'s failure: unavailable, retryable', (status) => {
    expect(unknown('api_error', status)).toMatchObject({ kind: 'unavailable', reason: 'unrecognized', vendorType: 'api_error', status, recognized: false, retryable: true })
  })

  it('keeps an unknown api_error at any other status internal', () => {
    for (const status of [500, 501, 505, 400]) expect(unknown('api_error', status)).toMatchObject({ kind: 'internal', retryable: false })
  })

  it.each([
    [404, 'not_found', false],
    [409, 'conflict', false],
    [429, 'rate_limited', true],
  ] as const)('reads an unknown invalid_request_error at %s as %s, unrecognized, without a violation', (status, kind, retryable) => {
    expect(unknown('invalid_request_error', status, 'consultationId')).toMatchObject({
      kind,
      reason: 'unrecognized',
      vendorType: 'invalid_request_error',
      vendorCode: 'transcript_gone',
      param: 'consultationId',
      violations: [],
      recognized: false,
      retryable,
    })
  })

  it('keeps an unknown invalid_request_error at 400 (or 422) an invalid request with its param as violation', () => {
    for (const status of [400, 422]) {
      expect(unknown('invalid_request_error', status, 'idCountry')).toMatchObject({
        kind: 'invalid_request',
        violations: [{ path: 'idCountry', reason: 'unrecognized', message: 'Something happened.', vendorCode: 'transcript_gone' }],
      })
    }
  })

  it('leaves documented codes to their meaning, whatever the status', () => {
    expect(decode({ status: 409, body: { error: { type: 'invalid_request_error', code: 'parameter_invalid', message: 'x', param: 'a' } } })).toMatchObject({ kind: 'invalid_request', recognized: true })
    expect(decode({ status: 502, body: { error: { type: 'api_error', code: 'resource_not_found', message: 'x' } } })).toMatchObject({ kind: 'not_found', recognized: true })
  })

  it('writes such an error back as it came (L1), and decodes it again the same (L2)', () => {
    const wire = { status: 404, headers: {}, body: { error: { type: 'invalid_request_error', code: 'transcript_gone', message: 'Gone.', param: 'id' } } }
    const error = decode(wire)!
    expect(scribeAdapter.encode(error)).toEqual(wire)
    expect(decode(scribeAdapter.encode(error))).toEqual(error)
  })
})

describe('scribeAdapter.encode', () => {
  it.each(Object.entries(examples))('writes the %s example back as documented', (_name, example) => {
    expect(scribeAdapter.encode(decode(example)!)).toEqual({ ...example, headers: {} })
  })
})
