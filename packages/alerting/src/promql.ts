import { valuesOf, type AlertMatch, type AlertRule, type OneOrMany, type RatioRule, type SloRule, type ThresholdRule } from './AlertRule'
import { defaultMetricName, defaultRequestsMetricName } from './metrics'
import { sloThresholdOf, sloWindowsOf, type SloWindow } from './slo'

export { defaultRequestsMetricName }

/** Where the PromQL builders read their series from. Give them what `createMetrics` and the rules file use. */
export interface PromQLOptions {
  /** The error counter's name, as given to `createMetrics`. Default `faultline_errors_total`. */
  readonly metricName?: string
  /** The request counter's name. Default `faultline_requests_total`. */
  readonly requestsMetricName?: string
  /**
   * Label matchers added to every series selector of every expression, recording and alerting (`{ env: 'prod' }`
   * reads only the series whose `env` label is `prod`). The compiled alerts carry these labels too.
   */
  readonly selector?: Readonly<Record<string, string>>
}

/** The Prometheus alert name of a rule: the prefix, then the id in PascalCase. */
export const alertNameOf = (rule: Pick<AlertRule, 'id'>, prefix = 'Faultline'): string =>
  prefix + rule.id.split('-').map((part) => part.charAt(0).toUpperCase() + part.slice(1)).join('')

/**
 * A duration in Prometheus (and Alertmanager) syntax, in the largest unit that divides it: `1h`, `5m`, `90s`;
 * zero is `0s`.
 */
export const promDuration = (seconds: number): string =>
  seconds > 0 && seconds % 3600 === 0 ? `${seconds / 3600}h` : seconds > 0 && seconds % 60 === 0 ? `${seconds / 60}m` : `${seconds}s`

/** A metric (or alert) name: letters, digits, `_` and `:`, not starting with a digit. */
export const metricNamePattern = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/

/** `value` as a regex matching itself only, for `=~` matchers (PromQL's and Alertmanager's, both RE2). */
export const escapeRegex = (value: string): string => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

const matcher = (label: string, value: OneOrMany<string | number | boolean> | undefined): ReadonlyArray<string> => {
  const values = valuesOf(value)?.map(String)
  if (values === undefined) return []
  const [only] = values
  return values.length === 1 && only !== undefined
    ? [`${label}=${JSON.stringify(only)}`]
    : [`${label}=~${JSON.stringify(values.map(escapeRegex).join('|'))}`]
}

/** The matchers of a match's own fields (not its `not`), as a list. */
const fieldMatchers = (match: AlertMatch): ReadonlyArray<string> => [
  ...matcher('vendor', match.vendor),
  ...matcher('kind', match.kind),
  ...matcher('reason', match.reason),
  ...matcher('status', match.status),
  ...matcher('recognized', match.recognized),
  ...matcher('retryable', match.retryable),
]

/** The matchers of a `selector` option: `env="prod"`. */
export const selectorMatchers = (selector: Readonly<Record<string, string>> | undefined): ReadonlyArray<string> =>
  Object.entries(selector ?? {}).map(([label, value]) => `${label}=${JSON.stringify(value)}`)

/** A series selector: `name`, or `name{a="b",...}` with the given matchers (empty ones left out). */
export const selectorOf = (name: string, matchers: ReadonlyArray<string>): string => {
  const present = matchers.filter((matcher) => matcher !== '')
  return present.length === 0 ? name : `${name}{${present.join(',')}}`
}

/**
 * The matchers of a rule's `match` (its own fields; its `not` is written with `unless`, see
 * {@link errorsExpressionOf}), as PromQL: `kind="signature",vendor=~"medblocks|scribe"`.
 */
export function matchersOf(rule: Pick<AlertRule, 'match'>): string {
  return fieldMatchers(rule.match).join(',')
}

/** The recorded series holding, per counter series, the events (errors or requests) of the last `windowSeconds`. */
export const windowSeriesName = (windowSeconds: number, metricName = defaultMetricName): string =>
  `${metricName.replace(/_total$/, '')}:window_${promDuration(windowSeconds)}`

/**
 * The PromQL of a window series: per counter series, the events in the last `windowSeconds`. That is the
 * counter's value now minus its value one window ago, or the whole value for a series younger than the
 * window (and for one that restarted since): exact counts of the scrapes inside the window, with none of
 * `increase()`'s extrapolation, and a new series' first events count (docs/decisions/007-alerting-prometheus-equivalence.md).
 * `selector` restricts the counter's series (`{ env: 'prod' }`).
 */
export function windowExpressionOf(windowSeconds: number, metricName = defaultMetricName, selector?: Readonly<Record<string, string>>): string {
  const window = promDuration(windowSeconds)
  const counter = selectorOf(metricName, selectorMatchers(selector))
  return `${counter} - ((${counter} offset ${window} <= ${counter}) or ${counter} * 0)`
}

const optionsOf = (options: PromQLOptions | string | undefined): PromQLOptions =>
  typeof options === 'string' ? { metricName: options } : (options ?? {})

/**
 * The matching errors of the window, per series (not summed): the window series selected by the match's
 * fields, `unless` the ones its `not` selects (a conjunction of matchers cannot be negated with matchers;
 * `unless` matches on every label, and both sides are the same series).
 */
function matchingSeries(match: AlertMatch, windowSeconds: number, options: PromQLOptions): string {
  const series = selectorOf(windowSeriesName(windowSeconds, options.metricName ?? defaultMetricName), [
    ...selectorMatchers(options.selector),
    ...fieldMatchers(match),
  ])
  return match.not === undefined ? series : `${series} unless ${parenthesized(matchingSeries(match.not, windowSeconds, options))}`
}

/** `expression`, in parentheses unless it is one term. */
export const parenthesized = (expression: string): string => (expression.includes(' ') ? `(${expression})` : expression)

/** `sum`, or `sum by (a, b)`. */
export const sumBy = (labels: ReadonlyArray<string>): string => (labels.length === 0 ? 'sum' : `sum by (${labels.join(', ')})`)

/** A share as a percentage people read: `0.995` is `99.5%`, `0.0144` is `1.44%`. */
export const percent = (share: number): string => `${Number((share * 100).toPrecision(12))}%`

/**
 * The PromQL of a rule's matching errors in the last `windowSeconds`, per group:
 * `sum by (vendor) (faultline_errors:window_5m{kind="timeout"} unless faultline_errors:window_5m{vendor="scribe"})`.
 * Reads the window series the rules file records (see {@link recordingRulesOf}).
 */
export function errorsExpressionOf(rule: Pick<AlertRule, 'match' | 'groupBy'>, windowSeconds: number, options: PromQLOptions = {}): string {
  return `${sumBy(rule.groupBy)} (${matchingSeries(rule.match, windowSeconds, options)})`
}

/**
 * The PromQL of the requests a rule's ratio divides by, in the last `windowSeconds`: per vendor when the rule
 * groups by vendor (`sum by (vendor) (...)`), else the sum over the vendors its `match.vendor` allows (all when
 * it names none).
 */
export function requestsExpressionOf(rule: Pick<AlertRule, 'match' | 'groupBy'>, windowSeconds: number, options: PromQLOptions = {}): string {
  const series = selectorOf(windowSeriesName(windowSeconds, options.requestsMetricName ?? defaultRequestsMetricName), [
    ...selectorMatchers(options.selector),
    ...matcher('vendor', rule.match.vendor),
  ])
  return `${sumBy(rule.groupBy.includes('vendor') ? ['vendor'] : [])} (${series})`
}

/**
 * The PromQL of a rule's error ratio in the last `windowSeconds`, per group: matching errors / requests, over
 * the groups whose requests number at least `minRequests` (default 1: no ratio without requests). The
 * requests are joined on the group's vendor (`on(vendor) group_left` when the rule groups by more labels) or,
 * without vendor, are one total (`on() group_left`).
 */
export function errorRatioExpressionOf(
  rule: Pick<AlertRule, 'match' | 'groupBy'>,
  windowSeconds: number,
  options: PromQLOptions = {},
  minRequests = 1,
): string {
  const byVendor = rule.groupBy.includes('vendor')
  const join = rule.groupBy.length === (byVendor ? 1 : 0) ? '' : byVendor ? ' on(vendor) group_left()' : ' on() group_left()'
  return `${errorsExpressionOf(rule, windowSeconds, options)} /${join} (${requestsExpressionOf(rule, windowSeconds, options)} >= ${minRequests})`
}

/** The recorded series of an SLO rule's error ratio over one window (label `rule_id` says whose). */
export const sloRatioSeriesName = (windowSeconds: number): string => `faultline:slo_error_ratio_${promDuration(windowSeconds)}`

/** A number as PromQL reads it back to the same double. */
const literal = (value: number): string => String(value)

/** The error ratio at which an SLO pair fires, in PromQL: `14.4 * (1 - 0.999)` (the same doubles as `sloThresholdOf`). */
const sloThresholdExpression = (slo: SloRule['slo'], window: SloWindow): string => `${literal(window.factor)} * (1 - ${literal(slo.objective)})`

/** The selector of an SLO rule's recorded ratio over one window. */
const sloRatioSelector = (rule: Pick<SloRule, 'id'>, windowSeconds: number, options: PromQLOptions): string =>
  selectorOf(sloRatioSeriesName(windowSeconds), [...selectorMatchers(options.selector), `rule_id=${JSON.stringify(rule.id)}`])

/** One alerting expression of an SLO rule: the window pair it is for, and its PromQL. */
export interface SloExpression {
  readonly window: SloWindow
  /** The error ratio both windows must reach (`sloThresholdOf`). */
  readonly threshold: number
  readonly expr: string
}

/**
 * The four alerting expressions of an SLO rule, one per window pair (`sloWindowsOf`): per group, the error
 * ratio over the long window AND over the short one reach `factor * (1 - objective)`. They read the ratio
 * series the rules file records per window (`faultline:slo_error_ratio_1h{rule_id="..."}`, see
 * {@link recordingRulesOf}); the value of a firing alert is the long window's ratio.
 */
export function sloExpressionsOf(rule: SloRule, options: PromQLOptions = {}): ReadonlyArray<SloExpression> {
  return sloWindowsOf(rule.slo).map((window) => {
    const threshold = sloThresholdExpression(rule.slo, window)
    return {
      window,
      threshold: sloThresholdOf(rule.slo, window),
      expr: `${sloRatioSelector(rule, window.longSeconds, options)} >= ${threshold} and ${sloRatioSelector(rule, window.shortSeconds, options)} >= ${threshold}`,
    }
  })
}

/**
 * The PromQL of a threshold or ratio rule's condition, per group: for a threshold, the matching errors in the
 * window reach the count (`sum by (vendor) (faultline_errors:window_5m{...}) >= 3`); for a ratio, the error
 * ratio reaches `min` with at least `minRequests` requests (`... / (sum by (vendor) (faultline_requests:window_5m) >= 20) >= 0.1`).
 * An SLO rule has four expressions: {@link sloExpressionsOf}. `options` may also be the error counter's name alone.
 */
export function expressionOf(rule: ThresholdRule | RatioRule, options?: PromQLOptions | string): string {
  const resolved = optionsOf(options)
  if ('ratio' in rule) {
    return `${errorRatioExpressionOf(rule, rule.ratio.windowSeconds, resolved, rule.ratio.minRequests)} >= ${literal(rule.ratio.min)}`
  }
  return `${errorsExpressionOf(rule, rule.threshold.windowSeconds, resolved)} >= ${rule.threshold.count}`
}

/** A Prometheus recording rule: the series it records, its PromQL, and labels it sets. */
export interface RecordingRule {
  readonly record: string
  readonly expr: string
  readonly labels?: Readonly<Record<string, string>>
}

const sorted = (values: Iterable<number>) => [...new Set(values)].sort((a, b) => a - b)

/** Every window an SLO rule reads, shortest first. */
const sloWindowSeconds = (rule: SloRule) => sorted(sloWindowsOf(rule.slo).flatMap((window) => [window.shortSeconds, window.longSeconds]))

/**
 * The recording rules the alerts of `rules` read, in the order they must run (all in the alerts' group, before
 * them): one error window series per window of any rule (`faultline_errors:window_5m`), one request window
 * series per window of a ratio or SLO rule (`faultline_requests:window_5m`), then per SLO rule its error ratio
 * per window (`faultline:slo_error_ratio_1h{rule_id="vendor-slo"}`).
 */
export function recordingRulesOf(rules: ReadonlyArray<AlertRule>, options: PromQLOptions = {}): ReadonlyArray<RecordingRule> {
  const metricName = options.metricName ?? defaultMetricName
  const requestsMetricName = options.requestsMetricName ?? defaultRequestsMetricName
  const errorWindows = sorted(
    rules.flatMap((rule) => ('threshold' in rule ? [rule.threshold.windowSeconds] : 'ratio' in rule ? [rule.ratio.windowSeconds] : sloWindowSeconds(rule))),
  )
  const requestWindows = sorted(rules.flatMap((rule) => ('ratio' in rule ? [rule.ratio.windowSeconds] : 'slo' in rule ? sloWindowSeconds(rule) : [])))
  return [
    ...errorWindows.map((w) => ({ record: windowSeriesName(w, metricName), expr: windowExpressionOf(w, metricName, options.selector) })),
    ...requestWindows.map((w) => ({ record: windowSeriesName(w, requestsMetricName), expr: windowExpressionOf(w, requestsMetricName, options.selector) })),
    ...rules.flatMap((rule) =>
      'slo' in rule
        ? sloWindowSeconds(rule).map((w) => ({
            record: sloRatioSeriesName(w),
            expr: errorRatioExpressionOf(rule, w, options),
            labels: { rule_id: rule.id, ...options.selector },
          }))
        : [],
    ),
  ]
}
