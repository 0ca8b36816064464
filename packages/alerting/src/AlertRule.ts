import * as t from 'io-ts'
import { isKind, kinds, type Kind } from '@faultline/core'
import { isSnakeCase } from '@faultline/core/internal'
import { NonBlankString, NonNegativeInteger, oneOrMany, PositiveInteger, refined, struct, uniqueList } from './codecs'

/** One value, or a list of values any of which matches. */
export type OneOrMany<A> = A | ReadonlyArray<A>

/** The error fields an alert can group by. `vendorCode` exists in process only (see docs/alerting.md). */
export type GroupByField = 'vendor' | 'kind' | 'reason' | 'vendorCode' | 'status'

/** Who hears of an alert: `page` wakes someone, `ticket` waits for working hours, `info` is for dashboards. */
export type Severity = 'page' | 'ticket' | 'info'

/** Which errors a rule counts: every field given must hold; a list means "any of". */
export interface AlertMatch {
  readonly kind?: OneOrMany<Kind>
  readonly vendor?: OneOrMany<string>
  readonly reason?: OneOrMany<string>
  readonly recognized?: boolean
  readonly retryable?: boolean
  readonly status?: OneOrMany<number>
  /** Errors that satisfy this match are left out, whatever the fields above say. */
  readonly not?: AlertMatch
}

/** How many matching errors, in how long a sliding window, make the condition true (per group). */
export interface Threshold {
  /** The condition holds when at least this many matching errors are in the window. */
  readonly count: number
  /** The window's length: an error stamped `t` counts at every instant of `[t, t + windowSeconds)`. */
  readonly windowSeconds: number
}

/**
 * What share of a vendor's requests, in how long a sliding window, make the condition true (per group).
 * The requests are those of the group's vendor (of the vendors the rule matches, when it does not group by
 * vendor), counted by `observeOutcome` and `recordOutcome`.
 */
export interface Ratio {
  /** The condition holds when matching errors / requests in the window is at least this (0 < min <= 1). */
  readonly min: number
  /** The window's length, in seconds. */
  readonly windowSeconds: number
  /** ...and the window holds at least this many requests (a few failures of a quiet vendor are no alert). */
  readonly minRequests: number
}

/**
 * A service level objective on the matching errors (the "bad events") of each group: alerts on the rate the
 * error budget burns, over two windows at once (Google SRE workbook, ch. 5, multiwindow multi-burn-rate).
 */
export interface Slo {
  /** The share of requests that must not fail, e.g. 0.999 (0 < objective < 1). */
  readonly objective: number
  /** The period the budget is spent over, in days. Default 30; the window pairs scale with it. */
  readonly periodDays?: number
}

/** What every rule has, whatever its condition. */
interface AlertRuleFields {
  /** kebab-case, unique within a rule set. */
  readonly id: string
  /** One sentence for the person who is paged. */
  readonly summary: string
  /** One sentence: what to check or do first. */
  readonly runbook?: string
  readonly match: AlertMatch
  /** The labels that split the errors into groups; each group has its own window and alert. */
  readonly groupBy: ReadonlyArray<GroupByField>
  /** The condition must hold this long before the alert fires (Prometheus `for`); 0 when absent. */
  readonly forSeconds?: number
  /** A firing alert goes on firing this long after its condition stops holding (Prometheus `keep_firing_for`); 0 when absent. */
  readonly keepFiringForSeconds?: number
  /** Labels the alert carries besides its group's (`team`, `service`), for routing. */
  readonly labels?: Readonly<Record<string, string>>
}

/** A rule that counts matching errors. */
export interface ThresholdRule extends AlertRuleFields {
  readonly threshold: Threshold
  readonly severity: Severity
}

/** A rule on the share of requests that fail. */
export interface RatioRule extends AlertRuleFields {
  readonly ratio: Ratio
  readonly severity: Severity
}

/**
 * A rule on an objective's burn rate. It has no severity of its own: each of its four window pairs is an
 * alert of its own, whose severity is the pair's (see `sloWindowsOf`).
 */
export interface SloRule extends AlertRuleFields {
  readonly slo: Slo
}

/**
 * One alerting rule, as data: the same rule drives the in-process engine and compiles to Prometheus
 * alerting rules with the same meaning. Exactly one of `threshold`, `ratio` and `slo` says when it fires.
 */
export type AlertRule = ThresholdRule | RatioRule | SloRule

/** Whether a rule counts errors. */
export const isThresholdRule = (rule: AlertRule): rule is ThresholdRule => 'threshold' in rule
/** Whether a rule is on the share of requests that fail. */
export const isRatioRule = (rule: AlertRule): rule is RatioRule => 'ratio' in rule
/** Whether a rule is on an objective's burn rate. */
export const isSloRule = (rule: AlertRule): rule is SloRule => 'slo' in rule

/** The group-by fields, in the order of the issue. */
export const groupByFields: ReadonlyArray<GroupByField> = ['vendor', 'kind', 'reason', 'vendorCode', 'status']

/** The severities, most urgent first. */
export const severities: ReadonlyArray<Severity> = ['page', 'ticket', 'info']

const kebabCase = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

const RuleId = /*#__PURE__*/ refined('a kebab-case id', (u): u is string => typeof u === 'string' && kebabCase.test(u))
const KindCodec = /*#__PURE__*/ refined(`a kind (${kinds.join(', ')})`, isKind)
const ReasonCodec = /*#__PURE__*/ refined('a snake_case reason', (u): u is string => typeof u === 'string' && isSnakeCase(u))
const HttpStatusCodec = /*#__PURE__*/ refined(
  'an HTTP status (an integer from 100 to 599)',
  (u): u is number => typeof u === 'number' && Number.isInteger(u) && u >= 100 && u <= 599,
)
const SeverityCodec = /*#__PURE__*/ refined('"page", "ticket" or "info"', (u): u is Severity => severities.includes(u as Severity))
const GroupByFieldCodec = /*#__PURE__*/ refined(
  `a group-by field (${groupByFields.join(', ')})`,
  (u): u is GroupByField => groupByFields.includes(u as GroupByField),
)

const matchFields = {
  kind: oneOrMany(KindCodec, 'a kind or a non-empty list of kinds'),
  vendor: oneOrMany(NonBlankString, 'a vendor id or a non-empty list of vendor ids'),
  reason: oneOrMany(ReasonCodec, 'a snake_case reason or a non-empty list of them'),
  recognized: t.boolean,
  retryable: t.boolean,
  status: oneOrMany(HttpStatusCodec, 'an HTTP status or a non-empty list of them'),
}

/** The io-ts codec of an {@link AlertMatch} (its `not` is a match too). Unknown fields are errors. */
export const AlertMatchCodec: t.Type<AlertMatch, AlertMatch, unknown> = /*#__PURE__*/ t.recursion('a match object', (self) =>
  struct('a match object', {}, { ...matchFields, not: self }),
)

/** The io-ts codec of a {@link Threshold}. */
export const ThresholdCodec: t.Type<Threshold, Threshold, unknown> = /*#__PURE__*/ struct('a threshold object', {
  count: PositiveInteger,
  windowSeconds: PositiveInteger,
})

/** A share: a number greater than 0 and at most 1. */
const Share = /*#__PURE__*/ refined(
  'a number greater than 0 and at most 1',
  (u): u is number => typeof u === 'number' && Number.isFinite(u) && u > 0 && u <= 1,
)

/** An objective: a number strictly between 0 and 1. */
const Objective = /*#__PURE__*/ refined(
  'a number greater than 0 and less than 1 (0.999 is 99.9%)',
  (u): u is number => typeof u === 'number' && Number.isFinite(u) && u > 0 && u < 1,
)

/** The io-ts codec of a {@link Ratio}. */
export const RatioCodec: t.Type<Ratio, Ratio, unknown> = /*#__PURE__*/ struct('a ratio object', {
  min: Share,
  windowSeconds: PositiveInteger,
  minRequests: PositiveInteger,
})

/** The io-ts codec of an {@link Slo}. */
export const SloCodec: t.Type<Slo, Slo, unknown> = /*#__PURE__*/ struct('an slo object', { objective: Objective }, { periodDays: PositiveInteger })

/**
 * The labels an alert carries of its own, which a rule's `labels` may not set: Prometheus' and Alertmanager's
 * (`alertname`), faultline's (`severity`, `rule_id`, `slo_window`) and the metric labels a group is made of.
 */
export const reservedLabelNames: ReadonlyArray<string> = [
  'alertname',
  'severity',
  'rule_id',
  'slo_window',
  'vendor',
  'kind',
  'reason',
  'status',
  'recognized',
  'retryable',
]

/** A Prometheus (and Alertmanager) label name: letters, digits and `_`, not starting with a digit. */
export const labelNamePattern = /^[a-zA-Z_][a-zA-Z0-9_]*$/

/** Whether `name` is a label name (see {@link labelNamePattern}). */
export const isLabelName = (name: string): boolean => labelNamePattern.test(name)

/** Whether `name` is a label name a rule (or an option) may add to its alerts. */
export const isFreeLabelName = (name: string): boolean =>
  isLabelName(name) && !name.startsWith('__') && !reservedLabelNames.includes(name)

const LabelsCodec = /*#__PURE__*/ new t.Type<Readonly<Record<string, string>>, Readonly<Record<string, string>>, unknown>(
  'a map of label names to values',
  (u): u is Readonly<Record<string, string>> =>
    typeof u === 'object' && u !== null && !Array.isArray(u) && Object.entries(u).every(([k, v]) => isFreeLabelName(k) && typeof v === 'string' && v !== ''),
  (u, c) => {
    if (typeof u !== 'object' || u === null || Array.isArray(u)) return t.failure(u, c, 'expected a map of label names to values')
    const errors: t.Errors = []
    for (const [key, value] of Object.entries(u as Record<string, unknown>)) {
      const context = t.appendContext(c, key, t.string, value)
      if (!isFreeLabelName(key)) {
        errors.push({ value, context, message: `not a label name a rule may set (letters, digits and _, not starting with __, none of ${reservedLabelNames.join(', ')})` })
      } else if (typeof value !== 'string' || value === '') errors.push({ value, context, message: 'expected a non-empty string' })
    }
    return errors.length > 0 ? t.failures(errors) : t.success(u as Readonly<Record<string, string>>)
  },
  t.identity,
)

const commonRequired = {
  id: RuleId,
  summary: NonBlankString,
  match: AlertMatchCodec,
  groupBy: uniqueList(GroupByFieldCodec, 'a list of group-by fields'),
}

const commonOptional = {
  runbook: NonBlankString,
  forSeconds: NonNegativeInteger,
  keepFiringForSeconds: NonNegativeInteger,
  labels: LabelsCodec,
}

const ThresholdRuleCodec = /*#__PURE__*/ struct(
  'an alert rule object',
  { ...commonRequired, threshold: ThresholdCodec, severity: SeverityCodec },
  commonOptional,
)
const RatioRuleCodec = /*#__PURE__*/ struct('an alert rule object', { ...commonRequired, ratio: RatioCodec, severity: SeverityCodec }, commonOptional)
const SloRuleCodec = /*#__PURE__*/ struct('an alert rule object', { ...commonRequired, slo: SloCodec }, commonOptional)
// A rule that gives no condition: its other fields are still checked, so every problem is reported at once.
const ConditionlessRuleCodec = /*#__PURE__*/ struct('an alert rule object', commonRequired, {
  ...commonOptional,
  severity: SeverityCodec,
  threshold: ThresholdCodec,
  ratio: RatioCodec,
  slo: SloCodec,
})

const conditions = ['threshold', 'ratio', 'slo'] as const

/**
 * The io-ts codec of one {@link AlertRule}: exactly one of `threshold`, `ratio` and `slo`; shape, kebab-case
 * id, positive integer counts and windows, shares in (0, 1], known kinds, snake_case reasons, HTTP statuses,
 * label names a rule may set, and no unknown fields (an `slo` rule has no `severity`: its window pairs give
 * it). Unique ids are a property of a rule set: see `loadRules`.
 *
 * Law: `AlertRuleCodec.decode(AlertRuleCodec.encode(rule))` is `right(rule)` for every valid rule.
 */
export const AlertRuleCodec: t.Type<AlertRule, AlertRule, unknown> = /*#__PURE__*/ new t.Type<AlertRule, AlertRule, unknown>(
  'an alert rule object',
  (u): u is AlertRule => ThresholdRuleCodec.is(u) || RatioRuleCodec.is(u) || SloRuleCodec.is(u),
  (u, c) => {
    if (typeof u !== 'object' || u === null || Array.isArray(u)) return ThresholdRuleCodec.validate(u, c)
    const given = conditions.filter((key) => Object.prototype.hasOwnProperty.call(u, key))
    if (given.length > 1) return t.failure(u, c, `expected exactly one of threshold, ratio, slo, got ${given.join(' and ')}`)
    if (given.length === 0) {
      const others = ConditionlessRuleCodec.validate(u, c)
      const missing: t.ValidationError = { value: u, context: c, message: 'missing its condition; expected exactly one of threshold, ratio, slo' }
      return t.failures([missing, ...(others._tag === 'Left' ? others.left : [])])
    }
    if (given[0] === 'slo' && Object.prototype.hasOwnProperty.call(u, 'severity')) {
      const value = (u as Record<string, unknown>).severity
      return t.failure(value, t.appendContext(c, 'severity', t.never, value), 'an slo rule has no severity: each of its window pairs gives its own (page or ticket)')
    }
    const codec = given[0] === 'threshold' ? ThresholdRuleCodec : given[0] === 'ratio' ? RatioRuleCodec : SloRuleCodec
    return codec.validate(u, c) as t.Validation<AlertRule>
  },
  t.identity,
)

/** A rule file: `{ rules: [...] }`, as loaded from JSON or YAML. */
export interface AlertRuleFile {
  readonly rules: ReadonlyArray<AlertRule>
}

/** The io-ts codec of an {@link AlertRuleFile}. */
export const AlertRuleFileCodec: t.Type<AlertRuleFile, AlertRuleFile, unknown> = /*#__PURE__*/ struct('a rule file object', {
  rules: t.readonlyArray(AlertRuleCodec, 'a list of alert rules'),
})

/** The values of a match field as a list (`undefined` when the field is absent: anything matches). */
export const valuesOf = <A>(value: OneOrMany<A> | undefined): ReadonlyArray<A> | undefined =>
  value === undefined ? undefined : Array.isArray(value) ? (value as ReadonlyArray<A>) : [value as A]
