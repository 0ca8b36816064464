import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import type { CanonicalError, Kind } from '@faultline/core'
import {
  createAlertEngine,
  createLabeler,
  groupByFields,
  groupOf,
  OVERFLOW_GROUP,
  type AlertEngine,
  type AlertEngineOptions,
  type AlertMatch,
  type AlertRule,
  type Inhibition,
  type LabelPolicy,
} from '@faultline/alerting'
import { errors } from './fixtures/errors'
import { createReferenceEngine } from './fixtures/referenceEngine'

// The engine against the reference engine (test/fixtures/referenceEngine.ts: the straightforward engine that
// re-examines every live group on every call, and recounts every ratio and SLO window from all outcomes at
// every grid instant): for any rules and any stream (out of order, ties, advances, successes, several
// vendors, tiny group caps, inhibitions), the same events in the same order with the same instants, counts
// and ratios, and after every call the same active(), count() and stats().

const policy: LabelPolicy = { vendors: ['medblocks', 'scribe', 'odd\u0000vendor'] }
const kindsUsed: ReadonlyArray<Kind> = ['authentication', 'permission', 'rate_limited', 'unavailable', 'signature']
const reasonsUsed = ['invalid_credentials', 'expired_credentials', 'forbidden', 'throttled', 'made_up_reason'] as const

const errorArb: fc.Arbitrary<CanonicalError> = fc
  .record({
    kind: fc.constantFrom(...kindsUsed),
    vendor: fc.constantFrom('medblocks', 'scribe', 'acme', 'odd\u0000vendor'),
    reason: fc.constantFrom(...reasonsUsed),
    vendorCode: fc.constantFrom('a', 'b', '', 'x\u0000y', 'x', '\u0001', '\u0000overflow', null),
    status: fc.constantFrom(401, 403, 418, 429, 503, null),
    recognized: fc.boolean(),
    retryable: fc.boolean(),
  })
  .map((fields) => errors.medblocksInvalidApiKey(fields))

/** A match field that is usually absent, so that most errors match most rules. */
const rarely = <A>(arb: fc.Arbitrary<A>): fc.Arbitrary<A | undefined> =>
  fc.oneof({ arbitrary: fc.constant(undefined), weight: 4 }, { arbitrary: arb, weight: 1 })

/** The fields that may be undefined, made optional instead. */
type Defined<A> = { [K in keyof A as undefined extends A[K] ? never : K]: A[K] } & { [K in keyof A as undefined extends A[K] ? K : never]?: Exclude<A[K], undefined> }

/** `record` without its undefined fields. */
const defined = <A extends object>(record: A): Defined<A> => Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as Defined<A>

const kindArb = fc.oneof(fc.constantFrom(...kindsUsed), fc.uniqueArray(fc.constantFrom(...kindsUsed), { minLength: 2, maxLength: 4 }))
const vendorArb = fc.constantFrom<string | ReadonlyArray<string>>('medblocks', ['scribe', 'acme'], 'acme')
const reasonArb = fc.constantFrom<string | ReadonlyArray<string>>('invalid_credentials', ['forbidden', 'made_up_reason', 'throttled'])

const notArb: fc.Arbitrary<AlertMatch> = fc
  .record({ kind: rarely(kindArb), vendor: rarely(vendorArb), reason: rarely(reasonArb), retryable: rarely(fc.boolean()) })
  .map(defined)
  .filter((match) => Object.keys(match).length > 0)

const matchArb: fc.Arbitrary<AlertMatch> = fc
  .record({
    kind: rarely(kindArb),
    vendor: rarely(vendorArb),
    reason: rarely(reasonArb),
    status: rarely(fc.constantFrom<number | ReadonlyArray<number>>(401, [403, 418, 429])),
    recognized: rarely(fc.boolean()),
    retryable: rarely(fc.boolean()),
    not: rarely(notArb),
  })
  .map(defined)

/** What every rule has: `for` and `keep_firing_for` of up to 3 `step`s (often whole ones), optional labels and runbook. */
const fieldsArb = (id: string, step: number) => {
  const seconds = fc.oneof(fc.integer({ min: 0, max: 3 }).map((n) => n * step), fc.integer({ min: 0, max: 3 * step }))
  return fc
    .record({
      forSeconds: seconds,
      keepFiringForSeconds: fc.option(seconds, { nil: undefined }),
      groupBy: fc.shuffledSubarray([...groupByFields], { maxLength: 3 }),
      match: matchArb,
      labels: rarely(fc.constant({ team: 'integrations' })),
      runbook: rarely(fc.constant('None.')),
    })
    .map((fields) => defined({ id, summary: 'Rule.', ...fields }))
}

const thresholdArb = (id: string): fc.Arbitrary<AlertRule> =>
  fc
    .tuple(fieldsArb(id, 2), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 6 }))
    .map(([fields, count, windowSeconds]) => ({ ...fields, threshold: { count, windowSeconds }, severity: 'ticket' as const }))

const ratioArb = (id: string, interval: number): fc.Arbitrary<AlertRule> =>
  fc
    .tuple(
      fieldsArb(id, interval),
      fc.oneof(fc.constantFrom(0.25, 0.5, 1, 1 / 3), fc.double({ min: 0.01, max: 1, noNaN: true })),
      fc.integer({ min: 1, max: 4 }),
      fc.integer({ min: 1, max: 4 }),
    )
    .map(([fields, min, windows, minRequests]) => ({ ...fields, ratio: { min, windowSeconds: windows * interval, minRequests }, severity: 'page' as const }))

const sloArb = (id: string): fc.Arbitrary<AlertRule> =>
  fc
    .tuple(fieldsArb(id, 60), fc.constantFrom(0.5, 0.8, 0.9, 0.95, 0.99), fc.constantFrom(1, 2))
    .map(([fields, objective, periodDays]) => ({ ...fields, slo: { objective, periodDays } }))

type Op =
  | { readonly type: 'observe'; readonly at: number; readonly error: CanonicalError }
  | { readonly type: 'outcome'; readonly at: number; readonly vendor: string; readonly error: CanonicalError | null }
  | { readonly type: 'advance'; readonly at: number }

const opsArb: fc.Arbitrary<ReadonlyArray<Op>> = fc
  .tuple(
    fc.constantFrom(0, Date.UTC(2026, 0, 1)),
    fc.array(
      fc.record({
        // Mostly on a 500 ms grid, so that errors often leave windows exactly when others arrive.
        delta: fc.oneof(
          { arbitrary: fc.constant(0), weight: 2 },
          { arbitrary: fc.integer({ min: -3, max: 5 }).map((n) => n * 500), weight: 5 },
          { arbitrary: fc.integer({ min: -7_000, max: 3_000 }), weight: 1 },
        ),
        advance: fc.boolean(),
        error: errorArb,
      }),
      { minLength: 1, maxLength: 120, size: 'max' },
    ),
  )
  .map(([start, steps]) => {
    let clock = start
    return steps.map(({ delta, advance, error }): Op => {
      clock = Math.max(start, clock + delta)
      return advance ? { type: 'advance', at: clock } : { type: 'observe', at: clock, error }
    })
  })

/** Outcome streams on the scale of `interval` seconds: grid instants hit exactly, late outcomes, quiet gaps. */
const outcomeOpsArb = (interval: number): fc.Arbitrary<ReadonlyArray<Op>> => {
  const ms = interval * 1000
  const vendors = ['medblocks', 'scribe', 'acme', 'odd\u0000vendor'] as const
  return fc
    .tuple(
      fc.constantFrom(0, Date.UTC(2026, 0, 1)),
      fc.array(
        fc.record({
          delta: fc.oneof(
            { arbitrary: fc.constant(0), weight: 3 },
            { arbitrary: fc.integer({ min: -2, max: 4 }).map((n) => (n * ms) / 3), weight: 6 },
            { arbitrary: fc.integer({ min: -ms, max: 2 * ms }), weight: 2 },
            { arbitrary: fc.integer({ min: 1, max: 60 }).map((n) => n * ms), weight: 1 },
          ),
          type: fc.constantFrom('observe', 'outcome', 'outcome', 'outcome', 'advance'),
          vendor: fc.constantFrom(...vendors),
          failed: fc.oneof({ arbitrary: fc.constant('no'), weight: 3 }, { arbitrary: fc.constant('yes'), weight: 3 }, { arbitrary: fc.constant('elsewhere'), weight: 1 }),
          error: errorArb,
        }),
        { minLength: 1, maxLength: 80, size: 'max' },
      ),
    )
    .map(([start, steps]) => {
      let clock = start
      return steps.map(({ delta, type, vendor, failed, error }): Op => {
        // Whole milliseconds, never before the start.
        clock = Math.max(start, Math.round(clock + delta))
        if (type === 'advance') return { type, at: clock }
        if (type === 'observe') return { type, at: clock, error }
        // A failure of the vendor called, or (rarely) an error naming another vendor.
        const outcome = failed === 'no' ? null : failed === 'yes' ? { ...error, vendor } : error
        return { type, at: clock, vendor, error: outcome }
      })
    })
}

/** Inhibitions among the rules `ids` (none for a single rule), their equal labels among those alerts carry. */
const inhibitionsArb = (ids: ReadonlyArray<string>): fc.Arbitrary<ReadonlyArray<Inhibition> | undefined> =>
  ids.length < 2
    ? fc.constant(undefined)
    : rarely(
        fc.array(
          fc
            .tuple(fc.constantFrom(...ids), fc.subarray(['vendor', 'reason', 'team', 'severity']))
            .chain(([source, equal]) =>
              fc.subarray(ids.filter((id) => id !== source), { minLength: 1 }).map((targets) => ({ source, targets, equal })),
            ),
          { maxLength: 2 },
        ),
      )

/** What an engine holds, but its buckets (the engine's memory layout, which the reference does not model). */
const heldBy = (engine: AlertEngine) => {
  const { buckets: _, ...held } = engine.stats()
  return held
}

/** Runs `ops` on the engine and the reference, comparing everything observable after every call. */
const compare = (rules: ReadonlyArray<AlertRule>, ops: ReadonlyArray<Op>, options: AlertEngineOptions, flushMs: number): AlertEngine => {
  const engine = createAlertEngine(rules, options)
  const reference = createReferenceEngine(rules, options)
  const labeler = createLabeler(policy)
  const seen: Array<CanonicalError> = []
  for (const op of ops) {
    if (op.type === 'observe') {
      seen.push(op.error)
      expect(engine.observe(op.error, op.at)).toEqual(reference.observe(op.error, op.at))
    } else if (op.type === 'outcome') {
      if (op.error !== null) seen.push(op.error)
      expect(engine.observeOutcome(op.vendor, op.error, op.at)).toEqual(reference.observeOutcome(op.vendor, op.error, op.at))
    } else expect(engine.advance(op.at)).toEqual(reference.advance(op.at))
    expect(engine.active()).toEqual(reference.active())
    expect(heldBy(engine)).toEqual(heldBy(reference))
    for (const rule of rules) {
      const groups = new Map([OVERFLOW_GROUP, {}, { vendor: 'medblocks', extra: 'x' }, ...seen.map((error) => groupOf(rule.groupBy, error, labeler))].map((group) => [JSON.stringify(group), group]))
      for (const group of groups.values()) {
        expect(engine.count(rule.id, group)).toBe(reference.count(rule.id, group))
      }
    }
  }
  const end = (ops[ops.length - 1]?.at ?? 0) + flushMs
  expect(engine.advance(end)).toEqual(reference.advance(end))
  expect(heldBy(engine)).toEqual(heldBy(reference))
  return engine
}

/** FAULTLINE_ENGINE_RUNS=10000 for a longer search. */
const runs = Number(process.env.FAULTLINE_ENGINE_RUNS ?? 200)

describe('createAlertEngine against the reference engine', () => {
  it('gives the same events, active alerts, counts and stats for any threshold rules and stream', () => {
    fc.assert(
      fc.property(
        fc.tuple(thresholdArb('first'), thresholdArb('second'), thresholdArb('third')).chain((rules) => fc.subarray(rules, { minLength: 1 })),
        opsArb,
        fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }),
        (rules, ops, maxGroupsPerRule) => {
          compare(rules, ops, maxGroupsPerRule === undefined ? { labels: policy } : { labels: policy, maxGroupsPerRule }, 60_000)
        },
      ),
      { numRuns: runs },
    )
  }, Math.max(60_000, runs * 100))

  it('gives the same for any mix of threshold, ratio and SLO rules over outcome streams, and frees every bucket after', () => {
    const mixArb = fc.constantFrom(15, 30, 60).chain((interval) =>
      fc
        .tuple(thresholdArb('first'), ratioArb('second', interval), sloArb('third'), ratioArb('fourth', interval))
        .chain((rules) => fc.subarray(rules, { minLength: 1 }))
        .chain((rules) =>
          fc.record({
            interval: fc.constant(interval),
            rules: fc.constant(rules),
            ops: outcomeOpsArb(interval),
            maxGroupsPerRule: fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }),
            inhibitions: inhibitionsArb(rules.map((rule) => rule.id)),
          }),
        ),
    )
    fc.assert(
      fc.property(mixArb, ({ interval, rules, ops, maxGroupsPerRule, inhibitions }) => {
        const options: AlertEngineOptions = defined({ labels: policy, evaluationIntervalSeconds: interval, maxGroupsPerRule, inhibitions })
        // Long enough for the widest window (a 2-day SLO's 4.8 hours) and every keep to pass.
        const engine = compare(rules, ops, options, 6 * 3_600_000)
        expect(engine.stats()).toMatchObject({ groups: 0, buckets: 0 })
      }),
      { numRuns: Math.ceil(runs / 2) },
    )
  }, Math.max(120_000, runs * 400))
})
