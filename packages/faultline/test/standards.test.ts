import { describe, expect, it } from 'vitest'
import { normalizeError } from '../src/normalize'
import { toOperationOutcome, toProblemDetails } from '../src/index'

describe('the standards through normalizeError', () => {
  it('decodes an RFC 9457 problem+json response', () => {
    const error = normalizeError('problem', {
      status: 403,
      headers: { 'content-type': 'application/problem+json' },
      body: { type: 'https://example.com/probs/out-of-credit', title: 'You do not have enough credit.', status: 403, detail: 'Your current balance is 30, but that costs 50.', instance: '/account/12345/msgs/abc' },
    })
    expect(error).toMatchObject({ kind: 'permission', status: 403, vendor: 'problem', message: 'Your current balance is 30, but that costs 50.', detail: 'You do not have enough credit.' })
  })

  it('decodes a FHIR OperationOutcome response', () => {
    const error = normalizeError('fhir', {
      status: 422,
      headers: { 'content-type': 'application/fhir+json' },
      body: { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'required', diagnostics: 'Patient.birthDate is required', expression: ['Patient.birthDate'] }] },
    })
    expect(error).toMatchObject({ kind: 'invalid_request', violations: [{ path: 'Patient.birthDate' }] })
  })

  it('projects a Medable validation fault to one OperationOutcome issue per violation', () => {
    const fault = {
      object: 'fault', name: 'validation', code: 'kValidationError', status: 400,
      faults: [
        { object: 'fault', code: 'kRequired', status: 400, reason: 'Required property', path: 'dob' },
        { object: 'fault', code: 'kEnumValue', status: 400, reason: 'One of: m, f', path: 'gender' },
      ],
    }
    const outcome = toOperationOutcome(normalizeError('medable', { status: 400, body: fault })!)
    expect(outcome.resourceType).toBe('OperationOutcome')
    expect(outcome.issue.map((issue) => issue.expression)).toEqual([['dob'], ['gender']])
  })

  it('projects a Medblocks 429 to problem+json with retryAfter', () => {
    const error = normalizeError('medblocks', { status: 429, headers: { 'retry-after': '30' }, body: { error: { type: 'rate_limit_error', code: 'throttled', message: 'Too many requests.' } } })!
    expect(toProblemDetails(error)).toMatchObject({ status: 429, retryAfter: 30, vendor: 'medblocks', vendorCode: 'throttled' })
  })
})

describe('problem+json from a foreign server', () => {
  it('cannot steer the vendor, retryability or recognition of the error', () => {
    const error = normalizeError('problem', {
      status: 503,
      headers: { 'content-type': 'application/problem+json' },
      body: { type: 'https://api.example.com/probs/maintenance', title: 'Down', vendor: 'medblocks', retryable: false, recognized: true },
    })
    expect(error).toMatchObject({ vendor: 'problem', kind: 'unavailable', retryable: true, recognized: false })
  })
})
