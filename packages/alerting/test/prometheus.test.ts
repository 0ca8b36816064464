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
  promDuration,
  toPrometheusRules,
  windowExpressionOf,
  type AlertRule,
} from '@faultline/alerting'
import { yamlQuoted, yamlString } from '../src/yaml'

const rule = (overrides: Partial<AlertRule> = {}): AlertRule => ({
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
      'faultline_errors:window_5m',
      'faultline_errors:window_10m',
      'faultline_errors:window_15m',
      'faultline_errors:window_1h',
    ])
    const alerts = group.rules.filter((r: { alert?: string }) => r.alert)
    expect(alerts).toHaveLength(defaultRules.length)
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
        'staticLabels.severity: not a label name an alert can carry besides its own (alertname, severity, rule_id, vendor, kind, reason, status, recognized, retryable)',
        'staticLabels.bad-label: not a label name an alert can carry besides its own (alertname, severity, rule_id, vendor, kind, reason, status, recognized, retryable)',
      ]),
    )
    expect(compilePrometheusRules([rule({ id: '5xx-surge' })], { alertNamePrefix: '' })).toEqual(
      E.left(['rules[0].id: the alert name "5xxSurge" is not a valid Prometheus alert name; set alertNamePrefix']),
    )
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
