import { CanonicalError, readResponse } from '@faultline/core'
import { describe, expect, it } from 'vitest'
import { decodeMedable } from '../src/decode'
import { decodeFaultTree, medableTreeBounds } from '../src/faultTree'
import { wireDialect } from '../src/faultNode'
import { deepFault, wideFault } from './fixtures'

const context = { statusLine: 400, requestId: 'req_1', retryAfter: 5 }

/** Depth of the causes tree below `error` and its number of errors, counted iteratively. */
function measure(error: CanonicalError): { depth: number; count: number; truncatedNodes: number } {
  let depth = 0
  let count = 0
  let truncatedNodes = 0
  const pending: Array<[CanonicalError, number]> = error.causes.map((cause) => [cause, 1])
  while (pending.length > 0) {
    const [cause, level] = pending.pop()!
    count++
    if (cause.truncated) truncatedNodes++
    depth = Math.max(depth, level)
    for (const child of cause.causes) pending.push([child, level + 1])
  }
  return { depth, count, truncatedNodes }
}

describe('decodeFaultTree bounds', { timeout: 60_000 }, () => {
  it('decodes a chain 100,000 deep without overflowing, keeping 32 levels and every violation', () => {
    const error = decodeMedable(readResponse({ status: 400, body: deepFault(100_000) }))!
    const { depth, count, truncatedNodes } = measure(error)
    expect(depth).toBe(medableTreeBounds.maxCauseDepth)
    expect(count).toBe(32)
    expect(truncatedNodes).toBe(1)
    expect(error.truncated).toBe(true)
    expect(error.violations).toHaveLength(100_000)
    expect(error.violations[0]?.path).toBe('level1')
    expect(error.violations[99_999]?.path).toBe('level100000')
    expect(CanonicalError.is(error)).toBe(true)
    expect(JSON.parse(JSON.stringify(error))).toEqual(error)
  })

  it('decodes 100,000 children, keeping 10,000 causes in order and all 100,000 violations', () => {
    const error = decodeMedable(readResponse({ status: 400, body: wideFault(100_000) }))!
    expect(error.causes).toHaveLength(medableTreeBounds.maxCauses)
    expect(error.causes[9_999]?.param).toBe('items.9999')
    expect(error.violations).toHaveLength(100_000)
    expect(error.violations.map((violation) => violation.path).slice(-2)).toEqual(['items.99998', 'items.99999'])
    expect(error.truncated).toBe(true)
    expect(CanonicalError.is(error)).toBe(true)
  })

  it('cuts violations beyond 100,000 and says so', () => {
    const error = decodeMedable(readResponse({ status: 400, body: wideFault(100_001) }))!
    expect(error.violations).toHaveLength(100_000)
    expect(error.truncated).toBe(true)
  })

  it('does not set truncated within the bounds', () => {
    const error = decodeMedable(readResponse({ status: 400, body: deepFault(32) }))!
    expect(measure(error)).toEqual({ depth: 32, count: 32, truncatedNodes: 0 })
    expect(error.truncated).toBe(false)
    expect(decodeMedable(readResponse({ status: 400, body: deepFault(33) }))!.truncated).toBe(true)
    const wide = decodeMedable(readResponse({ status: 400, body: wideFault(10_000) }))!
    expect([wide.causes.length, wide.violations.length, wide.truncated]).toEqual([10_000, 10_000, false])
  })

  it('keeps causes in pre-order with their own fields only', () => {
    const body = {
      object: 'fault', code: 'kValidationError', status: 400,
      faults: [
        { object: 'fault', code: 'kError', reason: 'a', faults: [{ object: 'fault', code: 'kRequired', path: 'a.b' }] },
        { object: 'fault', code: 'kRequired', path: 'c' },
      ],
    }
    const error = decodeFaultTree(body, context)
    expect(error).toMatchObject({ requestId: 'req_1', retryAfter: 5 })
    expect(error.violations.map((violation) => violation.path)).toEqual(['a.b', 'c'])
    expect(error.causes[0]).toMatchObject({ vendorCode: 'kError', requestId: null, retryAfter: null, violations: [], status: null })
    expect(error.causes[0]?.causes[0]).toMatchObject({ vendorCode: 'kRequired', param: 'a.b', violations: [] })
  })

  it('applies custom bounds exactly, counting violations of cut subtrees', () => {
    const bounds = { ...medableTreeBounds, maxCauseDepth: 1, maxCauses: 1 }
    const body = {
      object: 'fault', code: 'kValidationError', status: 400,
      faults: [
        { object: 'fault', code: 'kRequired', path: 'a', faults: [{ object: 'fault', code: 'kRequired', path: 'a.b' }] },
        { object: 'fault', code: 'kRequired', path: 'c' },
      ],
    }
    const error = decodeFaultTree(body, context, wireDialect, bounds)
    expect(error.causes.map((cause) => [cause.param, cause.causes.length, cause.truncated])).toEqual([['a', 0, true]])
    expect(error.violations.map((violation) => violation.path)).toEqual(['a', 'a.b', 'c'])
    expect(error.truncated).toBe(true)
  })

  it('visits each object once: cyclic and repeated references end and count as a cut', () => {
    const root: Record<string, unknown> = { object: 'fault', code: 'kValidationError', status: 400 }
    const child: Record<string, unknown> = { object: 'fault', code: 'kRequired', path: 'x' }
    child.faults = [root, child]
    root.faults = [child, child]
    const error = decodeMedable(readResponse({ status: 400, body: root }))!
    expect(error.causes).toHaveLength(1)
    expect(error.violations).toHaveLength(1)
    expect(error.truncated).toBe(true)
    expect(error.causes[0]?.truncated).toBe(true)
    expect(CanonicalError.is(error)).toBe(true)
  })

  it('stops reading after maxScannedFaults elements', () => {
    const bounds = { ...medableTreeBounds, maxScannedFaults: 3 }
    const error = decodeFaultTree(wideFault(10), context, wireDialect, bounds)
    expect(error.causes.map((cause) => cause.param)).toEqual(['items.0', 'items.1', 'items.2'])
    expect(error.truncated).toBe(true)
    const sparse = decodeMedable(readResponse({ status: 400, body: { object: 'fault', code: 'kError', faults: new Array(2 ** 32 - 1) } }))
    expect(sparse?.truncated).toBe(true)
  })
})

describe('extension copies share one budget per tree', () => {
  it('copies a member shared by 10,000 faults within the bound, in bounded time', async () => {
    const { decodeMedable } = await import('../src/decode')
    const big = Object.fromEntries(Array.from({ length: 1_000 }, (_, i) => [`k${i}`, { v: i }]))
    const faults = Array.from({ length: 10_000 }, (_, i) => ({ object: 'fault', code: 'kRequired', path: `f${i}`, ext: big }))
    const started = Date.now()
    const error = decodeMedable(readResponse({ status: 400, body: { object: 'fault', code: 'kValidationError', status: 400, faults } }))!
    expect(Date.now() - started).toBeLessThan(5_000)
    expect(error.causes).toHaveLength(10_000)
    expect(error.violations).toHaveLength(10_000)
    expect(JSON.stringify(error).length).toBeLessThan(20_000_000)
    // The budget ran out, so extensions were cut: that is a cut of the tree (contract §2).
    expect(error.truncated).toBe(true)
  })

  it('cuts an array short when the budget runs out, never filling it with nulls', async () => {
    const { decodeMedable } = await import('../src/decode')
    const faults = Array.from({ length: 400 }, (_, i) => ({ object: 'fault', code: 'kRequired', path: `f${i}`, data: Array.from({ length: 300 }, (_, j) => j) }))
    const error = decodeMedable(readResponse({ status: 400, body: { object: 'fault', code: 'kValidationError', status: 400, faults } }))!
    for (const cause of error.causes) {
      const data = cause.extensions.data as unknown[] | undefined
      if (data !== undefined) expect(data).not.toContain(null)
    }
    expect(error.truncated).toBe(true)
  })
})

describe('a faults array faults in memory share', () => {
  it('is scanned once, and meeting it again is a cut', () => {
    let elementReads = 0
    const faults: object[] = []
    const counted = new Proxy(faults, {
      getOwnPropertyDescriptor(target, key) {
        elementReads++
        return Reflect.getOwnPropertyDescriptor(target, key)
      },
    })
    for (let i = 0; i < 1_000; i++) faults.push({ object: 'fault', code: 'kRequired', faults: counted })
    const error = decodeMedable(readResponse({ status: 400, body: { object: 'fault', code: 'kValidationError', faults: counted } }))!
    expect([error.causes.length, error.truncated]).toEqual([1_000, true])
    // Scanned once by the root; before, once more by each of its 1,000 faults (1,001,000 reads).
    expect(elementReads).toBeLessThanOrEqual(1_000)
  })
})
