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
}

/** How many matching errors, in how long a sliding window, make the condition true (per group). */
export interface Threshold {
  /** The condition holds when at least this many matching errors are in the window. */
  readonly count: number
  /** The window's length: an error stamped `t` counts at every instant of `[t, t + windowSeconds)`. */
  readonly windowSeconds: number
}

/**
 * One alerting rule, as data: the same rule drives the in-process engine and compiles to a Prometheus
 * alerting rule with the same meaning.
 */
export interface AlertRule {
  /** kebab-case, unique within a rule set. */
  readonly id: string
  /** One sentence for the person who is paged. */
  readonly summary: string
  /** One sentence: what to check or do first. */
  readonly runbook: string
  readonly match: AlertMatch
  /** The labels that split the errors into groups; each group has its own window and alert. */
  readonly groupBy: ReadonlyArray<GroupByField>
  readonly threshold: Threshold
  /** The condition must hold this long before the alert fires (Prometheus `for`); 0 when absent. */
  readonly forSeconds?: number
  readonly severity: Severity
}

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

/** The io-ts codec of an {@link AlertMatch}. Unknown fields are errors. */
export const AlertMatchCodec: t.Type<AlertMatch, AlertMatch, unknown> = /*#__PURE__*/ struct(
  'a match object',
  {},
  {
    kind: oneOrMany(KindCodec, 'a kind or a non-empty list of kinds'),
    vendor: oneOrMany(NonBlankString, 'a vendor id or a non-empty list of vendor ids'),
    reason: oneOrMany(ReasonCodec, 'a snake_case reason or a non-empty list of them'),
    recognized: t.boolean,
    retryable: t.boolean,
    status: oneOrMany(HttpStatusCodec, 'an HTTP status or a non-empty list of them'),
  },
)

/** The io-ts codec of a {@link Threshold}. */
export const ThresholdCodec: t.Type<Threshold, Threshold, unknown> = /*#__PURE__*/ struct('a threshold object', {
  count: PositiveInteger,
  windowSeconds: PositiveInteger,
})

/**
 * The io-ts codec of one {@link AlertRule}: shape, kebab-case id, positive integer counts and windows,
 * known kinds, snake_case reasons, HTTP statuses, and no unknown fields. (Unique ids are a property of a
 * rule set: see `loadRules`.)
 *
 * Law: `AlertRuleCodec.decode(AlertRuleCodec.encode(rule))` is `right(rule)` for every valid rule.
 */
export const AlertRuleCodec: t.Type<AlertRule, AlertRule, unknown> = /*#__PURE__*/ struct(
  'an alert rule object',
  {
    id: RuleId,
    summary: NonBlankString,
    runbook: NonBlankString,
    match: AlertMatchCodec,
    groupBy: uniqueList(GroupByFieldCodec, 'a list of group-by fields'),
    threshold: ThresholdCodec,
    severity: SeverityCodec,
  },
  { forSeconds: NonNegativeInteger },
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
