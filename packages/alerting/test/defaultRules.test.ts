import { describe, expect, it } from 'vitest'
import { either as E } from 'fp-ts'
import { createAlertEngine, createDefaultRules, defaultRules, isSloRule, loadRules, type AlertEvent } from '@faultline/alerting'
import { kindTable, type CanonicalError } from '@faultline/core'
import { errors } from './fixtures/errors'
import { incidentDay, incidentDayEnd, type Observation } from './fixtures/streams'

const run = (stream: ReadonlyArray<Observation>, end: number): Array<AlertEvent> => {
  const engine = createAlertEngine(defaultRules)
  const events: Array<AlertEvent> = []
  for (const { error, at } of stream) events.push(...engine.observe(error, at))
  events.push(...engine.advance(end))
  return events
}

/** One successful request a second to each bundled vendor, at the half second, from 0 to `end`. */
const traffic = (end: number): Array<{ at: number; vendor: string; error: CanonicalError | null }> =>
  Array.from({ length: end / 1_000 }, (_, second) =>
    ['medblocks', 'scribe', 'medipim', 'medable'].map((vendor) => ({ at: second * 1_000 + 500, vendor, error: null })),
  ).flat()

/** `stream` among the successes of {@link traffic}, fed as outcomes. */
const runWithTraffic = (stream: ReadonlyArray<Observation>, end: number): Array<AlertEvent> => {
  const outcomes = [...traffic(end), ...stream.map(({ at, error }) => ({ at, vendor: error.vendor, error }))].sort((a, b) => a.at - b.at)
  const engine = createAlertEngine(defaultRules)
  const events: Array<AlertEvent> = []
  for (const { at, vendor, error } of outcomes) events.push(...engine.observeOutcome(vendor, error, at))
  events.push(...engine.advance(end))
  return events
}

const line = (e: AlertEvent) => `${e.type} ${e.ruleId} ${JSON.stringify(e.group)} @${e.at} n=${e.count}${e.window === undefined ? '' : ` ${e.window} ${e.severity}`}`

describe('defaultRules', () => {
  it('is a valid rule set with a runbook sentence on every rule', () => {
    expect(E.isRight(loadRules(defaultRules))).toBe(true)
    expect(defaultRules.map((rule) => rule.id)).toEqual([
      'credentials-failing',
      'access-denied',
      'rate-limited',
      'vendor-degraded',
      'integration-bug',
      'vendor-api-drift',
      'webhook-forgery',
      'verification-required',
      'vendor-slo',
    ])
    for (const rule of defaultRules) expect(rule.runbook).toMatch(/^[A-Z].{40,}\.$/)
  })

  it('is createDefaultRules() with vendor-slo at 99.5% on the vendor-degraded failures, an objective one can set', () => {
    expect(createDefaultRules()).toEqual(defaultRules)
    const slo = defaultRules.find((rule) => rule.id === 'vendor-slo')
    const degraded = defaultRules.find((rule) => rule.id === 'vendor-degraded')
    expect(slo !== undefined && isSloRule(slo) && slo.slo).toEqual({ objective: 0.995 })
    expect(slo?.match).toEqual(degraded?.match)
    expect(slo?.groupBy).toEqual(['vendor'])
    const strict = createDefaultRules({ vendorSloObjective: 0.999 }).find((rule) => rule.id === 'vendor-slo')
    expect(strict !== undefined && isSloRule(strict) && strict.slo.objective).toBe(0.999)
    for (const objective of [0, 1, 1.5, Number.NaN]) expect(() => createDefaultRules({ vendorSloObjective: objective }), String(objective)).toThrow(RangeError)
  })

  it('fires and resolves each rule once on the incident day, at the exact instants, and ignores the near misses', () => {
    // Every vendor also answers one request a second. medipim's outage (a 503 every 5 s from 900.45 s to
    // 1,495.45 s) burns its 99.5% budget: the pairs fire as their windows reach factor x 0.5%.
    expect(runWithTraffic(incidentDay, incidentDayEnd).map(line)).toEqual([
      // 3rd revoked-key error at 100.3 s; the 3rd newest (240.3 s) leaves the 5-minute window at 540.3 s.
      'firing credentials-failing {"vendor":"medblocks"} @100300 n=3',
      'resolved credentials-failing {"vendor":"medblocks"} @540300 n=2',
      'firing vendor-api-drift {"vendor":"medable"} @720003 n=3',
      // At 930 s: 6 errors in 930 successes + 6 errors, 0.0064 >= 1 x 0.005 (at 915 s, 3 in 918: 0.0033).
      'firing vendor-slo {"vendor":"medipim"} @930000 n=6 3d/6h ticket',
      'firing vendor-slo {"vendor":"medipim"} @975000 n=15 1d/2h ticket',
      'firing vendor-slo {"vendor":"medipim"} @1065000 n=33 6h/30m page',
      // 20th 503 at 995.45 s, then held for 2 minutes.
      'firing vendor-degraded {"vendor":"medipim"} @1115450 n=44',
      'firing credentials-failing {"vendor":"other"} @1260011 n=3',
      // At 1,485 s: 117 errors in 1,485 + 117 requests, 0.0730 >= 14.4 x 0.005; the last 5 minutes, 60 in 360.
      'firing vendor-slo {"vendor":"medipim"} @1485000 n=117 1h/5m page',
      'resolved credentials-failing {"vendor":"other"} @1500011 n=2',
      // At 1,560 s the hour holds 120 in 1,680: 0.0714 < 0.072.
      'resolved vendor-slo {"vendor":"medipim"} @1560000 n=120 1h/5m page',
      'resolved vendor-degraded {"vendor":"medipim"} @1700450 n=19',
      'firing rate-limited {"vendor":"medipim","reason":"throttled"} @2487900 n=70',
      'resolved rate-limited {"vendor":"medipim","reason":"throttled"} @2610900 n=29',
      'firing integration-bug {"vendor":"scribe","reason":"invalid_field"} @2844013 n=25',
      // At 3,000 s the last 30 minutes hold 60 of the 503s in 1,800 + 60 + 200 (throttled) requests: 0.029 < 6 x 0.005.
      'resolved vendor-slo {"vendor":"medipim"} @3000000 n=120 6h/30m page',
      'resolved integration-bug {"vendor":"scribe","reason":"invalid_field"} @3330013 n=24',
      'firing webhook-forgery {"vendor":"scribe"} @3840021 n=5',
      'resolved vendor-api-drift {"vendor":"medable"} @3900001 n=2',
      'firing verification-required {"vendor":"medable"} @4200500 n=1',
      'resolved webhook-forgery {"vendor":"scribe"} @4350021 n=4',
      'firing access-denied {"vendor":"scribe","reason":"insufficient_scope"} @4700017 n=5',
      'resolved verification-required {"vendor":"medable"} @5100500 n=0',
      'resolved access-denied {"vendor":"scribe","reason":"insufficient_scope"} @5150017 n=4',
    ])
  })

  it('with errors only (observe), every request failed: vendor-slo pages at the first vendor failure', () => {
    const slo = run(incidentDay, incidentDayEnd).filter((e) => e.ruleId === 'vendor-slo' && e.type === 'firing')
    expect(slo.map((e) => `${e.group.vendor} ${e.window} @${e.at}`)[0]).toBe('medipim 1h/5m @915000')
  })

  const ruleIds = (stream: ReadonlyArray<Observation>) => new Set(run(stream, 10 * 60_000).map((e) => e.ruleId))
  const many = (count: number, make: () => Observation['error']) =>
    Array.from({ length: count }, (_, index) => ({ at: 1_000 + index * 1_000, error: make() }))

  it('credentials-failing covers every credential reason but no patient session reason', () => {
    for (const reason of ['missing_credentials', 'invalid_credentials', 'expired_credentials', 'inactive_credentials', 'account_locked', 'invalid_request_signature']) {
      expect(ruleIds(many(3, () => errors.medblocksInvalidApiKey({ reason }))), reason).toContain('credentials-failing')
    }
    for (const reason of ['session_expired', 'session_required', 'session_revoked', 'not_authenticated']) {
      expect(ruleIds(many(50, () => errors.medableSessionExpired({ reason }))), reason).not.toContain('credentials-failing')
    }
  })

  it('vendor-degraded counts unavailable, timeout, internal and transport failures, but not our own aborts', () => {
    const degraded = [...many(10, () => errors.medblocksFhirError()), ...many(10, () => errors.medblocksInternal())].map((o, i) => ({ ...o, at: 1_000 + i * 1_000 }))
    expect(ruleIds(degraded)).toContain('vendor-degraded')
    expect(ruleIds(many(20, () => errors.transportRefused()))).toContain('vendor-degraded')
    expect(ruleIds(many(200, () => errors.transportAborted()))).not.toContain('vendor-degraded')
    const degradedRule = defaultRules.find((rule) => rule.id === 'vendor-degraded')
    const expectedReasons = [...kindTable.unavailable.reasons, ...kindTable.timeout.reasons, ...kindTable.internal.reasons, ...kindTable.transport.reasons].filter((r) => r !== 'aborted')
    expect(degradedRule?.match.reason).toEqual(expectedReasons)
  })

  it('vendor-api-drift ignores unrecognized server failures and non-vendor exceptions', () => {
    expect(ruleIds(many(10, () => errors.medipimServiceUnavailable()))).not.toContain('vendor-api-drift')
    expect(ruleIds(many(10, () => errors.medableUnknownCode({ kind: 'unknown', status: null })))).not.toContain('vendor-api-drift')
    expect(ruleIds(many(3, () => errors.medableUnknownCode()))).toContain('vendor-api-drift')
  })

  it('access-denied ignores refusals that concern one patient', () => {
    expect(ruleIds(many(100, () => errors.medableAccessDeniedForPatient()))).not.toContain('access-denied')
    expect(ruleIds(many(5, () => errors.medableAccessDenied()))).toContain('access-denied')
  })

  it('rate-limited needs ten minutes of sustained throttling, not one burst', () => {
    const throttled = (count: number, every: number) =>
      Array.from({ length: count }, (_, index) => ({ at: 1_000 + index * every, error: errors.medblocksQuotaExceeded() }))
    expect(ruleIds(throttled(60, 2_000))).not.toContain('rate-limited') // 60 in two minutes, then quiet
    const sustained = run(throttled(130, 5_000), 30 * 60_000).filter((e) => e.ruleId === 'rate-limited')
    // 30th error at 146 s, held for 10 minutes: fires at 746 s. The last error is at 646 s, the 30th
    // newest at 501 s, which leaves the 5-minute window at 801 s.
    expect(sustained.map(line)).toEqual([
      'firing rate-limited {"vendor":"medblocks","reason":"quota_exceeded"} @746000 n=40',
      'resolved rate-limited {"vendor":"medblocks","reason":"quota_exceeded"} @801000 n=29',
    ])
  })
})
