import { describe, expect, it } from 'vitest'
import { AlertRuleError, createAlertEngine, OVERFLOW_GROUP, type AlertEvent, type ThresholdRule } from '@faultline/alerting'
import { errors } from './fixtures/errors'

const rule = (overrides: Partial<ThresholdRule> = {}): ThresholdRule => ({
  id: 'test-rule',
  summary: 'Test errors are piling up.',
  runbook: 'Look at the test.',
  match: { kind: 'authentication' },
  groupBy: ['vendor'],
  threshold: { count: 3, windowSeconds: 60 },
  severity: 'page',
  ...overrides,
})

const brief = (events: ReadonlyArray<AlertEvent>) => events.map((e) => `${e.type}@${e.at}:${e.count}:${JSON.stringify(e.group)}`)
const key = () => errors.medblocksInvalidApiKey()

describe('createAlertEngine: threshold and window', () => {
  it('fires at the observation that reaches the count, and not before', () => {
    const engine = createAlertEngine([rule()])
    expect(engine.observe(key(), 1_000)).toEqual([])
    expect(engine.observe(key(), 2_000)).toEqual([])
    expect(engine.observe(key(), 3_000)).toEqual([
      { type: 'firing', ruleId: 'test-rule', severity: 'page', group: { vendor: 'medblocks' }, at: 3_000, count: 3 },
    ])
    expect(engine.observe(key(), 4_000)).toEqual([]) // already firing: no second event
    expect(engine.active()).toEqual([
      {
        ruleId: 'test-rule',
        severity: 'page',
        group: { vendor: 'medblocks' },
        summary: 'Test errors are piling up.',
        runbook: 'Look at the test.',
        since: 3_000,
        count: 4,
      },
    ])
  })

  it('uses the window (t - w, t]: an error leaves it exactly w after it happened', () => {
    const engine = createAlertEngine([rule()])
    engine.observe(key(), 1_000)
    engine.observe(key(), 2_000)
    engine.observe(key(), 3_000)
    expect(engine.advance(60_999)).toEqual([])
    expect(engine.count('test-rule', { vendor: 'medblocks' })).toBe(3)
    expect(engine.advance(61_000)).toEqual([
      { type: 'resolved', ruleId: 'test-rule', severity: 'page', group: { vendor: 'medblocks' }, at: 61_000, count: 2 },
    ])
    expect(engine.count('test-rule', { vendor: 'medblocks' })).toBe(2)
    expect(engine.active()).toEqual([])
  })

  it('reports a resolution at its exact instant, however late advance is called', () => {
    const engine = createAlertEngine([rule()])
    for (const at of [1_000, 2_000, 3_000]) engine.observe(key(), at)
    expect(brief(engine.advance(3_600_000))).toEqual(['resolved@61000:2:{"vendor":"medblocks"}'])
    expect(engine.advance(3_600_000)).toEqual([]) // idempotent
    expect(engine.advance(10)).toEqual([]) // time does not go back
  })

  it('does not resolve at an instant until the instant is complete: a later error stamped then can keep it up', () => {
    const engine = createAlertEngine([rule()])
    for (const at of [1_000, 2_000, 3_000]) engine.observe(key(), at)
    // At 61 s the error of 1 s leaves the window; another error stamped 61 s keeps the count at 3.
    expect(engine.observe(errors.medipimInactiveKey(), 61_000)).toEqual([]) // other group: medblocks not resolved yet
    expect(engine.observe(key(), 61_000)).toEqual([])
    expect(engine.advance(61_000)).toEqual([])
    expect(engine.active().map((a) => a.since)).toEqual([3_000])
    expect(brief(engine.advance(62_000))).toEqual(['resolved@62000:2:{"vendor":"medblocks"}'])
  })

  it('resolves at the instant once an error stamped later arrives', () => {
    const engine = createAlertEngine([rule()])
    for (const at of [1_000, 2_000, 3_000]) engine.observe(key(), at)
    expect(brief(engine.observe(errors.medipimInactiveKey(), 61_500))).toEqual(['resolved@61000:2:{"vendor":"medblocks"}'])
  })

  it('resolves at the instant an error leaves the window even when another group was observed at that instant', () => {
    // Regression: the error of 0 s leaves at 1 s; observing another group at 1 s pruned it, and the
    // resolution was then reported at -Infinity with count 0.
    const engine = createAlertEngine([rule({ threshold: { count: 1, windowSeconds: 1 } })])
    engine.observe(errors.medblocksInvalidApiKey(), 0)
    engine.observe(errors.medipimInactiveKey(), 1_000)
    expect(engine.stats()).toMatchObject({ groups: 2, timestamps: 1 }) // the error of 0 s is no longer held
    expect(engine.advance(5_000).map((e) => `${e.type}@${e.at}:${e.count}:${e.group.vendor}`)).toEqual([
      'resolved@1000:0:medblocks',
      'resolved@2000:0:medipim',
    ])
  })

  it('keeps one window and one alert per group', () => {
    const engine = createAlertEngine([rule()])
    for (const at of [1_000, 2_000]) engine.observe(key(), at)
    for (const at of [1_500, 2_500]) engine.observe(errors.medipimInactiveKey(), at)
    expect(engine.observe(errors.medipimInactiveKey(), 3_000).map((e) => e.group)).toEqual([{ vendor: 'medipim' }])
    expect(engine.count('test-rule', { vendor: 'medblocks' })).toBe(2)
    expect(engine.count('test-rule', { vendor: 'medipim' })).toBe(3)
  })

  it('groups by several fields, with bounded values (status class, other vendor) and vendorCode verbatim', () => {
    const engine = createAlertEngine([rule({ groupBy: ['vendor', 'kind', 'reason', 'status', 'vendorCode'], threshold: { count: 1, windowSeconds: 60 } })])
    const [event] = engine.observe(key(), 1_000)
    expect(event?.group).toEqual({ vendor: 'medblocks', kind: 'authentication', reason: 'invalid_credentials', status: '401', vendorCode: 'invalid_api_key' })
    const [odd] = engine.observe(errors.medblocksInvalidApiKey({ vendor: 'acme', status: 418, reason: 'brand_new_reason', vendorCode: null }), 2_000)
    expect(odd?.group).toEqual({ vendor: 'other', kind: 'authentication', reason: 'other', status: '4xx', vendorCode: 'none' })
  })

  it('keeps vendors of a wider label policy', () => {
    const engine = createAlertEngine([rule({ threshold: { count: 1, windowSeconds: 60 } })], { labels: { vendors: ['acme'] } })
    expect(engine.observe(errors.medblocksInvalidApiKey({ vendor: 'acme' }), 1_000)[0]?.group).toEqual({ vendor: 'acme' })
    expect(engine.observe(key(), 1_000)[0]?.group).toEqual({ vendor: 'other' })
  })

  it('with no groupBy, counts every matching error in one group', () => {
    const engine = createAlertEngine([rule({ groupBy: [] })])
    engine.observe(key(), 1_000)
    engine.observe(errors.medipimInactiveKey(), 1_000)
    expect(brief(engine.observe(errors.medblocksExpiredApiKey(), 1_000))).toEqual(['firing@1000:3:{}'])
  })
})

describe('createAlertEngine: match', () => {
  it('counts only errors that satisfy every field of the match', () => {
    const engine = createAlertEngine([
      rule({ match: { kind: ['authentication', 'permission'], vendor: 'medblocks', status: [401, 403], retryable: false, recognized: true }, threshold: { count: 1, windowSeconds: 60 } }),
    ])
    expect(engine.observe(errors.medipimInactiveKey(), 1)).toEqual([]) // vendor
    expect(engine.observe(key(), 2)).toHaveLength(1)
    const other = createAlertEngine([rule({ match: { status: 500 }, threshold: { count: 1, windowSeconds: 60 } })])
    expect(other.observe(errors.transportRefused(), 1)).toEqual([]) // no status never matches a status match
    expect(other.observe(errors.medblocksInternal(), 2)).toHaveLength(1)
  })
})

describe('createAlertEngine: forSeconds', () => {
  const held = rule({ forSeconds: 30 })

  it('fires only once the condition has held for forSeconds, at that exact instant', () => {
    const engine = createAlertEngine([held])
    for (const at of [1_000, 2_000, 3_000]) expect(engine.observe(key(), at)).toEqual([]) // pending since 3 s
    expect(engine.advance(32_999)).toEqual([])
    expect(engine.active()).toEqual([])
    expect(brief(engine.advance(40_000))).toEqual(['firing@33000:3:{"vendor":"medblocks"}'])
    expect(engine.active()[0]?.since).toBe(33_000)
  })

  it('restarts the clock when the condition breaks before forSeconds', () => {
    const engine = createAlertEngine([rule({ forSeconds: 30, threshold: { count: 2, windowSeconds: 20 } })])
    engine.observe(key(), 0)
    engine.observe(key(), 10_000) // pending since 10 s; the error of 0 s leaves at 20 s: broken
    engine.observe(key(), 25_000) // pending again since 25 s (errors of 10 s and 25 s)
    for (let at = 26_000; at <= 54_000; at += 4_000) engine.observe(key(), at)
    expect(engine.active()).toEqual([])
    expect(brief(engine.advance(55_000))).toEqual(['firing@55000:5:{"vendor":"medblocks"}'])
  })

  it('fires and resolves within one advance when both happen in between', () => {
    const engine = createAlertEngine([held])
    for (const at of [1_000, 2_000, 3_000]) engine.observe(key(), at)
    expect(brief(engine.advance(120_000))).toEqual(['firing@33000:3:{"vendor":"medblocks"}', 'resolved@61000:2:{"vendor":"medblocks"}'])
  })

  it('never fires when the condition ends before forSeconds', () => {
    const engine = createAlertEngine([rule({ forSeconds: 60 })])
    for (const at of [1_000, 2_000, 3_000]) engine.observe(key(), at)
    expect(engine.advance(1_000_000)).toEqual([])
  })
})

describe('createAlertEngine: keepFiringForSeconds', () => {
  const kept = rule({ keepFiringForSeconds: 30 })

  it('keeps a firing alert up for keepFiringForSeconds after its condition stops, and resolves then', () => {
    const engine = createAlertEngine([kept])
    for (const at of [1_000, 2_000, 3_000]) engine.observe(key(), at)
    // The condition stops at 61 s (the error of 1 s leaves): resolved at 91 s.
    expect(engine.advance(90_999)).toEqual([])
    expect(engine.active().map((a) => a.since)).toEqual([3_000])
    expect(brief(engine.advance(91_000))).toEqual(['resolved@91000:0:{"vendor":"medblocks"}'])
  })

  it('goes on firing when the condition holds again before then, and keeps again from the next stop', () => {
    const engine = createAlertEngine([kept])
    for (const at of [1_000, 2_000, 3_000]) engine.observe(key(), at)
    engine.observe(key(), 70_000)
    engine.observe(key(), 75_000)
    expect(engine.observe(key(), 80_000)).toEqual([]) // 3 in (20 s, 80 s]: holds again, no new event
    expect(engine.active().map((a) => a.since)).toEqual([3_000])
    // It stops at 130 s (the error of 70 s leaves), kept until 160 s.
    expect(brief(engine.advance(200_000))).toEqual(['resolved@160000:0:{"vendor":"medblocks"}'])
  })

  it('an error stamped at the resolution instant that makes the condition hold keeps it up', () => {
    const engine = createAlertEngine([kept])
    for (const at of [1_000, 2_000, 3_000]) engine.observe(key(), at)
    for (const at of [89_000, 90_000]) engine.observe(key(), at)
    expect(engine.observe(key(), 91_000)).toEqual([])
    expect(engine.advance(91_000)).toEqual([])
    expect(brief(engine.advance(200_000))).toEqual(['resolved@179000:0:{"vendor":"medblocks"}'])
  })

  it('does not keep a pending alert', () => {
    const engine = createAlertEngine([rule({ forSeconds: 120, keepFiringForSeconds: 30 })])
    for (const at of [1_000, 2_000, 3_000]) engine.observe(key(), at)
    expect(engine.advance(1_000_000)).toEqual([])
  })
})

describe('createAlertEngine: rule fields', () => {
  it('matches errors that do not satisfy match.not', () => {
    const engine = createAlertEngine([rule({ match: { kind: 'authentication', not: { reason: 'expired_credentials' } }, threshold: { count: 1, windowSeconds: 60 } })])
    expect(engine.observe(errors.medblocksExpiredApiKey(), 1_000)).toEqual([])
    expect(engine.observe(key(), 2_000)).toHaveLength(1)
  })

  it('carries the rule labels on events and alerts, and a runbook only when the rule has one', () => {
    const { runbook: _, ...withoutRunbook } = rule({ labels: { team: 'integrations' }, threshold: { count: 1, windowSeconds: 60 } })
    const engine = createAlertEngine([withoutRunbook])
    expect(engine.observe(key(), 1_000)).toEqual([
      { type: 'firing', ruleId: 'test-rule', severity: 'page', group: { vendor: 'medblocks' }, at: 1_000, count: 1, labels: { team: 'integrations' } },
    ])
    const [alert] = engine.active()
    expect(alert).toEqual({ ruleId: 'test-rule', severity: 'page', group: { vendor: 'medblocks' }, summary: 'Test errors are piling up.', since: 1_000, count: 1, labels: { team: 'integrations' } })
    expect(alert !== undefined && 'runbook' in alert).toBe(false)
  })

  it('counts a success as nothing for threshold rules, but it moves the clock', () => {
    const engine = createAlertEngine([rule()])
    for (const at of [1_000, 2_000, 3_000]) engine.observe(key(), at)
    expect(brief(engine.observeOutcome('medblocks', null, 61_500))).toEqual(['resolved@61000:2:{"vendor":"medblocks"}'])
    expect(engine.count('test-rule', { vendor: 'medblocks' })).toBe(2)
  })
})

describe('createAlertEngine: out of order and late errors', () => {
  it('counts an out-of-order error that is still inside the window, from the moment it arrives', () => {
    const engine = createAlertEngine([rule()])
    engine.observe(key(), 50_000)
    engine.observe(key(), 55_000)
    expect(brief(engine.observe(key(), 20_000))).toEqual(['firing@55000:3:{"vendor":"medblocks"}'])
    // The late error (20 s) is the oldest: it leaves the window first, at 80 s.
    expect(brief(engine.advance(90_000))).toEqual(['resolved@80000:2:{"vendor":"medblocks"}'])
  })

  it('ignores an error already outside the window, and says so in stats', () => {
    const engine = createAlertEngine([rule()])
    engine.observe(key(), 100_000)
    engine.observe(key(), 100_000)
    expect(engine.observe(key(), 40_000)).toEqual([]) // 40 s <= 100 s - 60 s
    expect(engine.count('test-rule', { vendor: 'medblocks' })).toBe(2)
    expect(engine.stats().late).toBe(1)
  })

  it('after advance(t) settled instant t, an error stamped t can fire again at t', () => {
    const engine = createAlertEngine([rule()])
    for (const at of [1_000, 2_000, 3_000]) engine.observe(key(), at)
    expect(brief(engine.advance(61_000))).toEqual(['resolved@61000:2:{"vendor":"medblocks"}'])
    expect(brief(engine.observe(key(), 61_000))).toEqual(['firing@61000:3:{"vendor":"medblocks"}'])
  })
})

describe('createAlertEngine: bounded memory', () => {
  it('counts the errors of groups beyond the cap in the overflow group, which alerts like any other', () => {
    const engine = createAlertEngine([rule({ groupBy: ['vendorCode'], threshold: { count: 3, windowSeconds: 60 } })], { maxGroupsPerRule: 2 })
    engine.observe(errors.medblocksInvalidApiKey({ vendorCode: 'a' }), 1_000)
    engine.observe(errors.medblocksInvalidApiKey({ vendorCode: 'b' }), 1_000)
    engine.observe(errors.medblocksInvalidApiKey({ vendorCode: 'c' }), 1_000)
    engine.observe(errors.medblocksInvalidApiKey({ vendorCode: 'd' }), 1_000)
    expect(brief(engine.observe(errors.medblocksInvalidApiKey({ vendorCode: 'e' }), 1_000))).toEqual(['firing@1000:3:{"__overflow__":"true"}'])
    expect(engine.count('test-rule', OVERFLOW_GROUP)).toBe(3)
    expect(engine.count('test-rule', { vendorCode: 'a' })).toBe(1)
    expect(engine.stats()).toMatchObject({ groups: 3, overflowed: 3 })
  })

  it('frees the groups of quiet errors, so new groups fit under the cap again', () => {
    const engine = createAlertEngine([rule({ groupBy: ['vendorCode'] })], { maxGroupsPerRule: 2 })
    engine.observe(errors.medblocksInvalidApiKey({ vendorCode: 'a' }), 1_000)
    engine.observe(errors.medblocksInvalidApiKey({ vendorCode: 'b' }), 2_000)
    expect(engine.stats()).toMatchObject({ groups: 2, timestamps: 2 })
    engine.advance(70_000)
    expect(engine.stats()).toMatchObject({ groups: 0, timestamps: 0 })
    engine.observe(errors.medblocksInvalidApiKey({ vendorCode: 'c' }), 71_000)
    expect(engine.count('test-rule', { vendorCode: 'c' })).toBe(1)
    expect(engine.stats().overflowed).toBe(0)
  })
})

describe('createAlertEngine: inputs', () => {
  it('validates its rules like loadRules', () => {
    expect(() => createAlertEngine([rule({ threshold: { count: 0, windowSeconds: 60 } })])).toThrow(AlertRuleError)
    expect(() => createAlertEngine([rule(), rule()])).toThrow(/rules\[1\]\.id: duplicate id "test-rule"/)
    expect(() => createAlertEngine([rule()], { maxGroupsPerRule: 0 })).toThrow(RangeError)
  })

  it('rejects timestamps that are not finite numbers', () => {
    const engine = createAlertEngine([rule()])
    expect(() => engine.observe(key(), Number.NaN)).toThrow(/finite timestamp/)
    expect(() => engine.advance(Number.POSITIVE_INFINITY)).toThrow(RangeError)
  })

  it('uses the default pack when given no rules', () => {
    expect(createAlertEngine().rules.map((r) => r.id)).toContain('credentials-failing')
  })

  it('orders simultaneous events by rule, then group', () => {
    const engine = createAlertEngine([rule({ id: 'b-rule', threshold: { count: 1, windowSeconds: 60 } }), rule({ id: 'a-rule', threshold: { count: 1, windowSeconds: 60 } })])
    engine.observe(errors.medipimInactiveKey(), 1_000)
    engine.observe(key(), 1_000)
    expect(engine.advance(100_000).map((e) => `${e.ruleId}:${e.group.vendor}`)).toEqual([
      'b-rule:medblocks',
      'b-rule:medipim',
      'a-rule:medblocks',
      'a-rule:medipim',
    ])
  })
})
