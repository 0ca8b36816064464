import { describe, expect, it } from 'vitest'
import { medableCatalog } from '../src/catalog'
import { entryOfErrCode, errCodeCategories, errCodeCategory, errCodeDetails } from '../src/errCode'

describe('errCode', () => {
  it('reads the category as Medable\'s Fault does', () => {
    expect(errCodeCategory('cortex.validation.required')).toBe('validation')
    expect(errCodeCategory('cortex.invalidArgument')).toBe('invalidArgument')
    // Searched near the start only: a first part of more than 256 characters, or a category of more than 64.
    expect(errCodeCategory(`${'c'.repeat(256)}.${'v'.repeat(64)}`)).toBe('v'.repeat(64))
    expect(errCodeCategory(`${'c'.repeat(256)}.${'v'.repeat(64)}.x`)).toBe('v'.repeat(64))
    expect(errCodeCategory(`${'c'.repeat(257)}.validation`)).toBeUndefined()
    expect(errCodeCategory(`cortex.${'v'.repeat(65)}`)).toBeUndefined()
    expect(errCodeCategory(`cortex.${'v'.repeat(65)}.x`)).toBeUndefined()
    expect(errCodeCategory('validation')).toBeUndefined()
    expect(errCodeCategory(42)).toBeUndefined()
  })

  it('holds Medable\'s whole category table, every code of it in the catalog', () => {
    expect([...errCodeCategories]).toEqual([
      ['invalidArgument', 'kInvalidArgument'],
      ['validation', 'kValidationError'],
      ['accessDenied', 'kAccessDenied'],
      ['notFound', 'kNotFound'],
      ['timeout', 'kTimeout'],
      ['exists', 'kExists'],
      ['expired', 'kExpired'],
      ['tooLarge', 'kRequestTooLarge'],
      ['throttled', 'kThrottled'],
      ['tooBusy', 'kTooBusy'],
      ['error', 'kError'],
      ['notImplemented', 'kNotImplemented'],
      ['unsupportedOperation', 'kUnsupportedOperation'],
    ])
    for (const code of errCodeCategories.values()) expect(medableCatalog.lookup(code)?.code).toBe(code)
  })

  it('finds the entry of a known category, or of a known category and detail, only', () => {
    expect(entryOfErrCode('cortex.tooLarge.body')?.code).toBe('kRequestTooLarge')
    expect(entryOfErrCode('cortex.constructor.x')).toBeUndefined()
    expect(entryOfErrCode('cortex.__proto__.x')).toBeUndefined()
  })

  it('finds the two 2xx faults by category and detail (FACTS.md), whatever the namespace', () => {
    expect([...errCodeDetails]).toEqual([
      ['success.newLocation', 'kNewLocation'],
      ['accepted.mediaNotReady', 'kMediaNotReady'],
    ])
    expect(entryOfErrCode('cortex.success.newLocation')?.code).toBe('kNewLocation')
    expect(entryOfErrCode('cortex.accepted.mediaNotReady')?.code).toBe('kMediaNotReady')
    expect(entryOfErrCode('mdctl.success.newLocation')?.code).toBe('kNewLocation')
    // The detail must be exactly the documented one; the category alone names nothing.
    expect(entryOfErrCode('cortex.success')).toBeUndefined()
    expect(entryOfErrCode('cortex.success.other')).toBeUndefined()
    expect(entryOfErrCode('cortex.success.newLocation.x')).toBeUndefined()
    expect(entryOfErrCode('cortex.accepted.newLocation')).toBeUndefined()
    expect(entryOfErrCode(`cortex.success.newLocation${'x'.repeat(1_000_000)}`)).toBeUndefined()
  })
})
