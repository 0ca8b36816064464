import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import type { CanonicalError, Kind } from '@faultline/core'
import { createAlertEngine, createLabeler, groupByFields, groupOf, OVERFLOW_GROUP, type AlertRule, type LabelPolicy } from '@faultline/alerting'
import { errors } from './fixtures/errors'
import { createReferenceEngine } from './fixtures/referenceEngine'

// The engine against the reference engine (test/fixtures/referenceEngine.ts: the straightforward engine that
// re-examines every live group on every call): for any rules and any stream (out of order, ties, advances,
// tiny group caps), the same events in the same order with the same instants and counts, and after every
// call the same active(), count() and stats().

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

const ruleArb = (id: string): fc.Arbitrary<AlertRule> =>
  fc
    .record({
      count: fc.integer({ min: 1, max: 4 }),
      windowSeconds: fc.integer({ min: 1, max: 6 }),
      forSeconds: fc.integer({ min: 0, max: 6 }),
      groupBy: fc.shuffledSubarray([...groupByFields], { maxLength: 3 }),
      kind: rarely(fc.oneof(fc.constantFrom(...kindsUsed), fc.uniqueArray(fc.constantFrom(...kindsUsed), { minLength: 2, maxLength: 4 }))),
      vendor: rarely(fc.constantFrom<string | ReadonlyArray<string>>('medblocks', ['scribe', 'acme'])),
      reason: rarely(fc.constantFrom<string | ReadonlyArray<string>>('invalid_credentials', ['forbidden', 'made_up_reason', 'throttled'])),
      status: rarely(fc.constantFrom<number | ReadonlyArray<number>>(401, [403, 418, 429])),
      recognized: rarely(fc.boolean()),
      retryable: rarely(fc.boolean()),
    })
    .map(({ count, windowSeconds, forSeconds, groupBy, ...match }) => ({
      id,
      summary: 'Rule.',
      runbook: 'None.',
      match: Object.fromEntries(Object.entries(match).filter(([, value]) => value !== undefined)),
      groupBy,
      threshold: { count, windowSeconds },
      forSeconds,
      severity: 'ticket' as const,
    }))

type Op = { readonly type: 'observe'; readonly at: number; readonly error: CanonicalError } | { readonly type: 'advance'; readonly at: number }

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

/** FAULTLINE_ENGINE_RUNS=10000 for a longer search. */
const runs = Number(process.env.FAULTLINE_ENGINE_RUNS ?? 200)

describe('createAlertEngine against the reference engine', () => {
  it('gives the same events, active alerts, counts and stats for any rules and stream', () => {
    fc.assert(
      fc.property(
        fc.tuple(ruleArb('first'), ruleArb('second'), ruleArb('third')).chain((rules) => fc.subarray(rules, { minLength: 1 })),
        opsArb,
        fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }),
        (rules, ops, maxGroupsPerRule) => {
          const options = maxGroupsPerRule === undefined ? { labels: policy } : { labels: policy, maxGroupsPerRule }
          const engine = createAlertEngine(rules, options)
          const reference = createReferenceEngine(rules, options)
          const labeler = createLabeler(policy)
          const seen: Array<CanonicalError> = []
          for (const op of ops) {
            if (op.type === 'observe') {
              seen.push(op.error)
              expect(engine.observe(op.error, op.at)).toEqual(reference.observe(op.error, op.at))
            } else expect(engine.advance(op.at)).toEqual(reference.advance(op.at))
            expect(engine.active()).toEqual(reference.active())
            expect(engine.stats()).toEqual(reference.stats())
            for (const rule of rules) {
              const groups = new Map([OVERFLOW_GROUP, {}, { vendor: 'medblocks', extra: 'x' }, ...seen.map((error) => groupOf(rule.groupBy, error, labeler))].map((group) => [JSON.stringify(group), group]))
              for (const group of groups.values()) {
                expect(engine.count(rule.id, group)).toBe(reference.count(rule.id, group))
              }
            }
          }
          const end = (ops[ops.length - 1]?.at ?? 0) + 60_000
          expect(engine.advance(end)).toEqual(reference.advance(end))
          expect(engine.stats()).toEqual(reference.stats())
        },
      ),
      { numRuns: runs },
    )
  }, Math.max(60_000, runs * 100))
})
