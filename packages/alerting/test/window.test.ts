import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { SlidingWindow } from '../src/window'

describe('SlidingWindow', () => {
  it('counts the entries of (t - length, t]', () => {
    const window = new SlidingWindow(10)
    for (const at of [5, 10, 15, 15]) window.insert(at)
    expect(window.countAt(15)).toBe(3) // 5 is out: 5 <= 15 - 10
    expect(window.countAt(14)).toBe(2)
    expect(window.countAt(24)).toBe(2)
    expect(window.countAt(25)).toBe(0)
  })

  it('keeps entries sorted when they arrive out of order', () => {
    const window = new SlidingWindow(100)
    for (const at of [50, 10, 30, 30, 90, 20]) window.insert(at)
    expect(window.newest()).toBe(90)
    expect(window.dropsBelowAt(2)).toBe(150) // 2nd newest is 50
    expect(window.dropsBelowAt(7)).toBe(Number.NEGATIVE_INFINITY)
  })

  it('takes entries older than all it holds (a capture read newest first) at the front, in order', () => {
    const window = new SlidingWindow(1_000_000)
    const count = 100_000
    for (let i = count; i > 0; i--) window.insert(i)
    window.insert(50_000.5)
    expect(window.size).toBe(count + 1)
    expect(window.countAt(count)).toBe(count + 1)
    expect(window.countAt(50_000)).toBe(50_000)
    expect(window.newest()).toBe(count)
    expect(window.dropsBelowAt(count + 1)).toBe(1 + 1_000_000)
    window.prune(1_000_000 + 50_000)
    expect(window.countAt(1_000_000 + 50_000)).toBe(50_001)
  })

  it('prunes what no later window holds, and compacts', () => {
    const window = new SlidingWindow(10)
    for (let at = 0; at < 1000; at += 1) window.insert(at)
    window.prune(999)
    expect(window.size).toBe(10)
    window.prune(2000)
    expect(window.size).toBe(0)
    expect(window.newest()).toBeUndefined()
  })

  it('agrees with a plain filter for any entries, prunes and queries', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 50 }),
        fc.array(fc.oneof(fc.record({ insert: fc.integer({ min: 0, max: 200 }) }), fc.record({ prune: fc.integer({ min: 0, max: 200 }) })), { maxLength: 100 }),
        fc.integer({ min: 0, max: 260 }),
        (length, ops, query) => {
          const window = new SlidingWindow(length)
          let model: Array<number> = []
          let pruned = Number.NEGATIVE_INFINITY
          for (const op of ops) {
            if ('insert' in op) {
              if (op.insert <= pruned - length) continue // the engine never inserts below its pruning point
              window.insert(op.insert)
              model.push(op.insert)
            } else {
              pruned = Math.max(pruned, op.prune)
              window.prune(pruned)
              model = model.filter((at) => at > pruned - length)
            }
          }
          expect(window.size).toBe(model.length)
          if (query >= pruned) expect(window.countAt(query)).toBe(model.filter((at) => at > query - length && at <= query).length)
        },
      ),
    )
  })

  it('stays exact over long streams pruned as they go (in-place compaction, multi-entry prunes)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.array(fc.record({ step: fc.integer({ min: -5, max: 10 }), copies: fc.integer({ min: 1, max: 3 }) }), { minLength: 100, maxLength: 400 }),
        (length, steps) => {
          const window = new SlidingWindow(length)
          let model: Array<number> = []
          let now = 0
          for (const { step, copies } of steps) {
            const at = Math.max(now - length + 1, now + step) // never below the pruning point
            now = Math.max(now, at)
            for (let i = 0; i < copies; i++) {
              window.insert(at)
              model.push(at)
            }
            window.prune(now)
            model = model.filter((t) => t > now - length).sort((a, b) => a - b)
            expect(window.size).toBe(model.length)
            expect(window.countAt(now)).toBe(model.length)
            expect(window.newest()).toBe(model[model.length - 1])
            expect(window.dropsBelowAt(2)).toBe(model.length >= 2 ? (model[model.length - 2] as number) + length : Number.NEGATIVE_INFINITY)
          }
        },
      ),
      { numRuns: 100 },
    )
  })
})
