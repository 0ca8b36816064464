import { describe, expect, it } from 'vitest'
import { createLabeler, groupOf, matches } from '@faultline/alerting'
import { errors } from './fixtures/errors'

describe('matches', () => {
  const key = errors.medblocksInvalidApiKey()

  it('matches everything with an empty match', () => {
    expect(matches({}, key)).toBe(true)
    expect(matches({}, errors.transportAborted())).toBe(true)
  })

  it('requires every given field, and any value of a list', () => {
    expect(matches({ kind: 'authentication', vendor: 'medblocks', reason: 'invalid_credentials', status: 401, recognized: true, retryable: false }, key)).toBe(true)
    expect(matches({ kind: ['permission', 'authentication'] }, key)).toBe(true)
    expect(matches({ kind: 'authentication', vendor: 'scribe' }, key)).toBe(false)
    expect(matches({ reason: ['expired_credentials'] }, key)).toBe(false)
    expect(matches({ status: [401, 403] }, key)).toBe(true)
    expect(matches({ status: 403 }, key)).toBe(false)
    expect(matches({ recognized: false }, key)).toBe(false)
    expect(matches({ retryable: true }, key)).toBe(false)
    expect(matches({ retryable: true }, errors.medipimTooManyRequests())).toBe(true)
  })

  it('compares the raw vendor, not its label', () => {
    expect(matches({ vendor: 'acme' }, errors.medblocksInvalidApiKey({ vendor: 'acme' }))).toBe(true)
    expect(matches({ vendor: 'other' }, errors.medblocksInvalidApiKey({ vendor: 'acme' }))).toBe(false)
  })

  it('leaves out the errors that satisfy `not`, at any depth', () => {
    expect(matches({ kind: 'authentication', not: { reason: 'expired_credentials' } }, key)).toBe(true)
    expect(matches({ kind: 'authentication', not: { reason: 'invalid_credentials' } }, key)).toBe(false)
    expect(matches({ not: { vendor: ['medblocks', 'scribe'] } }, key)).toBe(false)
    expect(matches({ not: { vendor: 'medblocks', status: 403 } }, key)).toBe(true) // `not` needs all of its fields
    expect(matches({ not: { not: { vendor: 'medblocks' } } }, key)).toBe(true)
    expect(matches({ not: { not: { vendor: 'scribe' } } }, key)).toBe(false)
    expect(matches({ not: {} }, key)).toBe(false) // an empty `not` holds for every error
  })

  it('never matches a status match on an error without status', () => {
    expect(matches({ status: [400, 500] }, errors.scribeSignatureMismatch())).toBe(false)
  })
})

describe('groupOf', () => {
  it('gives one bounded label per field, in rule order', () => {
    const group = groupOf(['status', 'vendor', 'vendorCode'], errors.medableNewLocation(), createLabeler())
    expect(group).toEqual({ status: '2xx', vendor: 'medable', vendorCode: 'kNewLocation' })
    expect(Object.keys(group)).toEqual(['status', 'vendor', 'vendorCode'])
    expect(groupOf([], errors.medableNewLocation(), createLabeler())).toEqual({})
  })
})
