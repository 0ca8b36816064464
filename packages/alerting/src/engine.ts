import type { CanonicalError } from '@faultline/core'
import { isThresholdRule, type AlertRule, type ThresholdRule } from './AlertRule'
import { eventsOf, type Alert, type AlertEvent, type Change } from './alerts'
import { defaultRules } from './defaultRules'
import { checkGridWindows, createGridRules, type GridRule } from './gridRules'
import { checkInhibitions, markInhibited } from './inhibit'
import { defaultInhibitions, effectiveInhibitions, type Inhibition } from './inhibitions'
import { createLabeler, type LabelPolicy } from './labels'
import { loadRulesOrThrow } from './loadRules'
import { createThresholdRules } from './thresholdRules'

export { OVERFLOW_GROUP } from './alerts'
export type { Alert, AlertEvent, InhibitingAlert } from './alerts'

/** What the engine holds, for monitoring the monitor. */
export interface AlertEngineStats {
  /** Groups held, over all rules (including overflow groups). */
  readonly groups: number
  /** Error timestamps held by threshold rules, over all rules and groups. */
  readonly timestamps: number
  /** (threshold rule, error) pairs ignored because the error was older than the rule's window when it arrived. */
  readonly late: number
  /** (rule, error) pairs counted in the overflow group because the rule already held its cap of groups. */
  readonly overflowed: number
  /** Buckets the ratio and SLO rules have room for (their groups' errors and the vendors' requests): 8 bytes each. */
  readonly buckets: number
}

/** Options of {@link createAlertEngine}. */
export interface AlertEngineOptions {
  /** The label policy that bounds `vendor`, `reason` and `status` group values; give the metrics the same one. */
  readonly labels?: LabelPolicy
  /** The most groups one rule holds; errors of further groups count in {@link OVERFLOW_GROUP}. Default 10,000. */
  readonly maxGroupsPerRule?: number
  /**
   * The interval, in seconds, of the grid at whose instants ratio and SLO rules are evaluated: Prometheus'
   * scrape and evaluation interval (a positive integer; every ratio and SLO window must be a multiple of it).
   * Default {@link defaultEvaluationIntervalSeconds}.
   */
  readonly evaluationIntervalSeconds?: number
  /**
   * The inhibitions `active()` marks. Default `defaultInhibitions`; `[]` marks none of them. Each SLO rule's
   * page pairs always mute its ticket pairs of the same group, as in `toAlertmanagerConfig`.
   */
  readonly inhibitions?: ReadonlyArray<Inhibition>
}

/** An in-process alert engine: feed it outcomes and the passing of time; it says what fires and resolves. */
export interface AlertEngine {
  /** The rules it evaluates, validated. */
  readonly rules: ReadonlyArray<AlertRule>
  /** The interval of the grid ratio and SLO rules are evaluated on, in seconds. */
  readonly evaluationIntervalSeconds: number
  /**
   * Counts one failed request: `error`, stamped `at` (ms since the epoch), and one request of `error.vendor`.
   * Returns the changes up to `at`, in order. Equal to `observeOutcome(error.vendor, error, at)`.
   */
  observe(error: CanonicalError, at: number): ReadonlyArray<AlertEvent>
  /**
   * Counts one request to `vendor` (the vendor id, as `error.vendor` would name it), stamped `at`, and `error`
   * when it failed (`null` when it succeeded). Returns the changes up to `at`, in order. Ratio and SLO rules
   * divide by these requests: feed every outcome, successes included.
   */
  observeOutcome(vendor: string, error: CanonicalError | null, at: number): ReadonlyArray<AlertEvent>
  /** Lets time pass up to `at` (a watermark: every outcome stamped `at` or earlier is in); returns the changes. */
  advance(at: number): ReadonlyArray<AlertEvent>
  /** The firing alerts, in rule order, then by group (then window pair), inhibited ones marked. */
  active(): ReadonlyArray<Alert>
  /**
   * The matching errors of one rule and group: for a threshold rule, in the window ending at the engine's
   * clock; for a ratio or SLO rule, in its window (an SLO's widest) ending at the next evaluation, so far.
   */
  count(ruleId: string, group: Readonly<Record<string, string>>): number
  stats(): AlertEngineStats
}

/** The default cap on groups per rule. */
export const defaultMaxGroupsPerRule = 10_000

/**
 * The default evaluation interval, in seconds: Prometheus' own example configuration scrapes and evaluates
 * every 15 s; every SLO window (whole minutes) is a multiple of it (docs/decisions/021-alerting-ratios-and-slos.md).
 */
export const defaultEvaluationIntervalSeconds = 15

const checkInstant = (at: number, method: string): void => {
  if (typeof at !== 'number' || !Number.isFinite(at)) {
    throw new RangeError(`AlertEngine.${method}: expected a finite timestamp in ms since the epoch, got ${String(at)}`)
  }
}

const checkPositiveInteger = (value: number, option: string): void => {
  if (!Number.isSafeInteger(value) || value < 1) throw new RangeError(`createAlertEngine: ${option} must be a positive integer, got ${String(value)}`)
}

/** The index of the last grid instant at or before `at`: the largest `k` with `k * intervalMs <= at`. */
const gridIndexAtOrBefore = (at: number, intervalMs: number): number => {
  const k = Math.floor(at / intervalMs)
  // The division rounds; the products are exact.
  return k * intervalMs > at ? k - 1 : (k + 1) * intervalMs <= at ? k + 1 : k
}

/** The index of the last grid instant strictly before `at`. */
const gridIndexBefore = (at: number, intervalMs: number): number => {
  const k = gridIndexAtOrBefore(at, intervalMs)
  return k * intervalMs === at ? k - 1 : k
}

/**
 * Creates an in-process alert engine over `rules` (validated like `loadRules`; throws `AlertRuleError`, and
 * a `RangeError` for a ratio or SLO window that is not a multiple of the evaluation interval or a malformed
 * option).
 *
 * **Threshold rules** (exact, in continuous time, for errors observed in timestamp order). For a rule and a
 * group, `n(t)` is the number of matching errors stamped in `(t - windowSeconds, t]`; the condition holds at
 * `t` when `n(t) >= count`. The alert fires at the instant the condition has held for `forSeconds` without a
 * break. It resolves at the instant `d` the condition stops holding, or, with `keepFiringForSeconds` `k`, at
 * `d + k` unless the condition holds again at some instant of `(d, d + k]` (then it goes on firing, and a
 * later stop starts a new `k`). Events carry those instants, so they do not depend on how often `advance`
 * is called. A resolution at instant `t` is reported once `t` is complete: by `advance(t)` or by an outcome
 * stamped after `t` (more errors stamped `t` could still keep the alert up). An out-of-order error still
 * inside the rule's window counts in every window that contains it, from the moment it arrives (the past
 * is not rewritten); one already outside the window is ignored (`stats().late`).
 *
 * **Ratio and SLO rules** (exactly what Prometheus computes from the counters scraped and the rules evaluated
 * at the same instants). With `I = evaluationIntervalSeconds`, they are evaluated at the grid instants
 * `t_k = k * I * 1000` ms since the epoch, and only there:
 *
 * - Buckets. The bucket `k` holds the outcomes (requests, and errors per rule and group) stamped in
 *   `(t_{k-1}, t_k]`: an outcome counts in the bucket ending at the first grid instant at or after its stamp,
 *   or, when that instant was already evaluated (the outcome arrived late), in the first bucket not yet
 *   evaluated, as a counter incremented late shows at the next scrape. Instant `t_k` is evaluated once it is
 *   complete: by `advance(t)` with `t >= t_k`, or by an outcome stamped after `t_k`.
 * - Windows. `errors(w)` at `t_k` sums the group's buckets `k - w/I + 1 .. k` (the errors stamped in
 *   `(t_k - w, t_k]` when they arrive in order), `requests(w)` the requests of the same buckets: of the group's
 *   vendor label when the rule groups by vendor, else of every vendor the match names (`match.vendor`; all
 *   vendors without one; `match.not` does not narrow the requests). A window is a whole number of intervals.
 * - `ratio(w) = errors(w) / requests(w)`, as an IEEE double division; 0 when `requests(w)` is 0.
 * - A ratio rule's condition at `t_k`: `requests(w) >= minRequests` and `ratio(w) >= min`.
 * - An SLO rule has one alert per window pair `p` of `sloWindowsOf(slo)`, with its severity and `window:
 *   p.name`; its condition at `t_k`: `ratio(p.long) >= m` and `ratio(p.short) >= m`, where
 *   `m = sloThresholdOf(slo, p)` = `p.factor * (1 - objective)` (the ratio is compared, not the burn rate).
 * - `for` and `keep_firing_for` as Prometheus applies them at evaluations: an alert is pending from the first
 *   evaluation at which its condition holds (`a`), fires at the first evaluation `t` with `t - a >= for` at
 *   which it still holds, and resolves at the first evaluation at which the condition does not hold, or, with
 *   `keepFiringForSeconds`, at the first evaluation `t` where it does not hold and `t - s >= keepFiringFor`,
 *   `s` being the first evaluation since it last held. Events carry the evaluation instant; `count` is
 *   `errors` of the (long) window and `ratio` its ratio at that instant.
 *
 * Memory: threshold rules hold one timestamp per matching error still in its window; ratio and SLO rules one
 * bucket (8 bytes) per non-empty bucket of their widest window, per group and per vendor label for requests
 * (a 30-day SLO's 3-day window at 15 s spans 17,280 buckets: at most 138 KB per group or vendor). At most
 * `maxGroupsPerRule` groups per rule plus one overflow group; a threshold group is dropped when quiet and
 * empty, a ratio or SLO group when its widest window is empty and its alerts idle. No timers: time moves
 * only through `observe`, `observeOutcome` and `advance`.
 *
 * Inhibitions: `active()` marks the alerts an inhibition mutes (`inhibitedBy`); events are not marked.
 *
 * @example
 * const engine = createAlertEngine(defaultRules)
 * const error = normalizeError('medblocks', response)   // null for a success
 * engine.observeOutcome('medblocks', error, Date.now()).forEach(notify)
 * setInterval(() => engine.advance(Date.now()).forEach(notify), 15_000)   // your timer, not the engine's
 */
export function createAlertEngine(rules: ReadonlyArray<AlertRule> = defaultRules, options: AlertEngineOptions = {}): AlertEngine {
  const validated = loadRulesOrThrow(rules)
  const labeler = createLabeler(options.labels)
  const maxGroups = options.maxGroupsPerRule ?? defaultMaxGroupsPerRule
  checkPositiveInteger(maxGroups, 'maxGroupsPerRule')
  const intervalSeconds = options.evaluationIntervalSeconds ?? defaultEvaluationIntervalSeconds
  checkPositiveInteger(intervalSeconds, 'evaluationIntervalSeconds')
  const intervalMs = intervalSeconds * 1000
  const inhibitions = options.inhibitions ?? defaultInhibitions
  checkInhibitions(inhibitions)
  const applied = effectiveInhibitions(validated, inhibitions)

  const thresholdRules: Array<{ rule: ThresholdRule; index: number }> = []
  const gridRules: Array<{ rule: GridRule; index: number }> = []
  validated.forEach((rule, index) => {
    if (isThresholdRule(rule)) thresholdRules.push({ rule, index })
    else {
      checkGridWindows(rule, index, intervalSeconds)
      gridRules.push({ rule, index })
    }
  })
  // The threshold rules keep the engine's clock; without ratio or SLO rules, no grid is kept at all.
  const thresholds = createThresholdRules(thresholdRules, labeler, maxGroups)
  const grid = gridRules.length === 0 ? undefined : createGridRules(gridRules, labeler, maxGroups, intervalMs)
  const indexOf = new Map<string, number>(validated.map((rule, index) => [rule.id, index]))
  /** The changes of the call in progress. */
  const changes: Array<Change> = []

  const outcome = (vendor: string, error: CanonicalError | null, at: number): Array<AlertEvent> => {
    // Empty unless a call threw half way (setting an array's length is not free).
    if (changes.length !== 0) changes.length = 0
    if (grid !== undefined && at > thresholds.now) grid.evaluateThrough(gridIndexBefore(at, intervalMs), changes)
    thresholds.observe(error, at, changes)
    grid?.count(vendor, error)
    return eventsOf(changes)
  }

  return {
    rules: validated,
    evaluationIntervalSeconds: intervalSeconds,
    observe(error, at) {
      checkInstant(at, 'observe')
      return outcome(error.vendor, error, at)
    },
    observeOutcome(vendor, error, at) {
      checkInstant(at, 'observeOutcome')
      if (typeof vendor !== 'string') throw new TypeError(`AlertEngine.observeOutcome: expected a vendor id, got ${String(vendor)}`)
      return outcome(vendor, error, at)
    },
    advance(at) {
      checkInstant(at, 'advance')
      if (at < thresholds.now || (at === thresholds.now && thresholds.settled)) return []
      if (changes.length !== 0) changes.length = 0
      grid?.evaluateThrough(gridIndexAtOrBefore(at, intervalMs), changes)
      thresholds.advance(at, changes)
      return eventsOf(changes)
    },
    active() {
      const byRule: ReadonlyArray<Array<Alert>> = validated.map(() => [])
      thresholds.collectAlerts(byRule)
      grid?.collectAlerts(byRule)
      return markInhibited(byRule.flat(), applied)
    },
    count(ruleId, group) {
      const index = indexOf.get(ruleId)
      if (index === undefined) return 0
      return isThresholdRule(validated[index] as AlertRule) ? thresholds.count(index, group) : (grid?.countOf(index, group) ?? 0)
    },
    stats() {
      const held = thresholds.stats()
      const gridHeld = grid?.stats() ?? { groups: 0, buckets: 0, overflowed: 0 }
      return {
        groups: held.groups + gridHeld.groups,
        timestamps: held.timestamps,
        late: held.late,
        overflowed: held.overflowed + gridHeld.overflowed,
        buckets: gridHeld.buckets,
      }
    },
  }
}
