import type { CanonicalError } from '@faultline/core'
import { describe, expect, it } from 'vitest'
import { addToReport, formatReport, newReportTotals } from '../src/report'
import { plainStyle } from '../src/table'
import { normalizeError } from 'faultline'

const unknownCode = (code: string, vendor = 'medblocks'): CanonicalError => ({
  ...normalizeError('medblocks', { status: 400, headers: {}, body: { error: { type: 'invalid_request_error', code, message: 'New.' } } })!,
  vendor,
})

const counts = (errors: number) => ({ read: errors, errors, successes: 0, skipped: 0 })

describe('faultline report totals', () => {
  it('holds at most 10,000 distinct unrecognized codes, and still counts the ones it holds', () => {
    const totals = newReportTotals()
    for (let i = 0; i <= 10_000; i++) addToReport(totals, unknownCode(`code_${i}`), null)
    addToReport(totals, unknownCode('code_0'), null)
    expect(totals.distinctUnrecognizedCodes).toBe(10_000)
    expect(totals.unrecognizedCodes.get('medblocks')?.has('code_10000')).toBe(false)
    expect(totals.unrecognizedCodes.get('medblocks')?.get('code_0')).toBe(2)
    const report = formatReport(totals, counts(10_002), plainStyle)
    expect(report).toMatch(/medblocks: code_0\s+2/)
    expect(report).toMatch(/invalid_request \/ unrecognized\s+10002\s+100%/)
  })

  it('adds up the pairs that print alike', () => {
    const totals = newReportTotals()
    addToReport(totals, unknownCode('b: c', 'a'), null)
    addToReport(totals, unknownCode('c', 'a: b'), null)
    expect(formatReport(totals, counts(2), plainStyle)).toMatch(/a: b: c\s+2/)
  })
})
