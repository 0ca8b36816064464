import { textBounds } from '@faultline/core/internal'
import { describe, expect, it } from 'vitest'
import { errorWithin } from './harness'

// Decision 014, "text an object shares": JSON cannot share a string, but an object in memory can. Without a bound
// on characters, 100,000 violations pointing at one 10,000-character message were an error `JSON.stringify`
// could not write ("Invalid string length"). The harness checks that every answer survives JSON.
const bound = 10_000
const long = 'x'.repeat(10_000)
const serialized = (value: unknown): number => JSON.stringify(value).length

describe('hostile input: one long string shared by every element', { sequential: true, timeout: 120_000 }, () => {
  it('Medipim violations are cut where their text passes 2^26 characters', () => {
    const violations = Array.from({ length: 100_000 }, () => ({ propertyPath: 'name', message: long, code: 'required' }))
    const error = errorWithin('medipim', { status: 422, body: { error: { code: 'validation_failed', violations } } }, bound)
    expect(error.truncated).toBe(true)
    // 10,000 + 4 + 8 characters each: the first 6,702 fit in 2^26.
    expect(error.violations.length).toBe(Math.floor(textBounds.maxViolationText / (long.length + 'name'.length + 'required'.length)))
    expect(serialized(error)).toBeLessThan(2 * textBounds.maxViolationText)
  })

  it('problem, FHIR and Medable violations are cut alike', () => {
    const problem = errorWithin('problem', { status: 400, body: { type: 'about:blank', title: 't', errors: Array(100_000).fill({ path: 'a', detail: long }) } }, bound)
    const issue = { severity: 'error', code: 'required', diagnostics: long, expression: ['a'] }
    const fhir = errorWithin('fhir', { status: 400, body: { resourceType: 'OperationOutcome', issue: Array(100_000).fill(issue) } }, bound)
    const faults = Array.from({ length: 100_000 }, () => ({ object: 'fault', code: 'kRequired', path: 'a', message: long }))
    const medable = errorWithin('medable', { status: 400, body: { object: 'fault', code: 'kValidationError', faults } }, bound)
    for (const error of [problem, fhir, medable]) {
      expect(error.truncated).toBe(true)
      expect(error.violations.length).toBeGreaterThan(6_000)
      expect(error.violations.length).toBeLessThan(6_711)
      expect(serialized(error)).toBeLessThan(2 * textBounds.maxViolationText + 2 * textBounds.maxTreeText)
    }
  })

  it('a tree keeps causes while their text fits 2^24 characters, then cuts', () => {
    const faults = Array.from({ length: 10_000 }, () => ({ object: 'fault', code: 'kInvalidArgument', message: long }))
    const medable = errorWithin('medable', { status: 400, body: { object: 'fault', code: 'kValidationError', faults } }, bound)
    const problem = errorWithin('problem', {
      status: 400,
      body: { type: 'about:blank', title: 't', causes: Array.from({ length: 9_000 }, () => ({ type: 'about:blank', title: 't', detail: long })) },
    }, bound)
    for (const error of [medable, problem]) {
      expect(error.truncated).toBe(true)
      expect(error.causes.length).toBeGreaterThan(1_500)
      expect(error.causes.length).toBeLessThan(1_700)
      expect(serialized(error)).toBeLessThan(2 * textBounds.maxTreeText)
    }
  })

  it('an extensions copy holds at most 2^24 characters, however often a string or key repeats in it', () => {
    const members = Object.fromEntries(Array.from({ length: 5_000 }, (_, i) => [`k${i}`, long]))
    const nested = errorWithin('medblocks', { status: 400, body: { error: { code: 'x', a: members, b: members } } }, bound)
    const flat = errorWithin('scribe', { status: 400, body: { error: { code: 'x', ...members } } }, bound)
    const longKey = { [long]: 1 }
    const keys = errorWithin('medipim', { status: 400, body: { error: { code: 'x', list: Array(10_000).fill(longKey) } } }, bound)
    for (const error of [nested, flat, keys]) expect(serialized(error.extensions)).toBeLessThan(textBounds.maxCopyText + 200_000)
    // What fits is kept: the first member, cut short, under its key.
    expect(Object.keys(nested.extensions)).toEqual(['a'])
    expect(Object.keys(nested.extensions.a as object).length).toBeGreaterThan(1_600)
    // A flat record of 5,000 members is 50 M characters: it is copied as a nested one is, to the bound.
    let fitting = 0
    for (let left = textBounds.maxCopyText; (left -= `k${fitting}`.length + long.length) >= 0; ) fitting++
    expect(Object.keys(flat.extensions).length).toBe(fitting)
  })

  it('the extensions of every fault share the tree budget of 2^24 characters', () => {
    const faults = Array.from({ length: 10_000 }, () => ({ object: 'fault', code: 'kRequired', note: long }))
    const medable = errorWithin('medable', { status: 400, body: { object: 'fault', code: 'kValidationError', faults } }, bound)
    expect(medable.truncated).toBe(true)
    expect(medable.causes.length).toBe(10_000)
    expect(medable.causes.filter((cause) => 'note' in cause.extensions).length).toBeLessThan(1_700)
    expect(serialized(medable)).toBeLessThan(2 * textBounds.maxTreeText)
  })
})

describe('hostile input: one long string read once per document', { timeout: 120_000 }, () => {
  it('a problem type URI of 1 MB shared by 10,000 causes is not split each time (12 s before; a few ms now)', () => {
    const type = `https://faultline.dev/problems/invalid_request/${'a'.repeat(1_000_000)}`
    const causes = Array.from({ length: 10_000 }, () => ({ type, title: 't' }))
    const error = errorWithin('problem', { status: 400, body: { type: 'about:blank', title: 't', causes } }, bound)
    // Not faultline's type: a foreign one, kept as each cause's vendorCode and docUrl while their text fits.
    expect([error.causes[0]?.vendorCode, error.truncated]).toEqual([type, true])
  })

  it('is looked at in its ends only, not read once per fault (100,000 faults took 24 s; about 0.7 s now)', () => {
    for (const message of [' '.repeat(100_000), `${' '.repeat(100_000)}x`]) {
      const faults = Array.from({ length: 100_000 }, () => ({ object: 'fault', code: 'kRequired', path: 'a', message }))
      const error = errorWithin('medable', { status: 400, body: { object: 'fault', code: 'kValidationError', faults } }, bound)
      expect(error.truncated).toBe(true)
    }
  })
})
