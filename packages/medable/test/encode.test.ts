import { canonicalError, type CanonicalError, readResponse } from '@faultline/core'
import { describe, expect, it } from 'vitest'
import { decodeMedable } from '../src/decode'
import { encodeMedable } from '../src/encode'
import { cortexValidationFault, seedValidationFault } from './fixtures'

describe('encodeMedable', () => {
  it('writes the documented tree back as the normal form, violations as child faults', () => {
    const decoded = decodeMedable(readResponse({ status: 400, body: cortexValidationFault }))!
    expect(encodeMedable(decoded)).toEqual({ status: 400, headers: {}, body: cortexValidationFault })
  })

  it('writes message always and reason only beside a message (the seed children lose nothing on decode)', () => {
    const decoded = decodeMedable(readResponse({ status: 400, headers: { 'x-request-id': 'req_9', 'retry-after': '3' }, body: seedValidationFault }))!
    const wire = encodeMedable(decoded)
    expect(wire.status).toBe(400)
    expect(wire.headers).toEqual({ 'x-request-id': 'req_9', 'retry-after': '3' })
    const body = wire.body as { message: string; faults: Array<Record<string, unknown>> }
    expect(body.message).toBe('The request was rejected as malformed or invalid.')
    expect(body.faults[1]).toEqual({ object: 'fault', name: 'validation', code: 'kRequired', status: 400, message: 'Required property', path: 'name.last' })
    expect(decodeMedable(readResponse(wire))).toEqual(decoded)
  })

  it('writes a 2xx fault with its own status line', () => {
    const decoded = decodeMedable(readResponse({ status: 200, body: { object: 'fault', code: 'kNewLocation', status: 200, message: 'New location.' } }))!
    expect(encodeMedable(decoded)).toEqual({ status: 200, headers: {}, body: { object: 'fault', code: 'kNewLocation', status: 200, message: 'New location.' } })
  })

  it('uses the documented status, else the kind\'s usual one, when the error has none', () => {
    const bare = decodeMedable(readResponse({ body: { object: 'fault', code: 'kSessionRequired' } }))!
    expect(bare.status).toBeNull()
    expect(encodeMedable(bare).status).toBe(500)
    const unknown = decodeMedable(readResponse({ body: { object: 'fault', code: 'kBrandNew' } }))!
    expect(encodeMedable(unknown).status).toBe(500)
  })

  it('never lets an extension overwrite a fault member', () => {
    const error = { ...decodeMedable(readResponse({ status: 404, body: { object: 'fault', code: 'kNotFound', status: 404 } }))!, extensions: { status: 200, code: 'kOther', trace: 'x' } }
    expect(encodeMedable(error as CanonicalError).body).toEqual({ object: 'fault', code: 'kNotFound', status: 404, message: 'The requested resource was not found.', trace: 'x' })
  })

  it('translates another vendor\'s error through the catalog, violations as child faults', () => {
    const foreign = canonicalError({
      kind: 'invalid_request',
      reason: 'validation_failed',
      vendor: 'medblocks',
      vendorCode: 'invalid_data',
      status: 400,
      message: 'dob must be a date',
      param: 'dob',
      violations: [
        { path: 'dob', reason: 'validation_failed', message: 'dob must be a date', vendorCode: 'invalid_data' },
        { path: 'name', reason: 'missing_field', message: 'name is required', vendorCode: null },
      ],
      extensions: { medblocks_only: true },
    })
    expect(encodeMedable(foreign).body).toEqual({
      object: 'fault',
      name: 'validation',
      code: 'kValidationError',
      status: 400,
      message: 'dob must be a date',
      path: 'dob',
      faults: [{ object: 'fault', name: 'validation', code: 'kRequired', status: 400, message: 'name is required', path: 'name' }],
    })
    const back = decodeMedable(readResponse(encodeMedable(foreign)))!
    expect(back.violations.map((violation) => violation.path)).toEqual(['dob', 'name'])
  })

  it('encodes a causes chain 100,000 deep without recursion', { timeout: 30_000 }, () => {
    let error = canonicalError({ kind: 'internal', reason: 'internal_error', vendor: 'medable', vendorCode: 'kError' })
    for (let i = 0; i < 100_000; i++) error = { ...error, causes: [error] }
    let body = encodeMedable(error).body as { faults?: unknown[] }
    let depth = 0
    while (body.faults !== undefined) {
      body = body.faults[0] as { faults?: unknown[] }
      depth++
    }
    expect(depth).toBe(100_000)
  })
})
