import { CanonicalError, readResponse, type ResponseInput } from '@faultline/core'
import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'
import { medableAdapter } from '../src/adapter'
import { cortexValidationFault } from './fixtures'

// Medable's own client, CommonJS; loading it patches Error.prototype (FACTS.md), which this file relies on.
interface FaultInstance extends Error {
  code: string
  errCode: string
  statusCode: number
  reason?: string
  path?: string
  faults: FaultInstance[]
  toJSON(): Record<string, unknown>
}
interface FaultClass {
  new (code: string, message?: string, statusCode?: number, name?: string, reason?: string, path?: string): FaultInstance
  create(code: string, options: Record<string, unknown>): FaultInstance
  from(value: unknown, forceError?: boolean): FaultInstance | null
}
const { Fault } = createRequire(import.meta.url)('@medable/mdctl-core') as { Fault: FaultClass }

const decode = (input: ResponseInput) => medableAdapter.decode(readResponse(input))

describe('interop with @medable/mdctl-core', () => {
  const built = Fault.create('kValidationError', {
    message: 'Validation error',
    statusCode: 400,
    name: 'validation',
    faults: [
      { object: 'fault', code: 'kRequired', name: 'validation', statusCode: 400, reason: 'Required property', path: 'dob' },
      { object: 'fault', code: 'kInvalidString', name: 'fault', statusCode: 500, reason: 'Enter text', path: 'name.first', faults: [{ object: 'fault', code: 'kEnumValue', path: 'name.first.0', message: 'One of: a' }] },
    ],
  })

  it('decodes faults serialized by Fault#toJSON, as objects and as JSON text', () => {
    for (const body of [built.toJSON(), JSON.stringify(built.toJSON())]) {
      const error = decode({ status: 400, body })!
      expect(error).toMatchObject({ kind: 'invalid_request', reason: 'validation_failed', vendorCode: 'kValidationError', message: 'Validation error', extensions: { errCode: 'mdctl.validation.unspecified' } })
      expect(error.violations.map((violation) => [violation.path, violation.reason, violation.vendorCode])).toEqual([
        ['dob', 'missing_field', 'kRequired'],
        ['name.first', 'invalid_field', 'kInvalidString'],
        ['name.first.0', 'invalid_field', 'kEnumValue'],
      ])
      expect(error.causes[1]?.causes[0]).toMatchObject({ vendorCode: 'kEnumValue', message: 'One of: a', status: 500 })
      expect(CanonicalError.is(error)).toBe(true)
    }
  })

  it('decodes a thrown Fault instance from its own members', () => {
    const error = medableAdapter.decodeThrown!(built)!
    expect(error).toMatchObject({ kind: 'invalid_request', vendorCode: 'kValidationError', status: 400, vendorType: 'validation' })
    expect(error.violations.map((violation) => violation.path)).toEqual(['dob', 'name.first', 'name.first.0'])
    expect(Object.keys(error.extensions)).not.toContain('stack')
    expect(Object.keys(error.extensions)).not.toContain('statusCode')
  })

  it('writes faults that Fault.from reads back with every field', () => {
    const decoded = decode({ status: 400, body: { ...cortexValidationFault, reason: 'Two problems' } })!
    const parsed = Fault.from(JSON.parse(JSON.stringify(medableAdapter.encode(decoded).body)))!
    expect(parsed).toBeInstanceOf(Fault)
    expect([parsed.code, parsed.errCode, parsed.statusCode, parsed.message, parsed.reason, parsed.name]).toEqual([
      'kValidationError',
      'cortex.invalidArgument.unspecified',
      400,
      'Invalid Argument',
      'Two problems',
      'error',
    ])
    expect(parsed.faults.map((child) => [child.code, child.errCode, child.statusCode, child.message, child.reason, child.path])).toEqual([
      ['kRequired', 'cortex.validation.required', 400, 'Please enter a value', 'Required property', 'account.password'],
      ['kInvalidString', 'cortex.error.unspecified', 500, 'Error', 'Enter text between 1 and 100 characters in length', 'account.name.first'],
    ])
    // And Medable's own serializer gives back what we decode.
    expect(decode({ status: 400, body: JSON.parse(JSON.stringify(parsed.toJSON())) })).toEqual(decoded)
  })

  it('does not take an Error for a fault although Error.prototype now says object: "fault"', () => {
    const typeError = new TypeError('x')
    expect((typeError as unknown as { object: unknown }).object).toBe('fault')
    const error = decode({ body: typeError })
    expect(error?.vendorCode ?? null).toBeNull()
    expect(decode({ status: 500, body: typeError })).toMatchObject({ kind: 'internal', vendorCode: null, recognized: false })
    expect(medableAdapter.decodeThrown!(typeError)).toBeUndefined()
  })
})
