import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import type { CanonicalError } from '@faultline/core'
import { createAlertEngine, OVERFLOW_GROUP, type AlertEvent, type AlertRule, type ThresholdRule } from '@faultline/alerting'
import { errors } from './fixtures/errors'

// Property tests of the engine against brute force: recount the window from the full list of observed
// errors, and recompute the firing intervals from the definition (docs/alerting.md, "Semantics").

const vendors = ['medblocks', 'scribe', 'acme'] as const
const reasons = ['invalid_credentials', 'expired_credentials', 'session_expired'] as const

const errorArb: fc.Arbitrary<CanonicalError> = fc
  .record({ vendor: fc.constantFrom(...vendors), reason: fc.constantFrom(...reasons), vendorCode: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f') })
  .map((fields) => errors.medblocksInvalidApiKey(fields))

const ruleArb: fc.Arbitrary<ThresholdRule> = fc
  .record({
    count: fc.integer({ min: 1, max: 4 }),
    windowSeconds: fc.integer({ min: 1, max: 10 }),
    forSeconds: fc.integer({ min: 0, max: 6 }),
    keepFiringForSeconds: fc.option(fc.integer({ min: 0, max: 6 }), { nil: undefined }),
    groupBy: fc.constantFrom<AlertRule['groupBy']>(['vendor'], ['vendor', 'reason'], []),
    reason: fc.option(fc.constantFrom(...reasons), { nil: undefined }),
  })
  .map(({ count, windowSeconds, forSeconds, keepFiringForSeconds, groupBy, reason }) => ({
    id: 'prop',
    summary: 'Property rule.',
    runbook: 'None.',
    match: reason === undefined ? { kind: 'authentication' as const } : { kind: 'authentication' as const, reason },
    groupBy,
    threshold: { count, windowSeconds },
    forSeconds,
    ...(keepFiringForSeconds === undefined ? {} : { keepFiringForSeconds }),
    severity: 'page' as const,
  }))

type Op = { readonly type: 'observe'; readonly at: number; readonly error: CanonicalError } | { readonly type: 'advance'; readonly at: number }

/** Streams that mostly move forward but jump back by up to 12 s (out of order), with advances mixed in. */
const opsArb: fc.Arbitrary<ReadonlyArray<Op>> = fc
  .array(
    fc.record({ delta: fc.integer({ min: -12_000, max: 4_000 }), advance: fc.boolean(), error: errorArb }),
    { maxLength: 80 },
  )
  .map((steps) => {
    let clock = 0
    return steps.map(({ delta, advance, error }): Op => {
      clock = Math.max(0, clock + delta)
      return advance ? { type: 'advance', at: clock } : { type: 'observe', at: clock, error }
    })
  })

const matchesRule = (rule: AlertRule, error: CanonicalError) =>
  error.kind === 'authentication' && (rule.match.reason === undefined || rule.match.reason === error.reason)
const groupValues = (rule: AlertRule, error: CanonicalError): Record<string, string> =>
  Object.fromEntries(
    rule.groupBy.map((field) => [field, field === 'vendor' ? (error.vendor === 'acme' ? 'other' : error.vendor) : error.reason]),
  )
const sameGroup = (a: Record<string, string>, b: Record<string, string>) => JSON.stringify(a) === JSON.stringify(b)

describe('createAlertEngine (properties)', () => {
  it('the count of every group equals a brute-force recount of the window, for streams out of order', () => {
    fc.assert(
      fc.property(ruleArb, opsArb, (rule, ops) => {
        const engine = createAlertEngine([rule])
        const observed: Array<{ at: number; error: CanonicalError }> = []
        const windowMs = rule.threshold.windowSeconds * 1000
        let now = Number.NEGATIVE_INFINITY
        let lastEventAt = Number.NEGATIVE_INFINITY
        for (const op of ops) {
          const events = op.type === 'observe' ? engine.observe(op.error, op.at) : engine.advance(op.at)
          now = Math.max(now, op.at)
          if (op.type === 'observe') observed.push(op)
          for (const event of events) {
            expect(event.at).toBeGreaterThanOrEqual(lastEventAt) // events come in order of their instants
            expect(event.at).toBeLessThanOrEqual(now)
            lastEventAt = event.at
          }
          for (const { error } of observed) {
            if (!matchesRule(rule, error)) continue
            const group = groupValues(rule, error)
            const brute = observed.filter((o) => matchesRule(rule, o.error) && sameGroup(groupValues(rule, o.error), group) && o.at > now - windowMs).length
            expect(engine.count('prop', group)).toBe(brute)
          }
        }
      }),
      { numRuns: 300 },
    )
  })

  it('nothing is silently dropped: with a tiny group cap, the groups and the overflow group together hold every error in the window', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3 }), opsArb, (maxGroupsPerRule, ops) => {
        const rule: AlertRule = {
          id: 'codes',
          summary: 'Codes.',
          runbook: 'None.',
          match: { kind: 'authentication' },
          groupBy: ['vendorCode'],
          threshold: { count: 1000, windowSeconds: 5 },
          severity: 'info',
        }
        const engine = createAlertEngine([rule], { maxGroupsPerRule })
        const observed: Array<number> = []
        let now = Number.NEGATIVE_INFINITY
        for (const op of ops) {
          if (op.type === 'observe') {
            engine.observe(op.error, op.at)
            observed.push(op.at)
          } else engine.advance(op.at)
          now = Math.max(now, op.at)
          const held = ['a', 'b', 'c', 'd', 'e', 'f'].reduce((sum, code) => sum + engine.count('codes', { vendorCode: code }), 0)
          expect(held + engine.count('codes', OVERFLOW_GROUP)).toBe(observed.filter((at) => at > now - 5_000).length)
          expect(engine.stats().groups).toBeLessThanOrEqual(maxGroupsPerRule + 1)
        }
      }),
      { numRuns: 200 },
    )
  })

  /** In-order streams (timestamps non-decreasing), with ties. */
  const inOrderArb = fc
    .array(fc.record({ delta: fc.integer({ min: 0, max: 3_000 }), error: errorArb }), { minLength: 1, maxLength: 60 })
    .map((steps) => {
      let clock = 0
      return steps.map(({ delta, error }) => ({ at: (clock += delta), error }))
    })

  it('events depend only on the stream, not on how often advance is called', () => {
    fc.assert(
      fc.property(ruleArb, inOrderArb, fc.array(fc.boolean(), { minLength: 60, maxLength: 60 }), fc.integer({ min: 0, max: 3_000 }), (rule, stream, advances, gap) => {
        const end = (stream[stream.length - 1]?.at ?? 0) + 30_000
        const plain = createAlertEngine([rule])
        const eager = createAlertEngine([rule])
        const plainEvents: Array<AlertEvent> = []
        const eagerEvents: Array<AlertEvent> = []
        let previous = 0
        stream.forEach(({ at, error }, index) => {
          // An advance strictly before the next error's instant (a watermark it does not contradict).
          if (advances[index] === true && at > previous) eagerEvents.push(...eager.advance(Math.min(previous + gap, at - 1)))
          plainEvents.push(...plain.observe(error, at))
          eagerEvents.push(...eager.observe(error, at))
          previous = at
        })
        plainEvents.push(...plain.advance(end))
        eagerEvents.push(...eager.advance(end))
        expect(eagerEvents).toEqual(plainEvents)
      }),
      { numRuns: 300 },
    )
  })

  it('fires exactly over the intervals where the condition has held for forSeconds, kept for keepFiringForSeconds (brute-force model)', () => {
    fc.assert(
      fc.property(ruleArb, inOrderArb, (rule, stream) => {
        const engine = createAlertEngine([rule])
        const events: Array<AlertEvent> = []
        for (const { at, error } of stream) events.push(...engine.observe(error, at))
        const end = (stream[stream.length - 1]?.at ?? 0) + 60_000
        events.push(...engine.advance(end))

        const windowMs = rule.threshold.windowSeconds * 1000
        const forMs = (rule.forSeconds ?? 0) * 1000
        const keepMs = (rule.keepFiringForSeconds ?? 0) * 1000
        const groups = new Map<string, Array<number>>()
        for (const { at, error } of stream) {
          if (!matchesRule(rule, error)) continue
          const key = JSON.stringify(groupValues(rule, error))
          groups.set(key, [...(groups.get(key) ?? []), at])
        }
        const expected: Array<string> = []
        for (const [key, times] of groups) {
          const n = (t: number) => times.filter((ts) => ts > t - windowMs && ts <= t).length
          // The condition only changes at an error's instant or when one leaves the window: its runs [start, end).
          const points = [...new Set(times.flatMap((ts) => [ts, ts + windowMs]))].sort((a, b) => a - b)
          const runs: Array<readonly [number, number]> = []
          let runStart: number | undefined
          for (const point of points) {
            const holds = n(point) >= rule.threshold.count
            if (holds && runStart === undefined) runStart = point
            if (!holds && runStart !== undefined) {
              runs.push([runStart, point])
              runStart = undefined
            }
          }
          // A run fires after forMs; a firing alert lasts keepMs past its run, and into the next run if that starts by then.
          let firingSince: number | undefined
          let runEnd = 0
          for (const [start, end] of runs) {
            if (firingSince !== undefined && start <= runEnd + keepMs) {
              runEnd = end
              continue
            }
            if (firingSince !== undefined) expected.push(`${key} ${firingSince}-${runEnd + keepMs}`)
            firingSince = start + forMs < end ? start + forMs : undefined
            runEnd = end
          }
          if (firingSince !== undefined) expected.push(`${key} ${firingSince}-${runEnd + keepMs}`)
        }
        const actual: Array<string> = []
        const open = new Map<string, number>()
        for (const event of events) {
          const key = JSON.stringify(event.group)
          if (event.type === 'firing') open.set(key, event.at)
          else {
            actual.push(`${key} ${open.get(key)}-${event.at}`)
            open.delete(key)
          }
        }
        expect(open.size).toBe(0)
        expect(actual.sort()).toEqual(expected.sort())
      }),
      { numRuns: 300 },
    )
  })

  it('holds no memory once every window has passed', () => {
    fc.assert(
      fc.property(ruleArb, opsArb, (rule, ops) => {
        const engine = createAlertEngine([rule])
        let now = 0
        for (const op of ops) {
          if (op.type === 'observe') engine.observe(op.error, op.at)
          else engine.advance(op.at)
          now = Math.max(now, op.at)
        }
        engine.advance(now + (rule.threshold.windowSeconds + (rule.keepFiringForSeconds ?? 0)) * 1000)
        expect(engine.stats()).toMatchObject({ groups: 0, timestamps: 0 })
        expect(engine.active()).toEqual([])
      }),
      { numRuns: 200 },
    )
  })
})
