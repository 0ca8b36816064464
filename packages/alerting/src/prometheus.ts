import { either as E } from 'fp-ts'
import { isFreeLabelName, isThresholdRule, valuesOf, type AlertMatch, type AlertRule, type SloRule } from './AlertRule'
import { createLabeler, exactStatuses, type LabelPolicy } from './labels'
import { loadRules, AlertRuleError, type RuleProblems } from './loadRules'
import { defaultEvaluationIntervalSeconds } from './engine'
import { intervalProblemsOf } from './gridRules'
import { defaultMetricName, defaultRequestsMetricName } from './metrics'
import {
  alertNameOf,
  expressionOf,
  metricNamePattern,
  percent,
  promDuration,
  recordingRulesOf,
  sloExpressionsOf,
  type PromQLOptions,
} from './promql'
import { freeLabelNameRule, selectorProblems } from './selector'
import { defaultSloPeriodDays } from './slo'
import { yamlQuoted, yamlString } from './yaml'

export {
  alertNameOf,
  errorRatioExpressionOf,
  errorsExpressionOf,
  expressionOf,
  matchersOf,
  promDuration,
  recordingRulesOf,
  requestsExpressionOf,
  sloExpressionsOf,
  sloRatioSeriesName,
  windowExpressionOf,
  windowSeriesName,
} from './promql'
export type { PromQLOptions, RecordingRule, SloExpression } from './promql'

/** Options of {@link toPrometheusRules}. */
export interface PrometheusRulesOptions extends PromQLOptions {
  /** The label policy given to `createMetrics`: a rule may only match values it keeps verbatim. */
  readonly labels?: LabelPolicy
  /** The rule group's name. Default `faultline`. */
  readonly groupName?: string
  /**
   * The rule group's evaluation `interval`, in seconds: give the engine's (`createAlertEngine`'s
   * `evaluationIntervalSeconds`) and scrape at the same interval. Ratio and SLO windows must be multiples of it
   * (they are evaluated every interval, over whole intervals). Absent, a rule set with ratio or SLO rules gets
   * the engine's default (`defaultEvaluationIntervalSeconds`, 15 s); one of threshold rules only, no
   * `interval` (Prometheus' global one applies).
   */
  readonly evaluationIntervalSeconds?: number
  /** Prefix of every alert name (alert names must be metric-like: `FaultlineCredentialsFailing`). Default `Faultline`. */
  readonly alertNamePrefix?: string
  /** Labels added to every alert (`team`, `service`), for Alertmanager routing; a rule's own `labels` win. */
  readonly staticLabels?: Readonly<Record<string, string>>
}

/** Why a match (or its `not`, at any depth) cannot select in Prometheus exactly the errors it selects in process. */
function matchProblems(match: AlertMatch, at: string, options: PrometheusRulesOptions): Array<string> {
  const labeler = createLabeler(options.labels)
  const problems: Array<string> = []
  for (const vendor of valuesOf(match.vendor) ?? []) {
    if (!labeler.keepsVendor(vendor)) {
      problems.push(`${at}.vendor: ${JSON.stringify(vendor)} is not in the label policy's vendors, so its errors are counted as vendor="other"; add it to labels.vendors`)
    }
  }
  for (const reason of valuesOf(match.reason) ?? []) {
    if (!labeler.keepsReason(reason)) {
      problems.push(`${at}.reason: ${JSON.stringify(reason)} is not in the §3 vocabulary nor in labels.reasons, so its errors are counted as reason="other"; add it to labels.reasons`)
    }
  }
  for (const status of valuesOf(match.status) ?? []) {
    if (!exactStatuses.includes(status)) {
      problems.push(`${at}.status: ${status} is counted by class (status="${labeler.status(status)}"), not exactly; match one of ${exactStatuses.join(', ')}`)
    }
  }
  return match.not === undefined ? problems : [...problems, ...matchProblems(match.not, `${at}.not`, options)]
}

/** Why a rule cannot be expressed in Prometheus with the same meaning (empty when it can). */
function problemsOf(rule: AlertRule, index: number, options: PrometheusRulesOptions): RuleProblems {
  const at = `rules[${index}]`
  const problems: Array<string> = []
  if (rule.groupBy.includes('vendorCode')) {
    problems.push(`${at}.groupBy: vendorCode is not a metric label (its values are unbounded), so Prometheus cannot group by it; group by reason instead, or keep this rule in process only`)
  }
  problems.push(...matchProblems(rule.match, `${at}.match`, options))
  const interval = options.evaluationIntervalSeconds ?? defaultEvaluationIntervalSeconds
  if (Number.isSafeInteger(interval) && interval > 0 && !isThresholdRule(rule)) {
    problems.push(...intervalProblemsOf(rule, interval).map((problem) => `${at}.${problem}`))
  }
  for (const label of Object.keys(rule.labels ?? {})) {
    if (Object.prototype.hasOwnProperty.call(options.selector ?? {}, label)) {
      problems.push(`${at}.labels.${label}: also a selector label, which every alert carries with the selector's value; remove one of them`)
    }
  }
  const name = alertNameOf(rule, options.alertNamePrefix)
  if (!metricNamePattern.test(name)) problems.push(`${at}.id: the alert name ${JSON.stringify(name)} is not a valid Prometheus alert name; set alertNamePrefix`)
  return problems
}

function optionProblems(options: PrometheusRulesOptions): RuleProblems {
  const problems: Array<string> = []
  const metricName = options.metricName ?? defaultMetricName
  const requestsMetricName = options.requestsMetricName ?? defaultRequestsMetricName
  if (!metricNamePattern.test(metricName)) problems.push(`metricName: ${JSON.stringify(metricName)} is not a valid metric name`)
  if (!metricNamePattern.test(requestsMetricName)) problems.push(`requestsMetricName: ${JSON.stringify(requestsMetricName)} is not a valid metric name`)
  else if (requestsMetricName === metricName) problems.push(`requestsMetricName: the request counter cannot be the error counter (${JSON.stringify(metricName)})`)
  const interval = options.evaluationIntervalSeconds
  if (interval !== undefined && !(Number.isSafeInteger(interval) && interval > 0)) {
    problems.push(`evaluationIntervalSeconds: expected a positive integer, got ${String(interval)}`)
  }
  problems.push(...selectorProblems(options.selector))
  for (const label of Object.keys(options.staticLabels ?? {})) {
    if (!isFreeLabelName(label)) {
      problems.push(`staticLabels.${label}: not a label name an alert can carry besides its own (${freeLabelNameRule})`)
    } else if (Object.prototype.hasOwnProperty.call(options.selector ?? {}, label)) {
      problems.push(`staticLabels.${label}: also a selector label, which every alert carries with the selector's value; remove one of them`)
    }
  }
  return problems
}

const periodOf = (rule: SloRule) => rule.slo.periodDays ?? defaultSloPeriodDays

/** One alerting rule as it is written: its labels, its description and its PromQL. */
interface AlertEntry {
  readonly rule: AlertRule
  readonly expr: string
  readonly labels: Readonly<Record<string, string>>
  readonly description: string
}

function alertEntriesOf(rule: AlertRule, options: PrometheusRulesOptions): ReadonlyArray<AlertEntry> {
  const extra = { ...options.selector, ...options.staticLabels, ...rule.labels }
  if ('threshold' in rule) {
    const { count, windowSeconds } = rule.threshold
    return [
      {
        rule,
        expr: expressionOf(rule, options),
        labels: { severity: rule.severity, rule_id: rule.id, ...extra },
        description: `{{ $value }} matching errors in the last ${promDuration(windowSeconds)} (threshold ${count}).`,
      },
    ]
  }
  if ('ratio' in rule) {
    const { min, windowSeconds, minRequests } = rule.ratio
    return [
      {
        rule,
        expr: expressionOf(rule, options),
        labels: { severity: rule.severity, rule_id: rule.id, ...extra },
        description: `{{ $value | humanizePercentage }} of requests failed in the last ${promDuration(windowSeconds)} (threshold ${percent(min)}, at least ${minRequests} requests).`,
      },
    ]
  }
  return sloExpressionsOf(rule, options).map(({ window, threshold, expr }) => ({
    rule,
    expr,
    labels: { severity: window.severity, rule_id: rule.id, slo_window: window.name, ...extra },
    description:
      `Error ratio {{ $value | humanizePercentage }} over the last ${promDuration(window.longSeconds)}, and at least ${percent(threshold)} over ${promDuration(window.shortSeconds)} too: ` +
      `the ${periodOf(rule)}-day error budget of the ${percent(rule.slo.objective)} objective burns at ${window.factor}x the sustainable rate or more.`,
  }))
}

function render(rules: ReadonlyArray<AlertRule>, options: PrometheusRulesOptions): string {
  const metricName = options.metricName ?? defaultMetricName
  const counts = rules.some((rule) => !('threshold' in rule))
    ? `${metricName} and ${options.requestsMetricName ?? defaultRequestsMetricName}`
    : metricName
  const lines = [
    `# Generated by @faultline/alerting from ${rules.length} rule(s); regenerate instead of editing.`,
    `# Counts come from ${counts} (createMetrics); alerts mean what the in-process engine means.`,
    'groups:',
    `  - name: ${yamlString(options.groupName ?? 'faultline')}`,
  ]
  const interval = options.evaluationIntervalSeconds ?? (rules.every((rule) => 'threshold' in rule) ? undefined : defaultEvaluationIntervalSeconds)
  if (interval !== undefined) lines.push(`    interval: ${promDuration(interval)}`)
  lines.push('    rules:')
  // Recording rules first: rules of a group run in order at the same instant, so the alerts read this instant's counts.
  for (const recording of recordingRulesOf(rules, options)) {
    lines.push(`      - record: ${yamlString(recording.record)}`)
    lines.push(`        expr: ${yamlQuoted(recording.expr)}`)
    if (recording.labels !== undefined) {
      lines.push('        labels:')
      for (const [label, value] of Object.entries(recording.labels)) lines.push(`          ${label}: ${yamlString(value)}`)
    }
  }
  for (const { rule, expr, labels, description } of rules.flatMap((rule) => alertEntriesOf(rule, options))) {
    lines.push(`      - alert: ${yamlString(alertNameOf(rule, options.alertNamePrefix))}`)
    lines.push(`        expr: ${yamlQuoted(expr)}`)
    if ((rule.forSeconds ?? 0) > 0) lines.push(`        for: ${promDuration(rule.forSeconds ?? 0)}`)
    if ((rule.keepFiringForSeconds ?? 0) > 0) lines.push(`        keep_firing_for: ${promDuration(rule.keepFiringForSeconds ?? 0)}`)
    lines.push('        labels:')
    for (const [label, value] of Object.entries(labels)) lines.push(`          ${label}: ${yamlString(value)}`)
    lines.push('        annotations:')
    lines.push(`          summary: ${yamlString(rule.summary)}`)
    if (rule.runbook !== undefined) lines.push(`          runbook: ${yamlString(rule.runbook)}`)
    lines.push(`          description: ${yamlString(description)}`)
  }
  return `${lines.join('\n')}\n`
}

/**
 * Compiles rules into a Prometheus rules file (YAML), or says why some rule cannot mean in Prometheus
 * what it means in process: a match on a value the label policy writes as `other`, a match on an inexact
 * status, a group by `vendorCode`, a ratio or SLO window that is not a multiple of the evaluation interval.
 *
 * One group: the recording rules (error and request window series, SLO error ratios), then per threshold or
 * ratio rule one alerting rule, per SLO rule four (one per window pair, label `slo_window`).
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
