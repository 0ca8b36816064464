import type { Adapter } from '@faultline/core'
import { medblocksAdapter, medblocksCatalog } from '@faultline/medblocks'
import { describe, expect, it } from 'vitest'
import { medblocksWireResponse, retryTruth } from '../src/index'

// fast-check reports the check's own error as the cause of its "Property failed" error.
const failureOf = (check: () => void): string => {
  try {
    check()
  } catch (error) {
    return String((error as Error & { cause?: Error }).cause?.message ?? (error as Error).message)
  }
  return 'passed'
}

const envelope = (entry: { group?: string; code: string }) => ({ error: { type: entry.group, code: entry.code, message: 'x' } })

describe('retryTruth', () => {
  it('passes an adapter whose errors say what its policy says', () => {
    const truth = retryTruth(medblocksAdapter)
    expect(() => {
      truth.policyIsTheAdapters()
      truth.everyStatus()
      truth.everyBody(medblocksCatalog.entries.map(envelope))
      truth.anyResponse(medblocksWireResponse(), 100)
      truth.documentedStatuses(medblocksCatalog, envelope)
    }).not.toThrow()
  })

  it('catches an adapter that says retryable where its policy does not', () => {
    const lying: Adapter = {
      ...medblocksAdapter,
      decode: (view, options) => {
        const error = medblocksAdapter.decode(view, options)
        return error === null || error.status !== 500 ? error : { ...error, retryable: !error.retryable }
      },
    }
    const truth = retryTruth(lying)
    expect(failureOf(truth.everyStatus)).toMatch(/^medblocks, every status: retryable and the retry policy disagree/)
    expect(failureOf(() => truth.everyBody(medblocksCatalog.entries.map(envelope)))).toMatch(/disagree/)
    expect(failureOf(() => truth.anyResponse(medblocksWireResponse(), 300))).toMatch(/disagree/)
  })

  it('catches a normalizer that follows another policy than the adapter\'s', () => {
    const other: Adapter = { ...medblocksAdapter, retryPolicy: undefined as never }
    expect(failureOf(retryTruth(other).policyIsTheAdapters)).toMatch(/withRetry does not follow/)
  })
})
