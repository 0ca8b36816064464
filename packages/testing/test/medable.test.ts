import { readResponse } from '@faultline/core'
import { medableAdapter, medableCatalog } from '@faultline/medable'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { medableFault, medableNormalFormResponse, medableWireResponse } from '../src/medable'

const sample = <T>(arbitrary: fc.Arbitrary<T>, n = 500): T[] => fc.sample(arbitrary, { numRuns: n, seed: 42 })

describe('Medable arbitraries', () => {
  it('medableFault: faults with documented and unknown codes, errCode-only faults and nested trees', () => {
    const faults = sample(medableFault())
    expect(faults.every((fault) => fault.object === 'fault')).toBe(true)
    expect(faults.some((fault) => medableCatalog.lookup(fault.code) !== undefined)).toBe(true)
    expect(faults.some((fault) => typeof fault.code === 'string' && medableCatalog.lookup(fault.code) === undefined)).toBe(true)
    expect(faults.some((fault) => fault.code === undefined && typeof fault.errCode === 'string')).toBe(true)
    expect(faults.some((fault) => Array.isArray(fault.faults) && (fault.faults as unknown[]).some((child) => Array.isArray((child as { faults?: unknown }).faults)))).toBe(true)
  })

  it('medableWireResponse: all three header forms, 2xx faults, NDJSON and success bodies', () => {
    const responses = sample(medableWireResponse(), 1000)
    expect(responses.some((response) => response.headers instanceof Headers)).toBe(true)
    expect(responses.some((response) => Array.isArray(response.headers))).toBe(true)
    expect(responses.some((response) => typeof response.body === 'string' && response.body.includes('\n') && response.body.trim().endsWith('}'))).toBe(true)
    const decoded = responses.map((response) => medableAdapter.decode(readResponse(response as never)))
    expect(decoded.some((error) => error !== null && error.status !== null && error.status < 300)).toBe(true)
    expect(decoded.some((error) => error === null)).toBe(true)
  })

  it('medableNormalFormResponse: responses that decode to errors without truncation', () => {
    for (const response of sample(medableNormalFormResponse(), 200)) {
      const error = medableAdapter.decode(readResponse(response))
      expect(error?.truncated).toBe(false)
      expect((response.body as { status: unknown }).status).toBe(response.status)
    }
  })
})
