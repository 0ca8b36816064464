import { createRequire } from 'node:module'
import { CanonicalError } from '@faultline/core'
import { describe, expect, it } from 'vitest'
import { normalizeError } from '../src/normalize'

// Loading Medable's own client patches Error.prototype with object: 'fault', code: 'kError', statusCode: 500.
interface FaultClass {
  create(code: string, options: Record<string, unknown>): Error
}
const { Fault } = createRequire(import.meta.url)('@medable/mdctl-core') as { Fault: FaultClass }

describe('normalizeError on thrown Medable Fault instances', () => {
  it('decodes a thrown Fault from its own properties', () => {
    const thrown = Fault.create('kSessionExpired', { statusCode: 403, message: 'Your session has expired.', name: 'session' })
    const error = normalizeError('medable', thrown)
    expect(error).toMatchObject({ kind: 'authentication', reason: 'session_expired', vendorCode: 'kSessionExpired', status: 403 })
    expect(CanonicalError.is(error)).toBe(true)
  })

  it('decodes a nested validation Fault into violations and causes', () => {
    const thrown = Fault.create('kValidationError', {
      statusCode: 400,
      faults: [{ object: 'fault', code: 'kRequired', statusCode: 400, reason: 'Required property', path: 'dob' }],
    })
    expect(normalizeError('medable', thrown)).toMatchObject({ kind: 'invalid_request', violations: [{ path: 'dob' }], causes: [{ vendorCode: 'kRequired' }] })
  })

  it('does not take a plain TypeError for a fault, although Error.prototype now says object: "fault"', () => {
    const plain = new TypeError('Cannot read properties of undefined')
    expect((plain as unknown as { object?: string }).object).toBe('fault')
    expect(normalizeError('medable', plain)).toMatchObject({ kind: 'unknown', vendorCode: null, detail: 'Cannot read properties of undefined' })
    const refused = new TypeError('fetch failed', { cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }) })
    expect(normalizeError('medable', refused)).toMatchObject({ kind: 'transport', reason: 'connection_failed' })
  })
})
