import { either as E } from 'fp-ts'
import { isSloRule, valuesOf, type AlertMatch, type AlertRule, type SloRule } from './AlertRule'
import { show } from './codecs'
import { AlertRuleError, loadRules, type RuleProblems } from './loadRules'
import { defaultMetricName } from './metrics'
import {
  defaultRequestsMetricName,
  escapeRegex,
  matchersOf,
  metricNamePattern,
  parenthesized,
  percent,
  promDuration,
  selectorMatchers,
  selectorOf,
  sloRatioSeriesName,
  sumBy,
  type PromQLOptions,
} from './promql'
import { selectorProblems } from './selector'
import { defaultSloPeriodDays, sloWindowsOf, type SloWindow } from './slo'

/** Options of {@link toGrafanaDashboard}. Give it the `metricName`, `requestsMetricName` and `selector` given to `toPrometheusRules`. */
export interface GrafanaDashboardOptions extends PromQLOptions {
  /** Default `Faultline: vendor errors and SLOs`. */
  readonly title?: string
  /** The dashboard's uid (letters, digits, `-` and `_`, at most 40). Default `faultline`. */
  readonly uid?: string
  /** The Prometheus data source the `datasource` variable starts on (its uid); absent, Grafana's default Prometheus. */
  readonly datasourceUid?: string
  /** Dashboard tags. Default `['faultline']`. */
  readonly tags?: ReadonlyArray<string>
}

/** Where a panel or a query reads from: the dashboard's `datasource` variable. */
export interface GrafanaDatasourceRef {
  readonly type: 'prometheus'
  readonly uid: string
}

/** One PromQL query of a panel. */
export interface GrafanaTarget {
  readonly refId: string
  readonly datasource: GrafanaDatasourceRef
  readonly expr: string
  readonly legendFormat: string
  readonly editorMode: 'code'
  readonly range: boolean
  readonly instant: boolean
  readonly format?: 'time_series' | 'table'
}

/** A panel's place on the dashboard's 24-column grid. */
export interface GrafanaGridPos {
  readonly x: number
  readonly y: number
  readonly w: number
  readonly h: number
}

/** One panel (a row, a time series, a stat, a table, a state timeline) as Grafana's dashboard JSON has it. */
export interface GrafanaPanel {
  readonly id: number
  readonly type: 'row' | 'timeseries' | 'stat' | 'table' | 'state-timeline'
  readonly title: string
  readonly gridPos: GrafanaGridPos
  readonly description?: string
  readonly datasource?: GrafanaDatasourceRef
  readonly targets?: ReadonlyArray<GrafanaTarget>
  readonly [field: string]: unknown
}

/** A template variable (`datasource`, `vendor`). */
export interface GrafanaVariable {
  readonly name: string
  readonly type: 'datasource' | 'query'
  readonly [field: string]: unknown
}

/** A Grafana dashboard, as its JSON model (import it, provision it, or POST it as `{ dashboard }` to `/api/dashboards/db`). */
export interface GrafanaDashboard {
  readonly id: null
  readonly uid: string
  readonly title: string
  readonly tags: ReadonlyArray<string>
  readonly schemaVersion: number
  readonly version: number
  readonly editable: boolean
  readonly graphTooltip: number
  readonly time: { readonly from: string; readonly to: string }
  readonly refresh: string
  readonly timezone: string
  readonly templating: { readonly list: ReadonlyArray<GrafanaVariable> }
  readonly annotations: { readonly list: ReadonlyArray<unknown> }
  readonly panels: ReadonlyArray<GrafanaPanel>
}

/** The dashboard JSON schema version written (Grafana 10.4 / 11). */
export const grafanaSchemaVersion = 39

/**
 * The template variables the dashboard's queries use besides Grafana's own `$__rate_interval`: `$datasource`
 * (in every panel's data source) and `$vendor` (a regex of the vendors picked, `.*` for All).
 */
export const grafanaVariables: ReadonlyArray<string> = ['datasource', 'vendor']

const datasource: GrafanaDatasourceRef = { type: 'prometheus', uid: '${datasource}' }
const uidPattern = /^[a-zA-Z0-9_-]{1,40}$/
const vendorFilter = 'vendor=~"$vendor"'
const rateInterval = '$__rate_interval'

const days = (count: number) => `${count} day${count === 1 ? '' : 's'}`

/** What every query is built from: the counters' names and the matchers every selector carries. */
interface Sources {
  readonly errors: string
  readonly requests: string
  readonly selector: ReadonlyArray<string>
}

/**
 * The matching errors' increase over `range`, per counter series (not summed), read from the raw counter: the
 * series the match's fields select, `unless` those its `not` selects (`unless` matches on every label, and
 * `increase` leaves both sides the same labels).
 */
function matchingIncrease(match: AlertMatch, range: string, sources: Sources, extra: ReadonlyArray<string>): string {
  const series = `increase(${selectorOf(sources.errors, [...sources.selector, ...extra, matchersOf({ match })])}[${range}])`
  return match.not === undefined ? series : `${series} unless ${parenthesized(matchingIncrease(match.not, range, sources, extra))}`
}

/**
 * An SLO rule's error budget left over its period, per group, from the raw counters:
 * `1 - (errors / requests) / (1 - objective)`. 1 is untouched, 0 spent, below 0 the objective is missed.
 */
function errorBudgetLeftExpression(rule: SloRule, sources: Sources, filterVendor: boolean): string {
  const period = promDuration((rule.slo.periodDays ?? defaultSloPeriodDays) * 86_400)
  const byVendor = rule.groupBy.includes('vendor')
  const groups = rule.groupBy.filter((field) => field !== 'vendorCode')
  const filter = filterVendor && byVendor ? [vendorFilter] : []
  const errors = `${sumBy(groups)} (${matchingIncrease(rule.match, period, sources, filter)})`
  const vendors = rule.match.vendor === undefined ? '' : matchersOf({ match: { vendor: rule.match.vendor } })
  const requestSelector = selectorOf(sources.requests, [...sources.selector, ...filter, vendors])
  const requests = `${sumBy(byVendor ? ['vendor'] : [])} (increase(${requestSelector}[${period}]))`
  const join = groups.length === (byVendor ? 1 : 0) ? '' : byVendor ? ' on(vendor) group_left' : ' on() group_left'
  return `1 - (${errors} /${join} ${requests}) / (1 - ${String(rule.slo.objective)})`
}

/** An SLO rule's burn rate over one window: the error ratio the rules file records for it, over the budget. */
const burnRateExpression = (rule: SloRule, windowSeconds: number, sources: Sources): string =>
  `${selectorOf(sloRatioSeriesName(windowSeconds), [
    ...sources.selector,
    `rule_id=${JSON.stringify(rule.id)}`,
    ...(rule.groupBy.includes('vendor') ? [vendorFilter] : []),
  ])} / (1 - ${String(rule.slo.objective)})`

/** A panel before it is placed: its size, and everything else but its id and position. */
interface PanelSpec {
  readonly w: number
  readonly h: number
  readonly panel: Omit<GrafanaPanel, 'id' | 'gridPos'>
}

interface RowSpec {
  readonly title: string
  readonly panels: ReadonlyArray<PanelSpec>
}

const target = (refId: string, expr: string, legendFormat: string, instant = false, format?: 'table'): GrafanaTarget => ({
  refId,
  datasource,
  expr,
  legendFormat,
  editorMode: 'code',
  range: !instant,
  instant,
  ...(format === undefined ? {} : { format }),
})

const legendOf = (labels: ReadonlyArray<string>, otherwise: string) =>
  labels.length === 0 ? otherwise : labels.map((label) => `{{${label}}}`).join(' ')

const timeseries = (
  title: string,
  description: string,
  targets: ReadonlyArray<GrafanaTarget>,
  defaults: Readonly<Record<string, unknown>>,
  custom: Readonly<Record<string, unknown>> = {},
  extra: Readonly<Record<string, unknown>> = {},
): Omit<GrafanaPanel, 'id' | 'gridPos'> => ({
  type: 'timeseries',
  title,
  description,
  datasource,
  ...extra,
  fieldConfig: {
    defaults: {
      ...defaults,
      custom: { drawStyle: 'line', lineWidth: 1, fillOpacity: 10, showPoints: 'never', spanNulls: false, ...custom },
    },
    overrides: [],
  },
  options: { legend: { displayMode: 'list', placement: 'bottom', showLegend: true }, tooltip: { mode: 'multi', sort: 'desc' } },
  targets,
})

function trafficRow(sources: Sources): RowSpec {
  const rate = (metric: string) => `rate(${selectorOf(metric, [...sources.selector, vendorFilter])}[${rateInterval}])`
  return {
    title: 'Requests and errors',
    panels: [
      {
        w: 12,
        h: 8,
        panel: timeseries(
          'Requests per second',
          `Per vendor: every request counted by recordOutcome (${sources.requests}), failed or not.`,
          [target('A', `sum by (vendor) (${rate(sources.requests)})`, '{{vendor}}')],
          { unit: 'reqps', min: 0 },
        ),
      },
      {
        w: 12,
        h: 8,
        panel: timeseries(
          'Errors per second',
          `Per vendor: every error normalized by faultline (${sources.errors}).`,
          [target('A', `sum by (vendor) (${rate(sources.errors)})`, '{{vendor}}')],
          { unit: 'short', min: 0 },
          { axisLabel: 'errors/s' },
        ),
      },
      {
        w: 12,
        h: 8,
        panel: timeseries(
          'Error ratio by kind: $vendor',
          "The share of the vendor's requests that failed, stacked by kind: the top of the stack is its error ratio. One panel per vendor picked.",
          [target('A', `sum by (kind) (${rate(sources.errors)}) / on() group_left sum (${rate(sources.requests)})`, '{{kind}}')],
          { unit: 'percentunit', min: 0 },
          { fillOpacity: 40, stacking: { mode: 'normal', group: 'A' } },
          { repeat: 'vendor', repeatDirection: 'h', maxPerRow: 2 },
        ),
      },
    ],
  }
}

const budgetThresholds = {
  mode: 'absolute',
  steps: [
    { color: 'red', value: null },
    { color: 'orange', value: 0 },
    { color: 'green', value: 0.25 },
  ],
}

function sloRow(rule: SloRule, sources: Sources): RowSpec {
  const periodDays = rule.slo.periodDays ?? defaultSloPeriodDays
  const groups = rule.groupBy.filter((field) => field !== 'vendorCode')
  const burn = (window: SloWindow): PanelSpec => ({
    w: 9,
    h: 8,
    panel: timeseries(
      `Burn rate ${window.name}: ${window.severity} at ${window.factor}×`,
      `How many times faster than the ${periodDays}-day budget allows it is spent, over ${promDuration(window.longSeconds)} and ${promDuration(window.shortSeconds)} ` +
        `(the error ratios the rules file records). The ${window.severity} alert fires when both lines are above ${window.factor}.`,
      [
        target('A', burnRateExpression(rule, window.longSeconds, sources), `${legendOf(groups, rule.id)} ${promDuration(window.longSeconds)}`),
        target('B', burnRateExpression(rule, window.shortSeconds, sources), `${legendOf(groups, rule.id)} ${promDuration(window.shortSeconds)}`),
      ],
      {
        unit: 'suffix:×',
        min: 0,
        thresholds: { mode: 'absolute', steps: [{ color: 'green', value: null }, { color: 'red', value: window.factor }] },
      },
      { thresholdsStyle: { mode: 'line' } },
    ),
  })
  const [first, second, third, fourth] = sloWindowsOf(rule.slo).map(burn)
  return {
    title: `SLO ${rule.id}: ${percent(rule.slo.objective)} over ${days(periodDays)}`,
    panels: [
      {
        w: 6,
        h: 16,
        panel: {
          type: 'stat',
          title: `Error budget left (${days(periodDays)})`,
          description:
            `1 - (error ratio over ${days(periodDays)}) / (1 - ${String(rule.slo.objective)}): 100% untouched, 0 spent, below 0 the objective is missed. ` +
            'From the raw counters, so it needs their history over the whole period.',
          datasource,
          fieldConfig: { defaults: { unit: 'percentunit', decimals: 1, thresholds: budgetThresholds }, overrides: [] },
          options: {
            reduceOptions: { calcs: ['lastNotNull'], fields: '', values: false },
            colorMode: 'value',
            graphMode: 'none',
            justifyMode: 'auto',
            orientation: 'auto',
            textMode: 'value_and_name',
          },
          targets: [target('A', errorBudgetLeftExpression(rule, sources, true), legendOf(groups, 'budget left'), true)],
        },
      },
      ...[first, second, third, fourth].filter((panel): panel is PanelSpec => panel !== undefined),
    ],
  }
}

function alertsRow(rules: ReadonlyArray<AlertRule>, sources: Sources): RowSpec {
  const firing = selectorOf('ALERTS', [
    'alertstate="firing"',
    `rule_id=~${JSON.stringify(rules.map((rule) => escapeRegex(rule.id)).join('|'))}`,
    ...sources.selector,
    vendorFilter,
  ])
  return {
    title: 'Alerts',
    panels: [
      {
        w: 24,
        h: 8,
        panel: {
          type: 'table',
          title: 'Firing now',
          description: "The rules' alerts firing now, with their labels (severity, rule_id, the group, slo_window for SLO pairs).",
          datasource,
          fieldConfig: { defaults: {}, overrides: [] },
          options: { showHeader: true, cellHeight: 'sm', footer: { show: false, reducer: ['sum'], fields: '' } },
          transformations: [{ id: 'organize', options: { excludeByName: { Time: true, Value: true, __name__: true, alertstate: true }, indexByName: {}, renameByName: {} } }],
          targets: [target('A', firing, '__auto', true, 'table')],
        },
      },
      {
        w: 24,
        h: 8,
        panel: {
          type: 'state-timeline',
          title: 'Firing over time',
          description: 'When each alert fired: one line per alert and group.',
          datasource,
          fieldConfig: {
            defaults: { color: { mode: 'fixed', fixedColor: 'red' }, custom: { fillOpacity: 70, lineWidth: 0 } },
            overrides: [],
          },
          options: { showValue: 'never', mergeValues: true, rowHeight: 0.9, alignValue: 'left', legend: { showLegend: false, displayMode: 'list', placement: 'bottom' }, tooltip: { mode: 'single', sort: 'none' } },
          targets: [target('A', firing, '{{alertname}} {{vendor}} {{reason}} {{slo_window}}')],
        },
      },
    ],
  }
}

/** Places the rows on the grid, top to bottom, panels left to right (wrapping at 24 columns); ids in order from 1. */
function layout(rows: ReadonlyArray<RowSpec>): ReadonlyArray<GrafanaPanel> {
  const panels: Array<GrafanaPanel> = []
  let y = 0
  for (const row of rows) {
    panels.push({ id: panels.length + 1, type: 'row', title: row.title, collapsed: false, panels: [], gridPos: { x: 0, y, w: 24, h: 1 } })
    y += 1
    // A column layout: each panel goes at the lowest free place of the first columns wide enough, left first.
    const heights = Array.from({ length: 24 }, () => y)
    for (const spec of row.panels) {
      let best = { x: 0, y: Infinity }
      for (let x = 0; x + spec.w <= 24; x += 1) {
        const top = Math.max(...heights.slice(x, x + spec.w))
        if (top < best.y) best = { x, y: top }
      }
      for (let x = best.x; x < best.x + spec.w; x += 1) heights[x] = best.y + spec.h
      panels.push({ ...spec.panel, id: panels.length + 1, gridPos: { x: best.x, y: best.y, w: spec.w, h: spec.h } } as GrafanaPanel)
    }
    y = Math.max(...heights)
  }
  return panels
}

/**
 * `$name`, `${name}` (or `${name:format}`) and `[[name]]` references in a text: what Grafana would interpolate.
 * Linear in the text's length: each alternative reads a run of one character class up to a delimiter outside
 * it (`\w*` then `:` or `}`; a format stops at `}` or the next `$`), so no character is read twice from one start
 * and no run is rescanned from another.
 */
export const grafanaVariableReferences = (text: string): ReadonlyArray<string> =>
  [...text.matchAll(/\$\{(\w*)(?::[^$}]*)?\}|\$(\w+)|\[\[(\w+)\]\]/g)].map((match) => match[1] ?? match[2] ?? match[3] ?? '')

/** The `$` values of a match (at any depth of its `not`) that an SLO row's queries would hold, as problems. */
function dollarProblems(match: AlertMatch, at: string): Array<string> {
  const problems = (['vendor', 'reason'] as const).flatMap((field) =>
    (valuesOf(match[field]) ?? [])
      .filter((value) => value.includes('$'))
      .map((value) => `${at}.${field}: Grafana would read "$" in a query as a template variable; a matched value must not hold "$", got ${show(value)}`),
  )
  return match.not === undefined ? problems : [...problems, ...dollarProblems(match.not, `${at}.not`)]
}

function optionProblems(options: GrafanaDashboardOptions): Array<string> {
  const problems: Array<string> = []
  if (options.title !== undefined && !(typeof options.title === 'string' && options.title.trim() !== '')) {
    problems.push(`title: expected a non-empty string, got ${show(options.title)}`)
  }
  if (options.uid !== undefined && !(typeof options.uid === 'string' && uidPattern.test(options.uid))) {
    problems.push(`uid: expected 1 to 40 letters, digits, - or _, got ${show(options.uid)}`)
  }
  if (options.datasourceUid !== undefined && !(typeof options.datasourceUid === 'string' && options.datasourceUid.trim() !== '')) {
    problems.push(`datasourceUid: expected a data source uid, got ${show(options.datasourceUid)}`)
  }
  if (options.tags !== undefined && !(Array.isArray(options.tags) && options.tags.every((tag) => typeof tag === 'string' && tag.trim() !== ''))) {
    problems.push(`tags: expected a list of non-empty strings, got ${show(options.tags)}`)
  }
  const metricName = options.metricName ?? defaultMetricName
  const requestsMetricName = options.requestsMetricName ?? defaultRequestsMetricName
  if (!metricNamePattern.test(metricName)) problems.push(`metricName: ${show(metricName)} is not a valid metric name`)
  if (!metricNamePattern.test(requestsMetricName)) problems.push(`requestsMetricName: ${show(requestsMetricName)} is not a valid metric name`)
  else if (requestsMetricName === metricName) problems.push(`requestsMetricName: the request counter cannot be the error counter (${show(metricName)})`)
  problems.push(...selectorProblems(options.selector, 'selector', { noDollar: true }))
  return problems
}

/**
 * Builds a Grafana dashboard for a rule set, or says what is wrong with the rules or the options. Variables:
 * `datasource` (Prometheus) and `vendor` (`label_values` of the request counter; several, or All). Rows:
 *
 * - **Requests and errors**: per vendor, requests and errors per second; per vendor picked, the error ratio
 *   stacked by kind (from the raw counters, `rate(...[$__rate_interval])`).
 * - **SLO** (one row per SLO rule): the error budget left over the period (raw counters, `increase` over the
 *   period), and per window pair the burn rate over its long and short windows against the pair's factor,
 *   read from the error ratios the rules file records (`faultline:slo_error_ratio_1h`): what the alerts read.
 * - **Alerts**: the rules' alerts firing now (table) and over time (`ALERTS{alertstate="firing"}`).
 *
 * Every selector carries `selector`'s labels. Output is deterministic (ids and positions in order), so a
 * dashboard can be generated in CI and diffed.
 *
 * @example
 * const dashboard = compileGrafanaDashboard(defaultRules, { selector: { env: 'prod' } })
 * if (E.isRight(dashboard)) writeFileSync('faultline.dashboard.json', JSON.stringify(dashboard.right, null, 2))
 */
export function compileGrafanaDashboard(
  rules: ReadonlyArray<AlertRule>,
  options: GrafanaDashboardOptions = {},
): E.Either<RuleProblems, GrafanaDashboard> {
  const loaded = loadRules(rules)
  if (E.isLeft(loaded)) return loaded
  const problems = optionProblems(options)
  loaded.right.forEach((rule, index) => {
    if (rule.groupBy.includes('vendorCode')) {
      problems.push(`rules[${index}].groupBy: vendorCode is not a metric label, so Prometheus has no series of this rule; keep the rule in process only`)
    }
    if (isSloRule(rule)) problems.push(...dollarProblems(rule.match, `rules[${index}].match`))
  })
  if (problems.length > 0) return E.left(problems)
  const sources: Sources = {
    errors: options.metricName ?? defaultMetricName,
    requests: options.requestsMetricName ?? defaultRequestsMetricName,
    selector: selectorMatchers(options.selector),
  }
  const rows = [trafficRow(sources), ...loaded.right.filter(isSloRule).map((rule) => sloRow(rule, sources))]
  if (loaded.right.length > 0) rows.push(alertsRow(loaded.right, sources))
  const panels = layout(rows)
  for (const panel of panels) {
    for (const { refId, expr } of panel.targets ?? []) {
      for (const name of grafanaVariableReferences(expr)) {
        if (!['vendor', '__rate_interval'].includes(name)) {
          problems.push(`panel ${JSON.stringify(panel.title)}, query ${refId}: Grafana would read $${name} as a template variable; a matched value or a selector value must not hold "$"`)
        }
      }
    }
  }
  if (problems.length > 0) return E.left(problems)
  const vendorQuery = `label_values(${selectorOf(sources.requests, sources.selector)}, vendor)`
  return E.right({
    id: null,
    uid: options.uid ?? 'faultline',
    title: options.title ?? 'Faultline: vendor errors and SLOs',
    tags: options.tags ?? ['faultline'],
    schemaVersion: grafanaSchemaVersion,
    version: 1,
    editable: true,
    graphTooltip: 1,
    time: { from: 'now-6h', to: 'now' },
    refresh: '1m',
    timezone: 'browser',
    templating: {
      list: [
        {
          name: 'datasource',
          label: 'Data source',
          type: 'datasource',
          query: 'prometheus',
          regex: '',
          hide: 0,
          refresh: 1,
          options: [],
          current: options.datasourceUid === undefined ? {} : { selected: true, text: options.datasourceUid, value: options.datasourceUid },
        },
        {
          name: 'vendor',
          label: 'Vendor',
          type: 'query',
          datasource,
          definition: vendorQuery,
          query: vendorQuery,
          regex: '',
          hide: 0,
          refresh: 2,
          sort: 1,
          multi: true,
          includeAll: true,
          allValue: '.*',
          options: [],
          current: { selected: true, text: ['All'], value: ['$__all'] },
        },
      ],
    },
    annotations: { list: [] },
    panels,
  })
}

/**
 * {@link compileGrafanaDashboard}, throwing an `AlertRuleError` that lists every problem.
 *
 * @example
 * writeFileSync('faultline.dashboard.json', JSON.stringify(toGrafanaDashboard(defaultRules), null, 2))
 */
export function toGrafanaDashboard(rules: ReadonlyArray<AlertRule>, options: GrafanaDashboardOptions = {}): GrafanaDashboard {
  const compiled = compileGrafanaDashboard(rules, options)
  if (E.isLeft(compiled)) throw new AlertRuleError(compiled.left)
  return compiled.right
}
