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
    })
  })
})

describe('scribeAdapter.encode', () => {
  it.each(Object.entries(examples))('writes the %s example back as documented', (_name, example) => {
    expect(scribeAdapter.encode(decode(example)!)).toEqual({ ...example, headers: {} })
  })
})
