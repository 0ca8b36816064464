import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { either as E } from 'fp-ts'
import { stringify } from 'yaml'
import {
  AlertRuleError,
  compileGrafanaDashboard,
  defaultRules,
  grafanaSchemaVersion,
  toGrafanaDashboard,
  toPrometheusRules,
  type AlertRule,
  type GrafanaDashboard,
  type GrafanaDashboardOptions,
  type GrafanaPanel,
} from '@faultline/alerting'
import { grafanaVariableReferences } from '../src/grafana'
import { findExecutable, missingTool, runTool } from './fixtures/tools'

// The generated Grafana dashboard: the shape Grafana needs (unique panel ids, a grid without overlaps, queries
// with refId and expr, the variables they use), a snapshot, every PromQL expression parsed by Prometheus itself
// (promtool check rules), and the numbers the panels show, computed by promtool over known counters.

/** An SLO rule with a `not`, over a one-day period so that its budget can be evaluated over a short test input. */
const slo: AlertRule = {
  id: 'dashboard-slo',
  summary: 'The vendor fails more requests than its objective allows.',
  match: { kind: ['timeout', 'transport'], not: { reason: 'aborted' } },
  groupBy: ['vendor'],
  slo: { objective: 0.995, periodDays: 1 },
}
const overall: AlertRule = {
  id: 'overall-slo',
  summary: 'Across vendors, too many requests fail.',
  match: { vendor: ['medblocks', 'scribe'], recognized: false },
  groupBy: [],
  slo: { objective: 0.99 },
}
const ratio: AlertRule = {
  id: 'error-ratio',
  summary: 'A tenth of the vendor\'s requests fail.',
  match: {},
  groupBy: ['vendor'],
  ratio: { min: 0.1, windowSeconds: 300, minRequests: 20 },
  severity: 'ticket',
}
/** The default pack's threshold rules (its SLO rules are checked by the promtool test), then the rules above. */
const rules: ReadonlyArray<AlertRule> = [...defaultRules.filter((rule) => 'threshold' in rule), ratio, slo, overall]
const options: GrafanaDashboardOptions = { selector: { env: 'prod' }, datasourceUid: 'prometheus-main' }

const targetsOf = (dashboard: GrafanaDashboard) =>
  dashboard.panels.flatMap((panel) => (panel.targets ?? []).map((target) => ({ panel, target })))
const panel = (dashboard: GrafanaDashboard, title: string) => dashboard.panels.find((p) => p.title === title) as GrafanaPanel

/**
 * Grafana interpolates its variables before Prometheus sees a query; the checks do the same with concrete
 * values: `$vendor` (a regex of the vendors picked) and `$__rate_interval` (a range Grafana computes from the
 * scrape interval). No other variable may remain.
 */
const substitute = (expr: string, vendor = 'medblocks', rateInterval = '1m') => {
  const concrete = expr.replaceAll('$__rate_interval', rateInterval).replaceAll('$vendor', vendor)
  expect(concrete, expr).not.toContain('$')
  return concrete
}

describe('toGrafanaDashboard', () => {
  const dashboard = toGrafanaDashboard(rules, options)

  it('has the shape Grafana imports: schema version, unique panel ids, a 24-column grid without overlaps, queries with refId and expr', () => {
    expect(dashboard).toMatchObject({ id: null, uid: 'faultline', schemaVersion: grafanaSchemaVersion, title: 'Faultline: vendor errors and SLOs' })
    expect(grafanaSchemaVersion).toBeGreaterThanOrEqual(39)
    const ids = dashboard.panels.map((p) => p.id)
    expect(new Set(ids).size).toBe(ids.length)
    expect(ids).toEqual(ids.map((_, index) => index + 1))
    const cells = new Set<string>()
    for (const { gridPos, title } of dashboard.panels) {
      expect(gridPos.x >= 0 && gridPos.w > 0 && gridPos.x + gridPos.w <= 24 && gridPos.h > 0 && gridPos.y >= 0, title).toBe(true)
      for (let x = gridPos.x; x < gridPos.x + gridPos.w; x++) {
        for (let y = gridPos.y; y < gridPos.y + gridPos.h; y++) {
          expect(cells.has(`${x},${y}`), `${title} overlaps at ${x},${y}`).toBe(false)
          cells.add(`${x},${y}`)
        }
      }
    }
    for (const p of dashboard.panels) {
      if (p.type === 'row') {
        expect(p.targets).toBeUndefined()
        continue
      }
      expect(p.datasource, p.title).toEqual({ type: 'prometheus', uid: '${datasource}' })
      expect(p.targets?.length, p.title).toBeGreaterThan(0)
      const refIds = (p.targets ?? []).map((t) => t.refId)
      expect(new Set(refIds).size, p.title).toBe(refIds.length)
      for (const t of p.targets ?? []) {
        expect(t.refId).toMatch(/^[A-Z]$/)
        expect(t.expr.length).toBeGreaterThan(0)
        expect(t.datasource).toEqual(p.datasource)
      }
    }
    // It survives JSON (Grafana stores and imports JSON).
    expect(JSON.parse(JSON.stringify(dashboard))).toEqual(dashboard)
  })

  it('has a datasource variable (Prometheus, starting on the given uid) and a multi-value vendor variable from the request counter', () => {
    const [datasource, vendor, ...others] = dashboard.templating.list
    expect(others).toEqual([])
    expect(datasource).toMatchObject({ name: 'datasource', type: 'datasource', query: 'prometheus', current: { value: 'prometheus-main' } })
    expect(vendor).toMatchObject({
      name: 'vendor',
      type: 'query',
      query: 'label_values(faultline_requests_total{env="prod"}, vendor)',
      multi: true,
      includeAll: true,
      allValue: '.*',
      datasource: { type: 'prometheus', uid: '${datasource}' },
    })
    // Every variable a query, a title or a repeat uses is defined (or Grafana's own).
    const defined = new Set(['datasource', 'vendor', '__rate_interval'])
    const text = JSON.stringify(dashboard.panels)
    for (const [, name] of text.matchAll(/\$\{?(\w+)/g)) expect(defined.has(name as string), name).toBe(true)
    for (const p of dashboard.panels) if (p.repeat !== undefined) expect(defined.has(p.repeat as string)).toBe(true)
  })

  it('has the panels of the issue: per vendor request and error rates, error ratio by kind, per SLO rule its budget and burn rates, firing alerts', () => {
    expect(dashboard.panels.filter((p) => p.type === 'row').map((p) => p.title)).toEqual([
      'Requests and errors',
      'SLO dashboard-slo: 99.5% over 1 day',
      'SLO overall-slo: 99% over 30 days',
      'Alerts',
    ])
    expect(dashboard.panels.map((p) => `${p.type} ${p.title}`)).toEqual([
      'row Requests and errors',
      'timeseries Requests per second',
      'timeseries Errors per second',
      'timeseries Error ratio by kind: $vendor',
      'row SLO dashboard-slo: 99.5% over 1 day',
      'stat Error budget left (1 day)',
      'timeseries Burn rate 2m/1m: page at 14.4×',
      'timeseries Burn rate 12m/1m: page at 6×',
      'timeseries Burn rate 48m/4m: ticket at 3×',
      'timeseries Burn rate 144m/12m: ticket at 1×',
      'row SLO overall-slo: 99% over 30 days',
      'stat Error budget left (30 days)',
      'timeseries Burn rate 1h/5m: page at 14.4×',
      'timeseries Burn rate 6h/30m: page at 6×',
      'timeseries Burn rate 1d/2h: ticket at 3×',
      'timeseries Burn rate 3d/6h: ticket at 1×',
      'row Alerts',
      'table Firing now',
      'state-timeline Firing over time',
    ])
    expect(panel(dashboard, 'Error ratio by kind: $vendor')).toMatchObject({ repeat: 'vendor', fieldConfig: { defaults: { unit: 'percentunit', custom: { stacking: { mode: 'normal' } } } } })
    expect(panel(dashboard, 'Burn rate 6h/30m: page at 6×')).toMatchObject({ fieldConfig: { defaults: { thresholds: { steps: [{ value: null }, { value: 6 }] } } } })
    // Every selector carries the selector's labels.
    for (const { target } of targetsOf(dashboard)) {
      for (const [selector] of target.expr.matchAll(/[a-zA-Z_:]+\{[^}]*\}/g)) expect(selector, target.expr).toContain('env="prod"')
    }
    expect(panel(dashboard, 'Firing now').targets?.[0]?.expr).toBe(
      `ALERTS{alertstate="firing",rule_id=~"${rules.map((rule) => rule.id).join('|')}",env="prod",vendor=~"$vendor"}`,
    )
  })

  it('reads burn rates from the SLO ratios the rules file records, and the budget from the raw counters over the period', () => {
    expect(panel(dashboard, 'Burn rate 2m/1m: page at 14.4×').targets?.map((t) => t.expr)).toEqual([
      'faultline:slo_error_ratio_2m{env="prod",rule_id="dashboard-slo",vendor=~"$vendor"} / (1 - 0.995)',
      'faultline:slo_error_ratio_1m{env="prod",rule_id="dashboard-slo",vendor=~"$vendor"} / (1 - 0.995)',
    ])
    expect(panel(dashboard, 'Error budget left (1 day)').targets?.[0]?.expr).toBe(
      '1 - (sum by (vendor) (increase(faultline_errors_total{env="prod",vendor=~"$vendor",kind=~"timeout|transport"}[24h]) unless increase(faultline_errors_total{env="prod",vendor=~"$vendor",reason="aborted"}[24h]))' +
        ' / sum by (vendor) (increase(faultline_requests_total{env="prod",vendor=~"$vendor"}[24h]))) / (1 - 0.995)',
    )
    // Without vendor in its groups, an SLO is one number: not filtered by the vendor variable, requests of its vendors only.
    expect(panel(dashboard, 'Error budget left (30 days)').targets?.[0]?.expr).toBe(
      '1 - (sum (increase(faultline_errors_total{env="prod",vendor=~"medblocks|scribe",recognized="false"}[720h]))' +
        ' / sum (increase(faultline_requests_total{env="prod",vendor=~"medblocks|scribe"}[720h]))) / (1 - 0.99)',
    )
  })

  it('is deterministic, and matches its snapshot', async () => {
    expect(toGrafanaDashboard([...rules], { ...options })).toEqual(dashboard)
    await expect(`${JSON.stringify(toGrafanaDashboard([ratio, slo], { selector: { env: 'prod' } }), null, 2)}\n`).toMatchFileSnapshot(
      './fixtures/grafana.dashboard.json',
    )
  })

  it('without rules it is the traffic row; options set title, uid, tags and the counters\' names', () => {
    const bare = toGrafanaDashboard([], { title: 'Vendors', uid: 'vendors-1', tags: ['health'], metricName: 'app_errors_total', requestsMetricName: 'app_requests_total' })
    expect(bare).toMatchObject({ title: 'Vendors', uid: 'vendors-1', tags: ['health'] })
    expect(bare.panels.map((p) => p.title)).toEqual(['Requests and errors', 'Requests per second', 'Errors per second', 'Error ratio by kind: $vendor'])
    expect(bare.panels[1]?.targets?.[0]?.expr).toBe('sum by (vendor) (rate(app_requests_total{vendor=~"$vendor"}[$__rate_interval]))')
    expect(bare.templating.list[0]?.current).toEqual({})
  })

  it('says what is wrong with the options and rules, and the throwing variant throws them', () => {
    const problems = (given: GrafanaDashboardOptions, withRules: ReadonlyArray<AlertRule> = rules) => {
      const compiled = compileGrafanaDashboard(withRules, given)
      return E.isLeft(compiled) ? compiled.left : []
    }
    expect(
      problems({ uid: 'has space', title: ' ', datasourceUid: '', tags: [''], metricName: 'bad-name', requestsMetricName: 'bad name', selector: { severity: 'x', env: '' } }),
    ).toEqual([
      'title: expected a non-empty string, got " "',
      'uid: expected 1 to 40 letters, digits, - or _, got "has space"',
      'datasourceUid: expected a data source uid, got ""',
      'tags: expected a list of non-empty strings, got [""]',
      'metricName: "bad-name" is not a valid metric name',
      'requestsMetricName: "bad name" is not a valid metric name',
      'selector.severity: not a label name a selector may match (letters, digits and _, not starting with __, none of alertname, severity, rule_id, slo_window, vendor, kind, reason, status, recognized, retryable)',
      'selector.env: expected a non-empty string without control characters, got ""',
    ])
    expect(problems({ requestsMetricName: 'faultline_errors_total' })).toEqual(['requestsMetricName: the request counter cannot be the error counter ("faultline_errors_total")'])
    expect(problems({ selector: { env: 'prod$1' } })).toEqual([
      'selector.env: Grafana would read "$" in a query as a template variable; a selector value must not hold "$", got "prod$1"',
    ])
    expect(problems({}, [{ ...slo, groupBy: ['vendorCode'] }])).toEqual([
      'rules[0].groupBy: vendorCode is not a metric label, so Prometheus has no series of this rule; keep the rule in process only',
    ])
    expect(problems({}, [{ ...slo, id: 'Bad' }])).toEqual(['rules[0].id: expected a kebab-case id, got "Bad"'])
    expect(problems({}, [{ ...slo, match: { vendor: 'a$b', not: { vendor: ['ok', '$x'] } } }])).toEqual([
      'rules[0].match.vendor: Grafana would read "$" in a query as a template variable; a matched value must not hold "$", got "a$b"',
      'rules[0].match.not.vendor: Grafana would read "$" in a query as a template variable; a matched value must not hold "$", got "$x"',
    ])
    expect(() => toGrafanaDashboard(rules, { uid: '' })).toThrow(AlertRuleError)
  })

  it('returns at once on a rule or selector value built to make a regex backtrack', () => {
    const hostile = '"${'.repeat(20_000)
    expect(E.isLeft(compileGrafanaDashboard([{ ...slo, match: { vendor: hostile } }]))).toBe(true)
    expect(E.isRight(compileGrafanaDashboard([{ ...ratio, match: { vendor: hostile } }]))).toBe(true)
    expect(E.isLeft(compileGrafanaDashboard(rules, { selector: { env: hostile } }))).toBe(true)
    // The reference scan itself, on texts no query holds since such values are refused.
    expect(grafanaVariableReferences(hostile)).toEqual([])
    expect(grafanaVariableReferences('${:'.repeat(20_000))).toEqual([])
    expect(grafanaVariableReferences('[[a'.repeat(20_000))).toEqual([])
    expect(grafanaVariableReferences('$a ${b} ${c:regex} [[d]] ${e:$f}')).toEqual(['a', 'b', 'c', 'd', 'f'])
  })
})

const promtool = findExecutable('promtool')

describe('the dashboard\'s PromQL, by Prometheus itself (promtool)', () => {
  if (promtool === undefined) {
    missingTool('promtool', 'apt-get install prometheus')
    return
  }
  const tool = promtool
  const directory = mkdtempSync(join(tmpdir(), 'faultline-grafana-'))
  const write = (name: string, text: string) => {
    const path = join(directory, name)
    writeFileSync(path, text)
    return path
  }
  /** Every query as a recording rule (promtool check rules parses each expression), plus the vendor variable's selector. */
  const asRules = (dashboard: GrafanaDashboard) => {
    const vendorQuery = /^label_values\((.*), vendor\)$/.exec(String(dashboard.templating.list[1]?.query))?.[1]
    expect(vendorQuery).toBeDefined()
    return stringify({
      groups: [
        {
          name: 'dashboard',
          rules: [
            ...targetsOf(dashboard).map(({ panel: p, target }) => ({ record: `faultline_dashboard:panel_${p.id}_${target.refId}`, expr: substitute(target.expr) })),
            { record: 'faultline_dashboard:vendor_variable', expr: vendorQuery },
          ],
        },
      ],
    })
  }

  it('promtool check rules parses every expression of the dashboard (the default pack, an SLO with a not, one without vendor)', () => {
    for (const [name, dashboard] of Object.entries({
      'default.yml': toGrafanaDashboard(defaultRules),
      'custom.yml': toGrafanaDashboard(rules, options),
    })) {
      const check = runTool(tool, ['check', 'rules', write(name, asRules(dashboard))])
      expect(check.status, check.output).toBe(0)
      expect(check.output).toMatch(/SUCCESS: \d+ rules found/)
    }
  })

  it('negative control: promtool check rules fails on an expression that does not parse', () => {
    const dashboard = toGrafanaDashboard([slo], options)
    const broken = { ...dashboard, panels: dashboard.panels.map((p) => (p.id === 2 ? { ...p, targets: [{ ...p.targets?.[0], refId: 'A', expr: 'sum by (vendor (rate(x[1m]))' }] } : p)) } as GrafanaDashboard
    const check = runTool(tool, ['check', 'rules', write('broken.yml', asRules(broken))])
    expect(check.status).not.toBe(0)
    expect(check.output).toContain('parse error')
  })

  it('the panels show the right numbers: promtool evaluates their queries over known counters, with the rules file\'s recorded ratios', () => {
    // 25 hours of counters at 1m: medblocks 400 requests/min, 1 timeout/min, 5 aborted transport errors/min (not
    // in the SLO); scribe 400 requests/min, 3 timeouts/min. Objective 99.5%: medblocks burns 0.25% / 0.5% = 0.5x,
    // its one-day budget is half left; scribe burns 1.5x, half over budget, and its 1x ticket pair fires.
    const dashboard = toGrafanaDashboard([slo], options)
    const labels = (vendor: string, kind: string, reason: string, status: string) =>
      `faultline_errors_total{env="prod",vendor="${vendor}",kind="${kind}",reason="${reason}",status="${status}",recognized="true",retryable="true"}`
    const inputSeries = [
      { series: 'faultline_requests_total{env="prod",vendor="medblocks"}', values: '0+400x1500' },
      { series: 'faultline_requests_total{env="prod",vendor="scribe"}', values: '0+400x1500' },
      { series: labels('medblocks', 'timeout', 'gateway_timeout', '504'), values: '0+1x1500' },
      { series: labels('medblocks', 'transport', 'aborted', 'none'), values: '0+5x1500' },
      { series: labels('scribe', 'timeout', 'timeout', 'none'), values: '0+3x1500' },
      // Another environment: every selector leaves it out.
      { series: 'faultline_requests_total{env="staging",vendor="medblocks"}', values: '0+1x1500' },
      { series: labels('medblocks', 'timeout', 'gateway_timeout', '504').replace('prod', 'staging'), values: '0+1x1500' },
    ]
    const exprOf = (title: string, refId = 'A') => substitute(panel(dashboard, title).targets?.find((t) => t.refId === refId)?.expr ?? '', '.*', '5m')
    const rounded = (expr: string, scale: number) => `round((${expr}) * ${scale})`
    const burnTests = dashboard.panels
      .filter((p) => p.title.startsWith('Burn rate'))
      .flatMap((p) =>
        ['A', 'B'].map((refId) => ({
          expr: rounded(exprOf(p.title, refId), 1000),
          eval_time: '3h',
          exp_samples: [
            { labels: '{env="prod",rule_id="dashboard-slo",vendor="medblocks"}', value: 500 },
            { labels: '{env="prod",rule_id="dashboard-slo",vendor="scribe"}', value: 1500 },
          ],
        })),
      )
    const run = (name: string, ruleFiles: ReadonlyArray<string>, end: string, promqlTests: ReadonlyArray<object>) => {
      const tests = {
        rule_files: ruleFiles,
        evaluation_interval: '1m',
        tests: [{ interval: '1m', input_series: inputSeries.map(({ series, values }) => ({ series, values: values.replace('x1500', `x${end}`) })), promql_expr_test: promqlTests }],
      }
      const test = runTool(tool, ['test', 'rules', write(name, stringify(tests, { lineWidth: 0 }))])
      expect(test.status, test.output.slice(0, 4000)).toBe(0)
      expect(test.output).toContain('SUCCESS')
    }
    // Without rules (nothing to evaluate every minute), over 25 hours: the raw-counter panels.
    run('counters.test.yml', [], '1500', [
      {
        expr: rounded(exprOf('Requests per second'), 60),
        eval_time: '25h',
        exp_samples: [{ labels: '{vendor="medblocks"}', value: 400 }, { labels: '{vendor="scribe"}', value: 400 }],
      },
      {
        expr: rounded(exprOf('Errors per second'), 60),
        eval_time: '25h',
        exp_samples: [{ labels: '{vendor="medblocks"}', value: 6 }, { labels: '{vendor="scribe"}', value: 3 }],
      },
      {
        // All vendors picked: 4 timeouts and 5 transport errors per 800 requests.
        expr: rounded(exprOf('Error ratio by kind: $vendor'), 100_000),
        eval_time: '25h',
        exp_samples: [{ labels: '{kind="timeout"}', value: 500 }, { labels: '{kind="transport"}', value: 625 }],
      },
      {
        expr: rounded(exprOf('Error budget left (1 day)'), 1000),
        eval_time: '25h',
        exp_samples: [{ labels: '{vendor="medblocks"}', value: 500 }, { labels: '{vendor="scribe"}', value: -500 }],
      },
    ])
    // With the rules file (its recorded ratios and its alerts), over 3 hours (the longest window is 144m).
    run('recorded.test.yml', [write('slo.rules.yml', toPrometheusRules([slo], { selector: { env: 'prod' }, evaluationIntervalSeconds: 60 }))], '180', [
      ...burnTests,
      {
        expr: `count by (rule_id, vendor, severity, slo_window) (${exprOf('Firing now')})`,
        eval_time: '3h',
        exp_samples: [{ labels: '{rule_id="dashboard-slo",severity="ticket",slo_window="144m/12m",vendor="scribe"}', value: 1 }],
      },
    ])
  }, 60_000)
})
