import { describe, expect, it } from 'vitest'
import type { CanonicalError } from '@faultline/core'
import { createAlertEngine, sloWindowsOf, type AlertEngine, type AlertEvent, type RatioRule, type SloRule } from '@faultline/alerting'
import { errors } from './fixtures/errors'

// Ratio and SLO rules, by hand: every instant below is a grid instant of the default 15 s interval, and every
// expected count and ratio is worked out in the comment beside it.

const ratioRule = (overrides: Partial<RatioRule> = {}): RatioRule => ({
  id: 'error-ratio',
  summary: 'Too many requests to this vendor fail.',
  match: { kind: 'unavailable' },
  groupBy: ['vendor'],
  ratio: { min: 0.25, windowSeconds: 60, minRequests: 4 },
  severity: 'page',
  ...overrides,
})

const sloRule = (overrides: Partial<SloRule> = {}): SloRule => ({
  id: 'vendor-objective',
  summary: 'The vendor burns its error budget.',
  match: { kind: 'unavailable' },
  groupBy: ['vendor'],
  slo: { objective: 0.99 },
  ...overrides,
})

const down = () => errors.medipimServiceUnavailable()
const brief = (events: ReadonlyArray<AlertEvent>) =>
  events.map((e) => `${e.type}@${e.at}:${e.count}:${e.ratio}${e.window === undefined ? '' : `:${e.window}:${e.severity}`}`)

/** `successes` successful requests to medipim and `failures` 503s, all stamped `at`. */
const outcomes = (engine: AlertEngine, at: number, successes: number, failures: number, make: () => CanonicalError = down): Array<AlertEvent> => {
  const events: Array<AlertEvent> = []
  for (let i = 0; i < successes; i++) events.push(...engine.observeOutcome('medipim', null, at))
  for (let i = 0; i < failures; i++) events.push(...engine.observeOutcome('medipim', make(), at))
  return events
}

describe('ratio rules', () => {
  it('fire at the first evaluation where errors / requests reaches min, exactly at min, and resolve when the window empties', () => {
    const engine = createAlertEngine([ratioRule()])
    // 3 successes and 1 error in (0, 15 s]: at 15 s the 60 s window holds 1 error in 4 requests, 0.25.
    expect(outcomes(engine, 4_000, 3, 1)).toEqual([])
    expect(engine.advance(14_999)).toEqual([]) // no evaluation before the grid instant
    expect(engine.advance(15_000)).toEqual([
      { type: 'firing', ruleId: 'error-ratio', severity: 'page', group: { vendor: 'medipim' }, at: 15_000, count: 1, ratio: 0.25 },
    ])
    expect(engine.active()).toEqual([
      { ruleId: 'error-ratio', severity: 'page', group: { vendor: 'medipim' }, summary: 'Too many requests to this vendor fail.', since: 15_000, count: 1, ratio: 0.25 },
    ])
    // The bucket ending at 15 s leaves the window at 75 s: no request, ratio 0.
    expect(brief(engine.advance(600_000))).toEqual(['resolved@75000:0:0'])
    expect(engine.stats()).toMatchObject({ groups: 0, buckets: 0 })
  })

  it('do not fire just below min, nor below minRequests', () => {
    const below = createAlertEngine([ratioRule()])
    outcomes(below, 1_000, 4, 1) // 1 in 5: 0.2
    expect(below.advance(600_000)).toEqual([])
    const quiet = createAlertEngine([ratioRule()])
    outcomes(quiet, 1_000, 0, 3) // 3 in 3, but 3 requests < 4
    expect(quiet.advance(15_000)).toEqual([])
    // A fourth request at 16 s: at 30 s the window holds 3 errors in 4 requests.
    expect(quiet.observeOutcome('medipim', null, 16_000)).toEqual([])
    expect(brief(quiet.advance(30_000))).toEqual(['firing@30000:3:0.75'])
  })

  it('divide by the requests of the group vendor only', () => {
    const engine = createAlertEngine([ratioRule({ ratio: { min: 0.5, windowSeconds: 60, minRequests: 1 } })])
    outcomes(engine, 1_000, 1, 1) // medipim: 1 in 2
    for (let i = 0; i < 100; i++) engine.observeOutcome('scribe', null, 1_000)
    expect(engine.advance(15_000).map((e) => `${e.type}:${JSON.stringify(e.group)}:${e.ratio}`)).toEqual(['firing:{"vendor":"medipim"}:0.5'])
  })

  it('without groupBy vendor, divide by every vendor the match names, or by all vendors', () => {
    const rule = ratioRule({ groupBy: [], ratio: { min: 0.5, windowSeconds: 60, minRequests: 1 } })
    const all = createAlertEngine([rule])
    outcomes(all, 1_000, 1, 1)
    for (let i = 0; i < 2; i++) all.observeOutcome('scribe', null, 1_000)
    expect(brief(all.advance(15_000))).toEqual([]) // 1 error in 4 requests
    const named = createAlertEngine([{ ...rule, match: { kind: 'unavailable', vendor: 'medipim' } }])
    outcomes(named, 1_000, 1, 1)
    for (let i = 0; i < 2; i++) named.observeOutcome('scribe', null, 1_000)
    expect(brief(named.advance(15_000))).toEqual(['firing@15000:1:0.5']) // scribe is not named
  })

  it('count the errors the match allows, `not` included; `not` leaves the requests alone', () => {
    const engine = createAlertEngine([ratioRule({ groupBy: [], match: { kind: 'unavailable', not: { vendor: 'medipim' } } })])
    outcomes(engine, 1_000, 0, 2) // medipim's 503s are left out of the errors, not of the requests
    engine.observeOutcome('medblocks', errors.medblocksFhirError(), 1_000)
    engine.observeOutcome('medblocks', null, 1_000)
    expect(brief(engine.advance(15_000))).toEqual(['firing@15000:1:0.25'])
  })

  it('count an error passed to observe as a request of its vendor', () => {
    const engine = createAlertEngine([ratioRule()])
    for (const at of [1_000, 2_000, 3_000, 4_000]) engine.observe(down(), at)
    expect(brief(engine.advance(15_000))).toEqual(['firing@15000:4:1'])
  })

  it('carry the rule labels and an optional runbook', () => {
    const engine = createAlertEngine([ratioRule({ labels: { team: 'integrations' }, runbook: 'Check the vendor.' })])
    outcomes(engine, 1_000, 0, 4)
    expect(engine.advance(15_000)[0]?.labels).toEqual({ team: 'integrations' })
    expect(engine.active()[0]).toMatchObject({ labels: { team: 'integrations' }, runbook: 'Check the vendor.' })
  })

  it('hold for forSeconds over evaluations, and keep firing for keepFiringForSeconds', () => {
    const engine = createAlertEngine([ratioRule({ forSeconds: 30, keepFiringForSeconds: 30 })])
    outcomes(engine, 1_000, 0, 4)
    // Holds at 15, 30, 45 and 60 s; pending from 15 s, fires at 45 s (45 - 15 >= 30); stops holding at 75 s,
    // kept until 105 s (105 - 75 >= 30).
    expect(brief(engine.advance(200_000))).toEqual(['firing@45000:4:1', 'resolved@105000:0:0'])
  })

  it('a kept alert that holds again goes on firing, and a later stop starts a new keep', () => {
    const engine = createAlertEngine([ratioRule({ keepFiringForSeconds: 30 })])
    outcomes(engine, 1_000, 0, 4)
    expect(brief(engine.advance(75_000))).toEqual(['firing@15000:4:1']) // stopped holding at 75 s: kept
    // A kept alert shows the values of the last evaluation at which it held (60 s), as Prometheus' alert value.
    expect(engine.active()[0]).toMatchObject({ since: 15_000, count: 4, ratio: 1 })
    outcomes(engine, 80_000, 0, 4) // holds again at 90 s
    expect(brief(engine.advance(300_000))).toEqual(['resolved@180000:0:0']) // stops at 150 s, kept until 180 s
  })

  it('count a late outcome in the first bucket not yet evaluated, as a counter incremented late shows at the next scrape', () => {
    const engine = createAlertEngine([ratioRule({ ratio: { min: 0.5, windowSeconds: 15, minRequests: 1 } })])
    engine.observeOutcome('medipim', null, 1_000)
    expect(engine.advance(30_000)).toEqual([])
    // Stamped 20 s, but 30 s is evaluated: it counts in the bucket ending at 45 s.
    expect(engine.observeOutcome('medipim', down(), 20_000)).toEqual([])
    expect(engine.count('error-ratio', { vendor: 'medipim' })).toBe(1)
    expect(brief(engine.advance(45_000))).toEqual(['firing@45000:1:1'])
  })

  it('evaluate an instant once it is complete: by advance to it, or by an outcome after it', () => {
    const engine = createAlertEngine([ratioRule({ ratio: { min: 0.5, windowSeconds: 15, minRequests: 1 } })])
    engine.observeOutcome('medipim', down(), 15_000) // stamped at the instant: in the bucket ending at 15 s
    expect(engine.observeOutcome('medipim', null, 15_000)).toEqual([]) // 15 s is not complete yet
    expect(brief(engine.observeOutcome('medipim', null, 15_001))).toEqual(['firing@15000:1:0.5'])
  })

  it('evaluate every grid instant of a long advance, exactly as often as called step by step', () => {
    const rule = ratioRule({ ratio: { min: 0.5, windowSeconds: 45, minRequests: 2 }, forSeconds: 20 })
    const stream = [1_000, 17_000, 33_000, 40_000, 41_000, 90_000, 91_000, 92_000].map((at, i) => ({ at, error: i % 3 === 0 ? null : down() }))
    const once = createAlertEngine([rule])
    const stepped = createAlertEngine([rule])
    const onceEvents: Array<AlertEvent> = []
    const steppedEvents: Array<AlertEvent> = []
    for (const { at, error } of stream) {
      onceEvents.push(...once.observeOutcome('medipim', error, at))
      for (let t = 0; t < at; t += 5_000) steppedEvents.push(...stepped.advance(t))
      steppedEvents.push(...stepped.observeOutcome('medipim', error, at))
    }
    onceEvents.push(...once.advance(400_000))
    steppedEvents.push(...stepped.advance(400_000))
    expect(steppedEvents).toEqual(onceEvents)
    expect(onceEvents.length).toBeGreaterThan(0)
  })
})

describe('SLO rules', () => {
  const names = sloWindowsOf({ objective: 0.99 }).map((pair) => pair.name)

  it('names the four workbook pairs', () => {
    expect(names).toEqual(['1h/5m', '6h/30m', '1d/2h', '3d/6h'])
  })

  it('fire the pairs whose burn rate a burst reaches, each its own alert with its own severity and window', () => {
    // 99% objective: thresholds 0.144, 0.06, 0.03, 0.01. A burst of 20 failures in 100 requests (0.2) is the
    // only traffic, so every window that holds it has ratio 0.2: all four pairs fire at 15 s, and each resolves
    // when its short window lets the burst go: 15 s + 5 min, + 30 min, + 2 h, + 6 h.
    const engine = createAlertEngine([sloRule()])
    outcomes(engine, 1_000, 80, 20)
    expect(brief(engine.advance(15_000))).toEqual([
      'firing@15000:20:0.2:1h/5m:page',
      'firing@15000:20:0.2:6h/30m:page',
      'firing@15000:20:0.2:1d/2h:ticket',
      'firing@15000:20:0.2:3d/6h:ticket',
    ])
    expect(engine.active().map((alert) => `${alert.window}:${alert.severity}:${alert.since}`)).toEqual([
      '1h/5m:page:15000',
      '6h/30m:page:15000',
      '1d/2h:ticket:15000',
      '3d/6h:ticket:15000',
    ])
    expect(brief(engine.advance(86_400_000))).toEqual([
      'resolved@315000:20:0.2:1h/5m:page', // the 1 h window still holds the burst; the 5 min one no longer
      'resolved@1815000:20:0.2:6h/30m:page',
      'resolved@7215000:20:0.2:1d/2h:ticket',
      'resolved@21615000:20:0.2:3d/6h:ticket',
    ])
  })

  it('fire only the pairs whose threshold the ratio reaches', () => {
    const pairsFiring = (failures: number) => {
      const engine = createAlertEngine([sloRule()])
      outcomes(engine, 1_000, 100 - failures, failures)
      return engine.advance(15_000).map((e) => e.window)
    }
    expect(pairsFiring(2)).toEqual(['3d/6h']) // 0.02: >= 0.01 only
    expect(pairsFiring(5)).toEqual(['1d/2h', '3d/6h']) // 0.05
    expect(pairsFiring(10)).toEqual(['6h/30m', '1d/2h', '3d/6h']) // 0.1
    expect(pairsFiring(0)).toEqual([])
  })

  it('need both windows of a pair: a short burst after a calm hour reaches the short windows only', () => {
    const engine = createAlertEngine([sloRule()])
    outcomes(engine, 1_000, 1_000, 0)
    // 46 minutes later, 20 failures in 20 requests: every short window reads 1, the long ones 20 / 1020 = 0.0196.
    expect(brief(outcomes(engine, 2_760_000, 0, 20))).toEqual([])
    expect(brief(engine.advance(2_760_000))).toEqual(['firing@2760000:20:0.0196078431372549:3d/6h:ticket'])
    // When the calm hour leaves the 1 h window (at 3,615 s) the 5 min window no longer holds the burst.
    expect(engine.advance(4_000_000).map((e) => e.window)).toEqual([])
  })

  it('scale the windows to periodDays, to whole minutes', () => {
    const rule = sloRule({ slo: { objective: 0.99, periodDays: 7 } })
    expect(sloWindowsOf(rule.slo).map((pair) => pair.name)).toEqual(['14m/1m', '84m/7m', '336m/28m', '1008m/84m'])
    const engine = createAlertEngine([rule])
    outcomes(engine, 1_000, 80, 20)
    expect(engine.advance(15_000).map((e) => e.window)).toEqual(['14m/1m', '84m/7m', '336m/28m', '1008m/84m'])
    // Each resolves when its short window lets the burst go: 15 s + 1, 7, 28 and 84 minutes.
    expect(engine.advance(86_400_000).map((e) => `${e.window}@${e.at}`)).toEqual(['14m/1m@75000', '84m/7m@435000', '336m/28m@1695000', '1008m/84m@5055000'])
  })

  it('count() gives the errors of the widest window, including those not evaluated yet', () => {
    const engine = createAlertEngine([sloRule()])
    outcomes(engine, 1_000, 0, 3)
    expect(engine.count('vendor-objective', { vendor: 'medipim' })).toBe(3)
    engine.advance(259_200_000 - 1) // the bucket ending at 15 s is still in the 3-day window
    expect(engine.count('vendor-objective', { vendor: 'medipim' })).toBe(3)
    engine.advance(259_215_000)
    expect(engine.count('vendor-objective', { vendor: 'medipim' })).toBe(0)
    expect(engine.stats()).toMatchObject({ groups: 0, buckets: 0 })
  })
})

describe('the evaluation interval', () => {
  it('defaults to 15 s and is a positive integer', () => {
    expect(createAlertEngine([ratioRule()]).evaluationIntervalSeconds).toBe(15)
    expect(() => createAlertEngine([ratioRule()], { evaluationIntervalSeconds: 0 })).toThrow(RangeError)
    expect(() => createAlertEngine([ratioRule()], { evaluationIntervalSeconds: 1.5 })).toThrow(/evaluationIntervalSeconds must be a positive integer/)
  })

  it('must divide every ratio and SLO window', () => {
    expect(() => createAlertEngine([ratioRule({ ratio: { min: 0.5, windowSeconds: 100, minRequests: 1 } })])).toThrow(
      'createAlertEngine: rules[0] (error-ratio): ratio.windowSeconds: 100 is not a multiple of the evaluation interval (15s): a ratio is evaluated every interval over whole intervals; choose a multiple',
    )
    expect(() => createAlertEngine([sloRule()], { evaluationIntervalSeconds: 45 })).toThrow(/rules\[0\] \(vendor-objective\): slo: the 5m window of the 1h\/5m pair is not a multiple of the evaluation interval \(45s\)/)
    // Threshold rules are evaluated in continuous time: their windows need not be.
    expect(() =>
      createAlertEngine([{ id: 'odd', summary: 'Odd.', match: {}, groupBy: [], threshold: { count: 1, windowSeconds: 7 }, severity: 'info' }], { evaluationIntervalSeconds: 45 }),
    ).not.toThrow()
  })

  it('sets the grid: at 60 s, the instants are whole minutes', () => {
    const engine = createAlertEngine([ratioRule()], { evaluationIntervalSeconds: 60 })
    outcomes(engine, 1_000, 0, 4)
    expect(brief(engine.advance(59_999))).toEqual([])
    expect(brief(engine.advance(60_000))).toEqual(['firing@60000:4:1'])
    expect(brief(engine.advance(600_000))).toEqual(['resolved@120000:0:0'])
  })
})

describe('memory', () => {
  it('holds buckets only while a window holds outcomes, and frees groups and vendors after', () => {
    const engine = createAlertEngine([sloRule()])
    outcomes(engine, 1_000, 5, 1)
    engine.observeOutcome('scribe', null, 1_000)
    expect(engine.stats()).toMatchObject({ groups: 1, timestamps: 0, buckets: 0 }) // in the open buckets
    engine.advance(15_000)
    // Room for 4 buckets each: the group's errors, medipim's and scribe's requests.
    expect(engine.stats()).toMatchObject({ groups: 1, buckets: 12 })
    engine.advance(15_000 + 259_200_000)
    expect(engine.stats()).toMatchObject({ groups: 0, buckets: 0 })
  })

  it('caps groups per rule like threshold rules, counting the rest in the overflow group', () => {
    const engine = createAlertEngine([ratioRule({ groupBy: ['vendorCode'], ratio: { min: 0.5, windowSeconds: 60, minRequests: 1 } })], { maxGroupsPerRule: 1 })
    engine.observeOutcome('medblocks', errors.medblocksFhirError({ vendorCode: 'a' }), 1_000)
    engine.observeOutcome('medblocks', errors.medblocksFhirError({ vendorCode: 'b' }), 1_000)
    engine.observeOutcome('medblocks', errors.medblocksFhirError({ vendorCode: 'c' }), 1_000)
    expect(engine.stats()).toMatchObject({ groups: 2, overflowed: 2 })
    // The overflow group (codes b and c) divides by every request of the vendor: 2 in 3. Code a: 1 in 3.
    expect(engine.advance(15_000).map((e) => `${JSON.stringify(e.group)}:${e.count}:${e.ratio}`)).toEqual(['{"__overflow__":"true"}:2:0.6666666666666666'])
  })
})
