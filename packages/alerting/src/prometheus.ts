import { either as E } from 'fp-ts'
import { valuesOf, type AlertRule, type OneOrMany } from './AlertRule'
import { createLabeler, exactStatuses, type LabelPolicy } from './labels'
import { loadRules, AlertRuleError, type RuleProblems } from './loadRules'
import { defaultMetricName } from './metrics'
import { yamlQuoted, yamlString } from './yaml'

/** Options of {@link toPrometheusRules}. */
export interface PrometheusRulesOptions {
  /** The label policy given to `createMetrics`: a rule may only match values it keeps verbatim. */
  readonly labels?: LabelPolicy
  /** The counter's name, as given to `createMetrics`. Default `faultline_errors_total`. */
  readonly metricName?: string
  /** The rule group's name. Default `faultline`. */
  readonly groupName?: string
  /** The rule group's evaluation `interval`, in seconds; absent, Prometheus' global interval applies. */
  readonly evaluationIntervalSeconds?: number
  /** Prefix of every alert name (alert names must be metric-like: `FaultlineCredentialsFailing`). Default `Faultline`. */
  readonly alertNamePrefix?: string
  /** Labels added to every alert (`team`, `service`), for Alertmanager routing. */
  readonly staticLabels?: Readonly<Record<string, string>>
}

const metricNamePattern = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/
const labelNamePattern = /^[a-zA-Z_][a-zA-Z0-9_]*$/
const reservedLabels = new Set(['alertname', 'severity', 'rule_id', 'vendor', 'kind', 'reason', 'status', 'recognized', 'retryable'])

/** The Prometheus alert name of a rule: the prefix, then the id in PascalCase. */
export const alertNameOf = (rule: Pick<AlertRule, 'id'>, prefix = 'Faultline'): string =>
  prefix + rule.id.split('-').map((part) => part.charAt(0).toUpperCase() + part.slice(1)).join('')

/** A duration in Prometheus syntax, in the largest unit that divides it: `1h`, `5m`, `90s`. */
export const promDuration = (seconds: number): string =>
  seconds % 3600 === 0 ? `${seconds / 3600}h` : seconds % 60 === 0 ? `${seconds / 60}m` : `${seconds}s`

const escapeRegex = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

const matcher = (label: string, value: OneOrMany<string | number | boolean> | undefined): ReadonlyArray<string> => {
  const values = valuesOf(value)?.map(String)
  if (values === undefined) return []
  const [only] = values
  return values.length === 1 && only !== undefined
    ? [`${label}=${JSON.stringify(only)}`]
    : [`${label}=~${JSON.stringify(values.map(escapeRegex).join('|'))}`]
}

/** The matchers of a rule's `match`, as PromQL: `kind="signature",vendor=~"medblocks|scribe"`. */
export function matchersOf(rule: AlertRule): string {
  const { match } = rule
  return [
    ...matcher('vendor', match.vendor),
    ...matcher('kind', match.kind),
    ...matcher('reason', match.reason),
    ...matcher('status', match.status),
    ...matcher('recognized', match.recognized),
    ...matcher('retryable', match.retryable),
  ].join(',')
}

/** The recorded series holding, per counter series, the errors of the last `windowSeconds`. */
export const windowSeriesName = (windowSeconds: number, metricName = defaultMetricName): string =>
  `${metricName.replace(/_total$/, '')}:window_${promDuration(windowSeconds)}`

/**
 * The PromQL of a window series: per counter series, the errors in the last `windowSeconds`. That is the
 * counter's value now minus its value one window ago, or the whole value for a series younger than the
 * window (and for one that restarted since): exact counts of the scrapes inside the window, with none of
 * `increase()`'s extrapolation, and a new series' first errors count (docs/decisions/007-alerting-prometheus-equivalence.md).
 */
export function windowExpressionOf(windowSeconds: number, metricName = defaultMetricName): string {
  const window = promDuration(windowSeconds)
  return `${metricName} - ((${metricName} offset ${window} <= ${metricName}) or ${metricName} * 0)`
}

/** The PromQL of a rule's condition: per group, the matching errors in the window reach the threshold. */
export function expressionOf(rule: AlertRule, metricName = defaultMetricName): string {
  const matchers = matchersOf(rule)
  const series = `${windowSeriesName(rule.threshold.windowSeconds, metricName)}${matchers === '' ? '' : `{${matchers}}`}`
  const by = rule.groupBy.length === 0 ? 'sum' : `sum by (${rule.groupBy.join(', ')})`
  return `${by} (${series}) >= ${rule.threshold.count}`
}

/** Why a rule cannot be expressed in Prometheus with the same meaning (empty when it can). */
function problemsOf(rule: AlertRule, index: number, options: PrometheusRulesOptions): RuleProblems {
  const labeler = createLabeler(options.labels)
  const at = `rules[${index}]`
  const problems: Array<string> = []
  if (rule.groupBy.includes('vendorCode')) {
    problems.push(`${at}.groupBy: vendorCode is not a metric label (its values are unbounded), so Prometheus cannot group by it; group by reason instead, or keep this rule in process only`)
  }
  for (const vendor of valuesOf(rule.match.vendor) ?? []) {
    if (!labeler.keepsVendor(vendor)) {
      problems.push(`${at}.match.vendor: ${JSON.stringify(vendor)} is not in the label policy's vendors, so its errors are counted as vendor="other"; add it to labels.vendors`)
    }
  }
  for (const reason of valuesOf(rule.match.reason) ?? []) {
    if (!labeler.keepsReason(reason)) {
      problems.push(`${at}.match.reason: ${JSON.stringify(reason)} is not in the §3 vocabulary nor in labels.reasons, so its errors are counted as reason="other"; add it to labels.reasons`)
    }
  }
  for (const status of valuesOf(rule.match.status) ?? []) {
    if (!exactStatuses.includes(status)) {
      problems.push(`${at}.match.status: ${status} is counted by class (status="${labeler.status(status)}"), not exactly; match one of ${exactStatuses.join(', ')}`)
    }
  }
  const name = alertNameOf(rule, options.alertNamePrefix)
  if (!metricNamePattern.test(name)) problems.push(`${at}.id: the alert name ${JSON.stringify(name)} is not a valid Prometheus alert name; set alertNamePrefix`)
  return problems
}

function optionProblems(options: PrometheusRulesOptions): RuleProblems {
  const problems: Array<string> = []
  const metricName = options.metricName ?? defaultMetricName
  if (!metricNamePattern.test(metricName)) problems.push(`metricName: ${JSON.stringify(metricName)} is not a valid metric name`)
  const interval = options.evaluationIntervalSeconds
  if (interval !== undefined && !(Number.isSafeInteger(interval) && interval > 0)) {
    problems.push(`evaluationIntervalSeconds: expected a positive integer, got ${String(interval)}`)
  }
  for (const label of Object.keys(options.staticLabels ?? {})) {
    if (!labelNamePattern.test(label) || label.startsWith('__') || reservedLabels.has(label)) {
      problems.push(`staticLabels.${label}: not a label name an alert can carry besides its own (${[...reservedLabels].join(', ')})`)
    }
  }
  return problems
}

function render(rules: ReadonlyArray<AlertRule>, options: PrometheusRulesOptions): string {
  const metricName = options.metricName ?? defaultMetricName
  const lines = [
    `# Generated by @faultline/alerting from ${rules.length} rule(s); regenerate instead of editing.`,
    `# Counts come from ${metricName} (createMetrics); alerts mean what the in-process engine means.`,
    'groups:',
    `  - name: ${yamlString(options.groupName ?? 'faultline')}`,
  ]
  if (options.evaluationIntervalSeconds !== undefined) lines.push(`    interval: ${promDuration(options.evaluationIntervalSeconds)}`)
  lines.push('    rules:')
  // Recording rules first: rules of a group run in order at the same instant, so the alerts read this instant's counts.
  for (const windowSeconds of [...new Set(rules.map((rule) => rule.threshold.windowSeconds))].sort((a, b) => a - b)) {
    lines.push(`      - record: ${yamlString(windowSeriesName(windowSeconds, metricName))}`)
    lines.push(`        expr: ${yamlQuoted(windowExpressionOf(windowSeconds, metricName))}`)
  }
  for (const rule of rules) {
    lines.push(`      - alert: ${yamlString(alertNameOf(rule, options.alertNamePrefix))}`)
    lines.push(`        expr: ${yamlQuoted(expressionOf(rule, metricName))}`)
    if ((rule.forSeconds ?? 0) > 0) lines.push(`        for: ${promDuration(rule.forSeconds ?? 0)}`)
    lines.push('        labels:')
    lines.push(`          severity: ${yamlString(rule.severity)}`)
    lines.push(`          rule_id: ${yamlString(rule.id)}`)
    for (const [label, value] of Object.entries(options.staticLabels ?? {})) lines.push(`          ${label}: ${yamlString(value)}`)
    lines.push('        annotations:')
    lines.push(`          summary: ${yamlString(rule.summary)}`)
    lines.push(`          runbook: ${yamlString(rule.runbook)}`)
    lines.push(
      `          description: ${yamlString(
        `{{ $value }} matching errors in the last ${promDuration(rule.threshold.windowSeconds)} (threshold ${rule.threshold.count}).`,
      )}`,
    )
  }
  return `${lines.join('\n')}\n`
}

/**
 * Compiles rules into a Prometheus rules file (YAML), or says why some rule cannot mean in Prometheus
 * what it means in process: a match on a value the label policy writes as `other`, a match on an inexact
 * status, a group by `vendorCode`.
 *
 * @example
 * const compiled = compilePrometheusRules(defaultRules)
 * if (E.isRight(compiled)) writeFileSync('faultline.rules.yml', compiled.right)
 */
export function compilePrometheusRules(
  rules: ReadonlyArray<AlertRule>,
  options: PrometheusRulesOptions = {},
): E.Either<RuleProblems, string> {
  const loaded = loadRules(rules)
  if (E.isLeft(loaded)) return loaded
  const problems = [...optionProblems(options), ...loaded.right.flatMap((rule, index) => problemsOf(rule, index, options))]
  return problems.length > 0 ? E.left(problems) : E.right(render(loaded.right, options))
}

/**
 * {@link compilePrometheusRules}, throwing an `AlertRuleError` that lists every problem.
 *
 * @example
 * writeFileSync('faultline.rules.yml', toPrometheusRules(defaultRules, { evaluationIntervalSeconds: 15 }))
 * // then: promtool check rules faultline.rules.yml
 */
export function toPrometheusRules(rules: ReadonlyArray<AlertRule>, options: PrometheusRulesOptions = {}): string {
  const compiled = compilePrometheusRules(rules, options)
  if (E.isLeft(compiled)) throw new AlertRuleError(compiled.left)
  return compiled.right
}
