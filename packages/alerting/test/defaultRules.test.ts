import { describe, expect, it } from 'vitest'
import { either as E } from 'fp-ts'
import { createAlertEngine, defaultRules, loadRules, type AlertEvent } from '@faultline/alerting'
import { kindTable } from '@faultline/core'
import { errors } from './fixtures/errors'
import { incidentDay, incidentDayEnd, type Observation } from './fixtures/streams'

const run = (stream: ReadonlyArray<Observation>, end: number): Array<AlertEvent> => {
  const engine = createAlertEngine(defaultRules)
  const events: Array<AlertEvent> = []
  for (const { error, at } of stream) events.push(...engine.observe(error, at))
  events.push(...engine.advance(end))
  return events
}

const line = (e: AlertEvent) => `${e.type} ${e.ruleId} ${JSON.stringify(e.group)} @${e.at} n=${e.count}`

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
    ])
    for (const rule of defaultRules) expect(rule.runbook).toMatch(/^[A-Z].{40,}\.$/)
  })

  it('fires and resolves each rule once on the incident day, at the exact instants, and ignores the near misses', () => {
    expect(run(incidentDay, incidentDayEnd).map(line)).toEqual([
      // 3rd revoked-key error at 100.3 s; the 3rd newest (240.3 s) leaves the 5-minute window at 540.3 s.
      'firing credentials-failing {"vendor":"medblocks"} @100300 n=3',
      'resolved credentials-failing {"vendor":"medblocks"} @540300 n=2',
      'firing vendor-api-drift {"vendor":"medable"} @720003 n=3',
      // 20th 503 at 995.45 s, then held for 2 minutes.
      'firing vendor-degraded {"vendor":"medipim"} @1115450 n=44',
      'firing credentials-failing {"vendor":"other"} @1260011 n=3',
      'resolved credentials-failing {"vendor":"other"} @1500011 n=2',
      'resolved vendor-degraded {"vendor":"medipim"} @1700450 n=19',
      'firing rate-limited {"vendor":"medipim","reason":"throttled"} @2487900 n=70',
      'resolved rate-limited {"vendor":"medipim","reason":"throttled"} @2610900 n=29',
      'firing integration-bug {"vendor":"scribe","reason":"invalid_field"} @2844013 n=25',
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
