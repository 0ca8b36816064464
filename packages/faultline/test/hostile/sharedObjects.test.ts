import { describe, expect, it } from 'vitest'
import { errorWithin } from './harness'

// Decision 014: an object in memory may hand one string, buffer or array to thousands of elements; JSON cannot.
// Each case took 1-50 s before its fix (measured by a review); the bound here is generous for a loaded CI machine,
// the typical figure is in each title.
const bound = 10_000
const long = 'x'.repeat(100_000)

describe('hostile input: one value shared by thousands of elements', { sequential: true, timeout: 120_000 }, () => {
  it('header values: arrays are joined to the bound, names past 256 characters are dropped unread (a few ms)', () => {
    const spell = (i: number) => 'xrequestid'.replace(/./g, (char, j: number) => ((i >> j) & 1 ? char.toUpperCase() : char))
    const values = Array(100).fill(long)
    const spellings = Object.fromEntries(Array.from({ length: 1_000 }, (_, i) => [spell(i).replace(/^(.)(.{7})/, '$1-$2-'), values]))
    // One value is kept whole; the others of that name are not joined to it, in any spelling.
    expect(errorWithin('medblocks', { status: 500, headers: spellings, body: '' }, bound).requestId).toBe(long)
    expect(errorWithin('medblocks', { status: 500, headers: Array(10_000).fill(['x-request-id', values]), body: '' }, bound).requestId).toBe(long)
    const name = 'X'.repeat(1_000_000)
    expect(errorWithin('medblocks', { status: 500, headers: Array(10_000).fill([name, 'v']), body: '' }, bound).status).toBe(500)
  })

  it('typed arrays and String wrappers as faults, documents or envelopes have their fields looked up, not their keys listed (tens of ms)', () => {
    const buffer = new ArrayBuffer(100_000)
    const faults = Array.from({ length: 1_000 }, () => Object.assign(new Uint8Array(buffer), { object: 'fault', code: 'kRequired', path: 'b' }))
    const medable = errorWithin('medable', { status: 400, body: { object: 'fault', code: 'kValidationError', faults } }, bound)
    expect([medable.causes.length, medable.violations.length, medable.causes[0]?.vendorCode]).toEqual([1_000, 1_000, 'kRequired'])
    const wrappers = Array.from({ length: 300 }, () => Object.assign(new String(long), { object: 'fault', code: 'kRequired', path: 'b' }))
    expect(errorWithin('medable', { status: 400, body: { object: 'fault', code: 'kValidationError', faults: wrappers } }, bound).causes.length).toBe(300)
    const causes = Array.from({ length: 1_000 }, () => new Uint8Array(buffer))
    expect(errorWithin('problem', { status: 400, body: { type: 'about:blank', title: 't', causes } }, bound).causes.length).toBe(1_000)
    const medipim = errorWithin('medipim', { status: 400, body: { error: Object.assign(new Uint8Array(4_000_000), { code: 'x', message: 'm' }) } }, bound)
    expect([medipim.vendorCode, medipim.message, medipim.extensions]).toEqual(['x', 'm', {}])
    const scribe = errorWithin('scribe', { status: 400, body: { error: Object.assign(new String(long), { code: 'x', message: 'm' }) } }, bound)
    expect([scribe.vendorCode, scribe.message, scribe.extensions]).toEqual(['x', 'm', {}])
  })

  it('a blank problem instance shared by 10,000 causes is looked at in its ends (about 0.4 s)', () => {
    const instance = ' '.repeat(1_000_000)
    const causes = Array.from({ length: 10_000 }, () => ({ type: 'about:blank', title: 't', instance }))
    const error = errorWithin('problem', { status: 400, body: { type: 'about:blank', title: 't', causes } }, bound)
    expect(error.causes[0]?.requestId).toBeNull()
  })

  it('FHIR: an issue or coding array met again is read once, a long vendor system is not decoded (a few ms)', () => {
    const coding = { system: `https://faultline.dev/fhir/CodeSystem/vendor/${'v'.repeat(100_000)}`, code: 'c' }
    const issue = { severity: 'error', code: 'invalid', details: { coding: Array(100).fill(coding) } }
    const distinct = Array.from({ length: 1_000 }, () => ({ ...issue }))
    expect(errorWithin('fhir', { status: 400, body: { resourceType: 'OperationOutcome', issue: distinct } }, bound).vendorCode).toBe('invalid')
    const shared = errorWithin('fhir', { status: 400, body: { resourceType: 'OperationOutcome', issue: Array(100_001).fill(issue) } }, bound)
    expect(shared.truncated).toBe(true)
  })

  it('FHIR: the canonical-error extension parses one `extensions` part and searches short reasons only (tens of ms)', () => {
    const negativeZero = `{"a":[${'0,'.repeat(500_000)}-0]}`
    const parts = [...Array(1_000).fill({ url: 'extensions', valueString: negativeZero }), ...Array(1_000).fill({ url: 'reason', valueCode: `${'a'.repeat(4_000_000)}!` })]
    const extension = { url: 'https://faultline.dev/fhir/StructureDefinition/canonical-error', extension: parts }
    const error = errorWithin('fhir', { status: 400, body: { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'invalid' }], extension: [extension] } }, bound)
    expect(error.extensions).toEqual({})
  })

  it('Medable: a long errCode is searched near its start, a shared `faults` array is scanned once (a few hundred ms)', () => {
    const errCode = `.${'x'.repeat(10_000_000)}`
    const coded = Array.from({ length: 100_000 }, () => ({ object: 'fault', errCode }))
    expect(errorWithin('medable', { status: 400, body: { object: 'fault', code: 'kValidationError', faults: coded } }, bound).truncated).toBe(true)
    const faults: object[] = []
    for (let i = 0; i < 10_000; i++) faults.push({ object: 'fault', code: 'kRequired', faults })
    const shared = errorWithin('medable', { status: 400, body: { object: 'fault', code: 'kValidationError', faults } }, bound)
    expect([shared.causes.length, shared.truncated]).toEqual([10_000, true])
  })
})
