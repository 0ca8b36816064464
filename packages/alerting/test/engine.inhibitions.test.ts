import { describe, expect, it } from 'vitest'
import type { Kind } from '@faultline/core'
import { createAlertEngine, defaultInhibitions, defaultRules, toAlertmanagerConfig, type AlertRule, type ThresholdRule } from '@faultline/alerting'
import { parse } from 'yaml'
import { effectiveInhibitions } from '../src/inhibitions'
import { errors } from './fixtures/errors'

// Inhibitions in process: active() marks the alerts an inhibition mutes, as Alertmanager would.

const once = (id: string, kind: Kind, groupBy: ThresholdRule['groupBy'] = ['vendor']): ThresholdRule => ({
  id,
  summary: `${id}.`,
  match: { kind },
  groupBy,
  threshold: { count: 1, windowSeconds: 60 },
  severity: 'ticket',
})

const rules: ReadonlyArray<AlertRule> = [once('vendor-degraded', 'unavailable'), once('rate-limited', 'rate_limited', ['vendor', 'reason'])]
const marks = (engine: ReturnType<typeof createAlertEngine>) =>
  engine.active().map((alert) => `${alert.ruleId} ${JSON.stringify(alert.group)}${alert.inhibitedBy === undefined ? '' : ` muted by ${alert.inhibitedBy.ruleId} ${JSON.stringify(alert.inhibitedBy.group)}`}`)

describe('inhibitions', () => {
  it('mark a target alert while a source alert with the same equal labels fires, and clear when it resolves', () => {
    const engine = createAlertEngine(rules)
    engine.observe(errors.medipimTooManyRequests(), 1_000)
    expect(marks(engine)).toEqual(['rate-limited {"vendor":"medipim","reason":"throttled"}'])
    engine.observe(errors.medipimServiceUnavailable(), 30_000)
    engine.observe(errors.medipimTooManyRequests({ vendor: 'scribe' }), 30_000)
    expect(marks(engine)).toEqual([
      'vendor-degraded {"vendor":"medipim"}',
      'rate-limited {"vendor":"medipim","reason":"throttled"} muted by vendor-degraded {"vendor":"medipim"}',
      'rate-limited {"vendor":"scribe","reason":"throttled"}', // another vendor: not muted
    ])
    engine.observe(errors.medipimTooManyRequests(), 85_000) // medipim throttles on; its outage resolved at 90 s
    engine.advance(90_000)
    expect(marks(engine)).toEqual(['rate-limited {"vendor":"medipim","reason":"throttled"}'])
  })

  it('default to defaultInhibitions; [] marks nothing; ids the rule set lacks are ignored', () => {
    expect(defaultInhibitions).toEqual([{ source: 'vendor-degraded', targets: ['rate-limited', 'integration-bug', 'vendor-api-drift'], equal: ['vendor'] }])
    const none = createAlertEngine(rules, { inhibitions: [] })
    none.observe(errors.medipimTooManyRequests(), 1_000)
    none.observe(errors.medipimServiceUnavailable(), 1_000)
    expect(none.active().every((alert) => alert.inhibitedBy === undefined)).toBe(true)
    const unknown = createAlertEngine(rules, { inhibitions: [{ source: 'no-such-rule', targets: ['rate-limited'], equal: [] }] })
    unknown.observe(errors.medipimTooManyRequests(), 1_000)
    expect(unknown.active()[0]?.inhibitedBy).toBeUndefined()
  })

  it('compare equal labels as Alertmanager does: a label both alerts lack is equal, one lacks is not', () => {
    const byReason = (equal: ReadonlyArray<string>) => {
      const engine = createAlertEngine(rules, { inhibitions: [{ source: 'vendor-degraded', targets: ['rate-limited'], equal }] })
      engine.observe(errors.medipimServiceUnavailable(), 1_000)
      engine.observe(errors.medipimTooManyRequests(), 1_000)
      return engine.active()[1]?.inhibitedBy?.ruleId
    }
    expect(byReason(['vendor'])).toBe('vendor-degraded')
    expect(byReason(['reason'])).toBeUndefined() // the source has no reason, the target has "throttled"
    expect(byReason(['team'])).toBe('vendor-degraded') // neither has a team
    expect(byReason([])).toBe('vendor-degraded')
    expect(byReason(['severity'])).toBe('vendor-degraded') // both tickets
  })

  it('name the window pair of an SLO source', () => {
    const slo: AlertRule = { id: 'vendor-slo', summary: 'Budget burning.', match: { kind: 'unavailable' }, groupBy: ['vendor'], slo: { objective: 0.99 } }
    const engine = createAlertEngine([slo, once('rate-limited', 'rate_limited')], { inhibitions: [{ source: 'vendor-slo', targets: ['rate-limited'], equal: ['vendor'] }] })
    engine.observe(errors.medipimServiceUnavailable(), 1_000)
    engine.observe(errors.medipimTooManyRequests(), 2_000)
    engine.advance(15_000)
    expect(engine.active().at(-1)?.inhibitedBy).toEqual({ ruleId: 'vendor-slo', group: { vendor: 'medipim' }, window: '1h/5m' })
  })

  it('reject malformed inhibitions', () => {
    const bad = [
      { source: '', targets: ['rate-limited'], equal: [] },
      { source: 'vendor-degraded', targets: [], equal: [] },
      { source: 'vendor-degraded', targets: ['vendor-degraded'], equal: [] },
      { source: 'vendor-degraded', targets: ['rate-limited'], equal: ['not a label'] },
    ]
    for (const inhibition of bad) expect(() => createAlertEngine(rules, { inhibitions: [inhibition] }), JSON.stringify(inhibition)).toThrow(RangeError)
    expect(() => createAlertEngine(rules, { inhibitions: [{ source: '', targets: [], equal: ['bad-label'] }] })).toThrow(
      'createAlertEngine: inhibitions[0].source: expected a rule id, got ""; inhibitions[0].targets: expected a non-empty list of rule ids, got []; inhibitions[0].equal: expected a list of label names, got ["bad-label"]',
    )
  })

  it("mute an SLO rule's ticket pairs while its page pair fires for the same group, not another group's", () => {
    const slo: AlertRule = { id: 'vendor-slo', summary: 'Budget burning.', match: { kind: 'unavailable' }, groupBy: ['vendor'], slo: { objective: 0.99 } }
    const engine = createAlertEngine([slo], { inhibitions: [] })
    // medipim: every request fails, so every pair fires. scribe: 1 in 20 fails, above the ticket pairs' 3x
    // burn (3 %) but below the page pairs' (6 %, 14.4 %), so only its ticket pairs fire, and nothing mutes them.
    for (let at = 1_000; at < 60_000; at += 1_000) {
      engine.observeOutcome('medipim', errors.medipimServiceUnavailable(), at)
      engine.observeOutcome('scribe', at % 20_000 === 0 ? errors.medipimServiceUnavailable({ vendor: 'scribe' }) : null, at)
    }
    engine.advance(120_000)
    const pairs = engine.active().map((alert) => ({ vendor: alert.group['vendor'], window: alert.window, severity: alert.severity, inhibitedBy: alert.inhibitedBy }))
    const mutedBy = { ruleId: 'vendor-slo', group: { vendor: 'medipim' }, window: '1h/5m' }
    expect(pairs).toEqual([
      { vendor: 'medipim', window: '1h/5m', severity: 'page', inhibitedBy: undefined },
      { vendor: 'medipim', window: '6h/30m', severity: 'page', inhibitedBy: undefined },
      { vendor: 'medipim', window: '1d/2h', severity: 'ticket', inhibitedBy: mutedBy },
      { vendor: 'medipim', window: '3d/6h', severity: 'ticket', inhibitedBy: mutedBy },
      { vendor: 'scribe', window: '1d/2h', severity: 'ticket', inhibitedBy: undefined },
      { vendor: 'scribe', window: '3d/6h', severity: 'ticket', inhibitedBy: undefined },
    ])
  })

  it('are the ones toAlertmanagerConfig writes: both derive from effectiveInhibitions', () => {
    const slo: AlertRule = { id: 'checkout-slo', summary: 'Budget burning.', match: { kind: 'unavailable' }, groupBy: ['vendor', 'reason'], slo: { objective: 0.99 } }
    const options = { receivers: { page: 'oncall', ticket: 'tracker' } }
    for (const set of [defaultRules, [...defaultRules, slo], [slo], defaultRules.filter((rule) => rule.id !== 'vendor-degraded')]) {
      const effective = effectiveInhibitions(set, defaultInhibitions)
      const written = (parse(toAlertmanagerConfig(set, options)) as { inhibit_rules?: Array<{ source_matchers: string[]; equal: string[] }> }).inhibit_rules ?? []
      expect(written).toHaveLength(effective.length)
      expect(written.map((entry) => [entry.source_matchers[0], entry.equal])).toEqual(effective.map((entry) => [`rule_id="${entry.source}"`, entry.equal]))
    }
    expect(effectiveInhibitions([slo], [])).toEqual([{ source: 'checkout-slo', targets: ['checkout-slo'], equal: ['vendor', 'reason'], sourceSeverity: 'page', targetSeverity: 'ticket' }])
  })
})
