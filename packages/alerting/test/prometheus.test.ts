import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { either as E } from 'fp-ts'
import { parse } from 'yaml'
import {
  AlertRuleError,
  alertNameOf,
  compilePrometheusRules,
  defaultRules,
  expressionOf,
  errorRatioExpressionOf,
  promDuration,
  recordingRulesOf,
  sloExpressionsOf,
  toPrometheusRules,
  windowExpressionOf,
  type RatioRule,
  type SloRule,
  type ThresholdRule,
} from '@faultline/alerting'
import { yamlQuoted, yamlString } from '../src/yaml'

const rule = (overrides: Partial<ThresholdRule> = {}): ThresholdRule => ({
  id: 'acme-failing',
  summary: 'ACME "fails".',
  runbook: "Check ACME's status: it's usually them.",
  match: { kind: 'authentication' },
  groupBy: ['vendor'],
  threshold: { count: 3, windowSeconds: 300 },
  severity: 'page',
  ...overrides,
})

describe('toPrometheusRules', () => {
  it('writes one recording rule per window, then one alert per rule, as a YAML file a parser reads back', () => {
    const file = parse(toPrometheusRules(defaultRules, { evaluationIntervalSeconds: 15, staticLabels: { team: 'integrations' } }))
    const [group] = file.groups
    expect(group.name).toBe('faultline')
    expect(group.interval).toBe('15s')
    expect(group.rules.filter((r: { record?: string }) => r.record).map((r: { record: string }) => r.record)).toEqual([
      ...['5m', '10m', '15m', '30m', '1h', '2h', '6h', '24h', '72h'].map((w) => `faultline_errors:window_${w}`),
      // vendor-slo's windows (30 days: 1h/5m, 6h/30m, 1d/2h, 3d/6h)
      ...['5m', '30m', '1h', '2h', '6h', '24h', '72h'].map((w) => `faultline_requests:window_${w}`),
      ...['5m', '30m', '1h', '2h', '6h', '24h', '72h'].map((w) => `faultline:slo_error_ratio_${w}`),
    ])
    const alerts = group.rules.filter((r: { alert?: string }) => r.alert)
    // One alert per threshold rule, four for vendor-slo (one per window pair).
    expect(alerts).toHaveLength(defaultRules.length + 3)
    const credentials = alerts[0]
    expect(credentials).toEqual({
      alert: 'FaultlineCredentialsFailing',
      expr: 'sum by (vendor) (faultline_errors:window_5m{kind="authentication",reason=~"missing_credentials|invalid_credentials|expired_credentials|inactive_credentials|account_locked|invalid_request_signature"}) >= 3',
      labels: { severity: 'page', rule_id: 'credentials-failing', team: 'integrations' },
      annotations: {
        summary: defaultRules[0]?.summary,
        runbook: defaultRules[0]?.runbook,
        description: '{{ $value }} matching errors in the last 5m (threshold 3).',
      },
    })
    const degraded = alerts.find((a: { alert: string }) => a.alert === 'FaultlineVendorDegraded')
    expect(degraded.for).toBe('2m')
    expect(credentials.for).toBeUndefined()
  })

  it('matches every field on its label, exact values with =, lists with an anchored regex', () => {
    expect(
      expressionOf(rule({ match: { vendor: ['medblocks', 'scribe'], kind: 'rate_limited', reason: 'throttled', status: [429, 503], recognized: false, retryable: true }, groupBy: [] })),
    ).toBe(
      'sum (faultline_errors:window_5m{vendor=~"medblocks|scribe",kind="rate_limited",reason="throttled",status=~"429|503",recognized="false",retryable="true"}) >= 3',
    )
    expect(expressionOf(rule({ match: {}, groupBy: ['kind', 'status'] }))).toBe('sum by (kind, status) (faultline_errors:window_5m) >= 3')
    expect(windowExpressionOf(3600)).toBe('faultline_errors_total - ((faultline_errors_total offset 1h <= faultline_errors_total) or faultline_errors_total * 0)')
  })

  it('escapes label values for PromQL and regexes', () => {
    const odd = 'we"ird.vendor|x\\y'
    const yaml = toPrometheusRules([rule({ match: { vendor: [odd, 'medblocks'] } })], { labels: { vendors: [odd, 'medblocks'] } })
    const expr: string = parse(yaml).groups[0].rules[1].expr
    expect(expr).toContain(String.raw`vendor=~"we\"ird\\.vendor\\|x\\\\y|medblocks"`)
  })

  it('refuses rules that cannot mean the same in Prometheus, naming each problem', () => {
    const compiled = compilePrometheusRules([
      rule({ groupBy: ['vendorCode'] }),
      rule({ id: 'two', match: { vendor: 'acme', reason: 'acme_only', status: 418 } }),
    ])
    expect(compiled).toEqual(
      E.left([
        'rules[0].groupBy: vendorCode is not a metric label (its values are unbounded), so Prometheus cannot group by it; group by reason instead, or keep this rule in process only',
        'rules[1].match.vendor: "acme" is not in the label policy\'s vendors, so its errors are counted as vendor="other"; add it to labels.vendors',
        'rules[1].match.reason: "acme_only" is not in the §3 vocabulary nor in labels.reasons, so its errors are counted as reason="other"; add it to labels.reasons',
        'rules[1].match.status: 418 is counted by class (status="4xx"), not exactly; match one of 400, 401, 403, 404, 405, 408, 409, 410, 413, 415, 422, 429, 500, 501, 502, 503, 504',
      ]),
    )
    expect(E.isRight(compilePrometheusRules([rule({ id: 'two', match: { vendor: 'acme', reason: 'acme_only' } })], { labels: { vendors: ['acme'], reasons: ['acme_only'] } }))).toBe(true)
    expect(() => toPrometheusRules([rule({ groupBy: ['vendorCode'] })])).toThrow(AlertRuleError)
    expect(compilePrometheusRules([rule({ threshold: { count: 0, windowSeconds: 1 } })])).toEqual(E.left(['rules[0].threshold.count: expected a positive integer, got 0']))
  })

  it('checks its options', () => {
    expect(compilePrometheusRules([rule()], { metricName: 'bad-name', evaluationIntervalSeconds: 0, staticLabels: { severity: 'x', 'bad-label': 'y' }, alertNamePrefix: '' })).toEqual(
      E.left([
        'metricName: "bad-name" is not a valid metric name',
        'evaluationIntervalSeconds: expected a positive integer, got 0',
        'staticLabels.severity: not a label name an alert can carry besides its own (letters, digits and _, not starting with __, none of alertname, severity, rule_id, slo_window, vendor, kind, reason, status, recognized, retryable)',
        'staticLabels.bad-label: not a label name an alert can carry besides its own (letters, digits and _, not starting with __, none of alertname, severity, rule_id, slo_window, vendor, kind, reason, status, recognized, retryable)',
      ]),
    )
    expect(compilePrometheusRules([rule({ id: '5xx-surge' })], { alertNamePrefix: '' })).toEqual(
      E.left(['rules[0].id: the alert name "5xxSurge" is not a valid Prometheus alert name; set alertNamePrefix']),
    )
  })
})

const ratioRule = (overrides: Partial<RatioRule> = {}): RatioRule => ({
  id: 'vendor-errors',
  summary: 'A vendor fails too many requests.',
  match: { kind: ['timeout', 'unavailable'] },
  groupBy: ['vendor'],
  ratio: { min: 0.1, windowSeconds: 300, minRequests: 20 },
  severity: 'page',
  ...overrides,
})

const sloRule = (overrides: Partial<SloRule> = {}): SloRule => ({
  id: 'vendor-slo',
  summary: 'The vendor burns its error budget.',
  runbook: 'Check the vendor status page.',
  match: { kind: ['timeout', 'unavailable', 'internal', 'transport'] },
  groupBy: ['vendor'],
  slo: { objective: 0.995 },
  ...overrides,
})

interface ParsedRule {
  record?: string
  alert?: string
  expr: string
  for?: string
  keep_firing_for?: string
  labels?: Record<string, string>
  annotations?: Record<string, string>
}
const parsedRules = (yaml: string): Array<ParsedRule> => parse(yaml).groups[0].rules

describe('ratio and SLO rules', () => {
  it('divide the matching errors by the requests of the group\'s vendor, or by all the requests the match allows', () => {
    expect(expressionOf(ratioRule())).toBe(
      'sum by (vendor) (faultline_errors:window_5m{kind=~"timeout|unavailable"}) / (sum by (vendor) (faultline_requests:window_5m) >= 20) >= 0.1',
    )
    expect(expressionOf(ratioRule({ groupBy: ['vendor', 'kind'] }))).toBe(
      'sum by (vendor, kind) (faultline_errors:window_5m{kind=~"timeout|unavailable"}) / on(vendor) group_left() (sum by (vendor) (faultline_requests:window_5m) >= 20) >= 0.1',
    )
    expect(expressionOf(ratioRule({ groupBy: ['kind'], match: { vendor: ['scribe', 'medblocks'] } }))).toBe(
      'sum by (kind) (faultline_errors:window_5m{vendor=~"scribe|medblocks"}) / on() group_left() (sum (faultline_requests:window_5m{vendor=~"scribe|medblocks"}) >= 20) >= 0.1',
    )
    expect(expressionOf(ratioRule({ groupBy: [], match: {} }), { requestsMetricName: 'calls_total', metricName: 'failures_total' })).toBe(
      'sum (failures:window_5m) / (sum (calls:window_5m) >= 20) >= 0.1',
    )
    expect(errorRatioExpressionOf(ratioRule(), 60)).toBe(
      'sum by (vendor) (faultline_errors:window_1m{kind=~"timeout|unavailable"}) / (sum by (vendor) (faultline_requests:window_1m) >= 1)',
    )
  })

  it('leave out what match.not matches with unless, at any depth', () => {
    expect(expressionOf(rule({ match: { kind: 'timeout', not: { vendor: 'scribe', not: { status: 504 } } }, groupBy: ['vendor'] }))).toBe(
      'sum by (vendor) (faultline_errors:window_5m{kind="timeout"} unless (faultline_errors:window_5m{vendor="scribe"} unless faultline_errors:window_5m{status="504"})) >= 3',
    )
    expect(expressionOf(rule({ match: { not: { retryable: false } }, groupBy: [] }))).toBe(
      'sum (faultline_errors:window_5m unless faultline_errors:window_5m{retryable="false"}) >= 3',
    )
  })

  it('write an SLO rule as four alerts, one per window pair, reading one recorded error ratio per window', () => {
    const expressions = sloExpressionsOf(sloRule())
    expect(expressions.map((e) => [e.window.name, e.window.severity, e.threshold])).toEqual([
      ['1h/5m', 'page', 14.4 * (1 - 0.995)],
      ['6h/30m', 'page', 6 * (1 - 0.995)],
      ['1d/2h', 'ticket', 3 * (1 - 0.995)],
      ['3d/6h', 'ticket', 1 * (1 - 0.995)],
    ])
    expect(expressions[0]?.expr).toBe(
      'faultline:slo_error_ratio_1h{rule_id="vendor-slo"} >= 14.4 * (1 - 0.995) and faultline:slo_error_ratio_5m{rule_id="vendor-slo"} >= 14.4 * (1 - 0.995)',
    )
    const rules = parsedRules(toPrometheusRules([sloRule(), ratioRule({ ratio: { min: 0.2, windowSeconds: 120, minRequests: 5 } })], { evaluationIntervalSeconds: 30 }))
    expect(rules.filter((r) => r.record).map((r) => r.record)).toEqual([
      ...['2m', '5m', '30m', '1h', '2h', '6h', '24h', '72h'].map((w) => `faultline_errors:window_${w}`),
      ...['2m', '5m', '30m', '1h', '2h', '6h', '24h', '72h'].map((w) => `faultline_requests:window_${w}`),
      ...['5m', '30m', '1h', '2h', '6h', '24h', '72h'].map((w) => `faultline:slo_error_ratio_${w}`),
    ])
    expect(rules.find((r) => r.record === 'faultline:slo_error_ratio_1h')).toEqual({
      record: 'faultline:slo_error_ratio_1h',
      expr: 'sum by (vendor) (faultline_errors:window_1h{kind=~"timeout|unavailable|internal|transport"}) / (sum by (vendor) (faultline_requests:window_1h) >= 1)',
      labels: { rule_id: 'vendor-slo' },
    })
    expect(rules.find((r) => r.record === 'faultline_requests:window_6h')?.expr).toBe(
      'faultline_requests_total - ((faultline_requests_total offset 6h <= faultline_requests_total) or faultline_requests_total * 0)',
    )
    const alerts = rules.filter((r) => r.alert)
    expect(alerts.map((a) => [a.alert, a.labels?.severity, a.labels?.slo_window])).toEqual([
      ['FaultlineVendorSlo', 'page', '1h/5m'],
      ['FaultlineVendorSlo', 'page', '6h/30m'],
      ['FaultlineVendorSlo', 'ticket', '1d/2h'],
      ['FaultlineVendorSlo', 'ticket', '3d/6h'],
      ['FaultlineVendorErrors', 'page', undefined],
    ])
    expect(alerts[0]?.annotations?.description).toBe(
      'Error ratio {{ $value | humanizePercentage }} over the last 1h, and at least 7.2% over 5m too: the 30-day error budget of the 99.5% objective burns at 14.4x the sustainable rate or more.',
    )
    expect(alerts[4]?.annotations).toEqual({
      summary: 'A vendor fails too many requests.',
      description: '{{ $value | humanizePercentage }} of requests failed in the last 2m (threshold 20%, at least 5 requests).',
    })
  })

  it('scale the SLO windows with periodDays', () => {
    expect(sloExpressionsOf(sloRule({ slo: { objective: 0.9, periodDays: 1 } })).map((e) => e.window.name)).toEqual(['2m/1m', '12m/1m', '48m/4m', '144m/12m'])
    const records = recordingRulesOf([sloRule({ slo: { objective: 0.9, periodDays: 1 } })]).map((r) => r.record)
    expect(records.filter((r) => r.startsWith('faultline:'))).toEqual(['1m', '2m', '4m', '12m', '48m', '144m'].map((w) => `faultline:slo_error_ratio_${w}`))
  })

  it('put the selector in every series selector of every expression, and its labels on every alert', () => {
    const yaml = toPrometheusRules([...defaultRules, sloRule({ id: 'other-slo' }), ratioRule({ groupBy: ['kind', 'vendor'], match: { kind: 'timeout', not: { vendor: 'scribe' } } })], {
      selector: { env: 'prod', region: 'eu' },
      evaluationIntervalSeconds: 60,
    })
    const rules = parsedRules(yaml)
    let selectors = 0
    for (const r of rules) {
      // Every metric name (a word with the counter or recorded prefix) is followed by a selector holding both matchers.
      for (const [, braces] of r.expr.matchAll(/\bfaultline[a-z_:0-9]*(\{[^}]*\})?/g)) {
        selectors += 1
        expect(braces, r.expr).toMatch(/^\{env="prod",region="eu"(,|\})/)
      }
      if (r.alert) expect(r.labels).toMatchObject({ env: 'prod', region: 'eu' })
    }
    expect(selectors).toBeGreaterThan(90)
  })

  it('write per-rule labels (over static ones), keep_firing_for, and no runbook when the rule has none', () => {
    const { runbook: _runbook, ...withoutRunbook } = rule({ labels: { team: 'payments', service: 'api' }, keepFiringForSeconds: 600, forSeconds: 60 })
    const [alert] = parsedRules(
      toPrometheusRules([withoutRunbook], {
        staticLabels: { team: 'integrations', tier: '1' },
      }),
    ).filter((r) => r.alert)
    expect(alert).toMatchObject({ for: '1m', keep_firing_for: '10m', labels: { severity: 'page', rule_id: 'acme-failing', team: 'payments', service: 'api', tier: '1' } })
    expect(alert?.annotations).not.toHaveProperty('runbook')
  })

  it('refuses windows that are not multiples of the evaluation interval, selector problems, and match.not values Prometheus cannot see', () => {
    expect(
      compilePrometheusRules(
        [
          ratioRule({ ratio: { min: 0.1, windowSeconds: 100, minRequests: 1 } }),
          sloRule({ slo: { objective: 0.99, periodDays: 1 }, labels: { env: 'staging' } }),
          rule({ id: 'x', match: { kind: 'timeout', not: { vendor: 'acme', not: { status: 418 } } }, threshold: { count: 1, windowSeconds: 100 } }),
        ],
        { evaluationIntervalSeconds: 45, selector: { env: 'prod', vendor: 'scribe', job: '' }, staticLabels: { env: 'x' }, requestsMetricName: 'faultline_errors_total' },
      ),
    ).toEqual(
      E.left([
        'requestsMetricName: the request counter cannot be the error counter ("faultline_errors_total")',
        'selector.vendor: not a label name a selector may match (letters, digits and _, not starting with __, none of alertname, severity, rule_id, slo_window, vendor, kind, reason, status, recognized, retryable)',
        'selector.job: expected a non-empty string without control characters, got ""',
        "staticLabels.env: also a selector label, which every alert carries with the selector's value; remove one of them",
        'rules[0].ratio.windowSeconds: 100 is not a multiple of the evaluation interval (45s): a ratio is evaluated every interval over whole intervals; choose a multiple',
        'rules[1].slo: the 2m and 1m windows of the 2m/1m pair are not a multiple of the evaluation interval (45s): SLO windows are whole minutes, so choose an interval that divides a minute',
        'rules[1].slo: the 1m window of the 12m/1m pair is not a multiple of the evaluation interval (45s): SLO windows are whole minutes, so choose an interval that divides a minute',
        'rules[1].slo: the 4m window of the 48m/4m pair is not a multiple of the evaluation interval (45s): SLO windows are whole minutes, so choose an interval that divides a minute',
        "rules[1].labels.env: also a selector label, which every alert carries with the selector's value; remove one of them",
        'rules[2].match.not.vendor: "acme" is not in the label policy\'s vendors, so its errors are counted as vendor="other"; add it to labels.vendors',
        'rules[2].match.not.not.status: 418 is counted by class (status="4xx"), not exactly; match one of 400, 401, 403, 404, 405, 408, 409, 410, 413, 415, 422, 429, 500, 501, 502, 503, 504',
      ]),
    )
    // A threshold window off the interval stays allowed (the engine counts thresholds in continuous time).
    expect(E.isRight(compilePrometheusRules([rule({ threshold: { count: 1, windowSeconds: 100 } })], { evaluationIntervalSeconds: 45 }))).toBe(true)
    // Without an interval, ratio and SLO rules get the engine's default (15 s), checked and written; thresholds alone get none.
    expect(compilePrometheusRules([ratioRule({ ratio: { min: 0.1, windowSeconds: 100, minRequests: 1 } })])).toEqual(
      E.left(['rules[0].ratio.windowSeconds: 100 is not a multiple of the evaluation interval (15s): a ratio is evaluated every interval over whole intervals; choose a multiple']),
    )
    expect(parse(toPrometheusRules([ratioRule()])).groups[0].interval).toBe('15s')
    expect(parse(toPrometheusRules([rule()])).groups[0].interval).toBeUndefined()
  })
})

describe('names and durations', () => {
  it('turns kebab-case ids into alert names and seconds into Prometheus durations', () => {
    expect(alertNameOf({ id: 'vendor-api-drift' })).toBe('FaultlineVendorApiDrift')
    expect(alertNameOf({ id: 'x' }, 'Acme')).toBe('AcmeX')
    expect([promDuration(3600), promDuration(7200), promDuration(300), promDuration(90), promDuration(45)]).toEqual(['1h', '2h', '5m', '90s', '45s'])
  })
})

describe('YAML scalars', () => {
  it('round-trip any string through a YAML parser', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        expect(parse(`key: ${yamlString(text)}`).key).toBe(text)
        expect(parse(`key: ${yamlQuoted(text)}`).key).toBe(text)
      }),
    )
  })

  it('print no control, C1, separator or bidi character raw (a terminal or YAML 1.1 parser would act on it)', () => {
    const text = 'a\u0085\u009b2J\u2028\u202e\u2066\u007f\u001b]0;x\u0007'
    for (const scalar of [yamlString(text), yamlQuoted(text)]) {
      expect(scalar).toMatch(/^[\x20-\x7e]*$/)
      expect(parse(`key: ${scalar}`).key).toBe(text)
    }
  })
})
