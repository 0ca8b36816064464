import type { CanonicalError } from '@faultline/core'
import { isSloRule, valuesOf, type RatioRule, type Severity, type SloRule } from './AlertRule'
import { compareStrings, groupLabelsOf, groupSortKey, OVERFLOW_GROUP, type Alert, type AlertEvent, type Change } from './alerts'
import { BucketRing } from './buckets'
import { GridAlert } from './gridAlert'
import { GroupIndex } from './groupIndex'
import type { Labeler } from './labels'
import { compileMatch, fieldReaderOf, type CompiledMatch } from './match'
import { RequestSeries } from './requests'
import { promDuration } from './promql'
import { sloThresholdOf, sloWindowsOf } from './slo'

/** A rule evaluated on the grid: on the share of requests that fail. */
export type GridRule = RatioRule | SloRule

/** One alert condition of a rule: a ratio rule has one, an SLO rule one per window pair. */
interface Condition {
  /** The ratio's window, or the pair's long window: an index into the rule's windows. */
  readonly long: number
  /** The pair's short window; -1 for a ratio rule. */
  readonly short: number
  /** The error ratio the window(s) must reach. */
  readonly min: number
  /** The requests the long window must hold (0 for an SLO pair). */
  readonly minRequests: number
  readonly severity: Severity
  /** The SLO pair's name. */
  readonly window: string | undefined
}

interface RuleState {
  readonly rule: GridRule
  /** The rule's index in the whole rule set (events and alerts are ordered by it). */
  readonly index: number
  readonly conditions: ReadonlyArray<Condition>
  /** The rule's distinct windows, in buckets. */
  readonly widths: ReadonlyArray<number>
  /** The index of the widest window in `widths`. */
  readonly widest: number
  /** Per window of the rule, its index among the request series' windows. */
  readonly requestWindows: ReadonlyArray<number>
  readonly forMs: number
  readonly keepMs: number
  readonly accepts: CompiledMatch
  /** The position of `vendor` among the group-by fields; -1 when the rule does not group by vendor. */
  readonly vendorField: number
  /** The vendors the match names, each once; `undefined`: every vendor. */
  readonly vendors: ReadonlyArray<string> | undefined
  /** The groups held, by their group-by values (the overflow group is apart). */
  readonly groups: GroupIndex<CanonicalError, GridGroup>
  overflow: GridGroup | undefined
  /** Every group held, the overflow group included. */
  readonly held: Set<GridGroup>
  /** The requests of each window, for the group being evaluated. */
  readonly requests: Float64Array
}

/** One group of a ratio or SLO rule: its errors per bucket and one alert per condition. */
class GridGroup {
  /** Per condition, its alert; `undefined` while idle (most groups never alert). */
  readonly alerts: Array<GridAlert | undefined>
  readonly errors: BucketRing
  private labelsMemo: Readonly<Record<string, string>> | undefined

  constructor(
    readonly state: RuleState,
    /** The group's values of its rule's group-by fields, in order (none for the overflow group). */
    readonly values: ReadonlyArray<string>,
    open: number,
    overflow: boolean,
  ) {
    this.alerts = state.conditions.map(() => undefined)
    this.errors = new BucketRing(state.widths, state.widest, open)
    this.labelsMemo = overflow ? OVERFLOW_GROUP : undefined
  }

  get isOverflow(): boolean {
    return this.labelsMemo === OVERFLOW_GROUP
  }

  /** The group's labels (made once, on first use). */
  get labels(): Readonly<Record<string, string>> {
    return (this.labelsMemo ??= groupLabelsOf(this.state.rule.groupBy, this.values))
  }

  /** The key events and alerts are ordered by: the group's values as a JSON array (the overflow group first). */
  sortKey(): string {
    return groupSortKey(this.values, this.isOverflow)
  }
}

/** The windows of a ratio or SLO rule, in seconds: the ratio's, or each SLO pair's long and short. */
const windowsOf = (rule: GridRule): ReadonlyArray<number> =>
  isSloRule(rule) ? sloWindowsOf(rule.slo).flatMap((pair) => [pair.longSeconds, pair.shortSeconds]) : [rule.ratio.windowSeconds]

/**
 * Why the windows of a ratio or SLO rule are not whole numbers of evaluation intervals (empty when they are),
 * one problem per ratio or per SLO window pair, each starting with the rule's field (`ratio.windowSeconds: ...`,
 * `slo: ...`): a window is a sum of whole buckets, here and in Prometheus. The engine throws them,
 * `compilePrometheusRules` reports them.
 */
export function intervalProblemsOf(rule: GridRule, intervalSeconds: number): Array<string> {
  const every = `the evaluation interval (${promDuration(intervalSeconds)})`
  if (!isSloRule(rule)) {
    const { windowSeconds } = rule.ratio
    return windowSeconds % intervalSeconds === 0
      ? []
      : [`ratio.windowSeconds: ${windowSeconds} is not a multiple of ${every}: a ratio is evaluated every interval over whole intervals; choose a multiple`]
  }
  return sloWindowsOf(rule.slo).flatMap((window) => {
    const off = [window.longSeconds, window.shortSeconds].filter((seconds) => seconds % intervalSeconds !== 0)
    return off.length === 0
      ? []
      : [
          `slo: the ${off.map(promDuration).join(' and ')} window${off.length > 1 ? 's' : ''} of the ${window.name} pair ${off.length > 1 ? 'are' : 'is'} not a multiple of ${every}: ` +
            'SLO windows are whole minutes, so choose an interval that divides a minute',
        ]
  })
}

/** Throws a `RangeError` listing the {@link intervalProblemsOf} `rule`, if any. */
export function checkGridWindows(rule: GridRule, index: number, intervalSeconds: number): void {
  const problems = intervalProblemsOf(rule, intervalSeconds)
  if (problems.length > 0) throw new RangeError(`createAlertEngine: rules[${index}] (${rule.id}): ${problems.join('; ')}`)
}

/** What the ratio and SLO rules hold, for `AlertEngine.stats`. */
export interface GridStats {
  readonly groups: number
  readonly buckets: number
  readonly overflowed: number
}

/** The ratio and SLO rules of an engine, evaluated at grid instants. */
export interface GridRules {
  /** Evaluates, in turn, every grid instant up to index `k` (the instant `k * interval`) not yet evaluated. */
  evaluateThrough(k: number, changes: Array<Change>): void
  /** Counts one request of `vendor`, and `error` when not null, in the first bucket not yet evaluated. */
  count(vendor: string, error: CanonicalError | null): void
  /** Pushes the firing alerts of each rule, by group then window pair, to `byRule[rule index]`. */
  collectAlerts(byRule: ReadonlyArray<Array<Alert>>): void
  /** The matching errors of one rule (by index) and group in its (widest) window ending at the next evaluation, so far. */
  countOf(index: number, group: Readonly<Record<string, string>>): number
  stats(): GridStats
}

/**
 * The ratio and SLO rules of a rule set (each with its index in the set), evaluated at the instants
 * `k * intervalMs`; the semantics are the engine's (see `createAlertEngine`), checked windows included.
 *
 * Cost: counting an outcome is O(rules); evaluating one grid instant touches every group of every rule and
 * every request series, O(windows) each.
 */
export function createGridRules(
  rules: ReadonlyArray<{ readonly rule: GridRule; readonly index: number }>,
  labeler: Labeler,
  maxGroups: number,
  intervalMs: number,
): GridRules {
  const bucketsOf = (seconds: number): number => (seconds * 1000) / intervalMs
  const requestWidths: Array<number> = []
  const named = new Set<string>()
  const states: ReadonlyArray<RuleState> = rules.map(({ rule, index }) => {
    const widths = [...new Set(windowsOf(rule).map(bucketsOf))]
    for (const width of widths) if (!requestWidths.includes(width)) requestWidths.push(width)
    const position = (seconds: number) => widths.indexOf(bucketsOf(seconds))
    const conditions: ReadonlyArray<Condition> = isSloRule(rule)
      ? sloWindowsOf(rule.slo).map((pair) => ({
          long: position(pair.longSeconds),
          short: position(pair.shortSeconds),
          min: sloThresholdOf(rule.slo, pair),
          minRequests: 0,
          severity: pair.severity,
          window: pair.name,
        }))
      : [{ long: 0, short: -1, min: rule.ratio.min, minRequests: rule.ratio.minRequests, severity: rule.severity, window: undefined }]
    const vendors = valuesOf(rule.match.vendor)
    for (const vendor of vendors ?? []) if (!labeler.keepsVendor(vendor)) named.add(vendor)
    return {
      rule,
      index,
      conditions,
      widths,
      widest: widths.indexOf(Math.max(...widths)),
      requestWindows: widths.map((width) => requestWidths.indexOf(width)),
      forMs: (rule.forSeconds ?? 0) * 1000,
      keepMs: (rule.keepFiringForSeconds ?? 0) * 1000,
      accepts: compileMatch(rule.match),
      vendorField: rule.groupBy.indexOf('vendor'),
      vendors: vendors === undefined ? undefined : [...new Set(vendors)],
      groups: new GroupIndex(rule.groupBy.map((field) => fieldReaderOf(field, labeler))),
      overflow: undefined,
      held: new Set(),
      requests: new Float64Array(widths.length),
    }
  })
  const byIndex = new Map<number, RuleState>(states.map((state) => [state.index, state]))
  const requests = new RequestSeries(labeler, requestWidths, named)

  /** The last grid index evaluated; the open bucket is the next one. */
  let evaluated = Number.NEGATIVE_INFINITY
  let groupCount = 0
  let overflowed = 0

  /** The requests of window `i` (of the request series) that group `group` divides its errors by. */
  const requestsOf = (state: RuleState, group: GridGroup, i: number): number => {
    const label = state.vendorField >= 0 && !group.isOverflow ? (group.values[state.vendorField] as string) : undefined
    if (state.vendors === undefined) return label === undefined ? requests.ofAll(i) : requests.ofLabel(label, i)
    let sum = 0
    for (const vendor of state.vendors) if (label === undefined || labeler.vendor(vendor) === label) sum += requests.ofVendor(vendor, i)
    return sum
  }

  const change = (group: GridGroup, condition: number, type: AlertEvent['type'], at: number, count: number, ratio: number): Change => {
    const { rule, index } = group.state
    const { severity, window } = group.state.conditions[condition] as Condition
    const event: AlertEvent = {
      type,
      ruleId: rule.id,
      severity,
      group: group.labels,
      at,
      count,
      ratio,
      ...(window === undefined ? {} : { window }),
      ...(rule.labels === undefined ? {} : { labels: rule.labels }),
    }
    return { event, rule: index, group, pair: condition }
  }

  const drop = (state: RuleState, group: GridGroup): void => {
    state.held.delete(group)
    groupCount -= 1
    if (group === state.overflow) state.overflow = undefined
    else state.groups.delete(group.values)
  }

  /** Closes bucket `k` everywhere and evaluates every group at the instant `k * intervalMs`. */
  const step = (k: number, changes: Array<Change>): void => {
    requests.close(k)
    const at = k * intervalMs
    for (const state of states) {
      const requested = state.requests
      for (const group of state.held) {
        const errors = group.errors
        errors.close(k)
        for (let i = 0; i < requested.length; i++) requested[i] = requestsOf(state, group, state.requestWindows[i] as number)
        let idle = true
        for (let c = 0; c < state.conditions.length; c++) {
          const { long, short, min, minRequests } = state.conditions[c] as Condition
          const longRequests = requested[long] as number
          const ratio = longRequests > 0 ? errors.sum(long) / longRequests : 0
          let holds = longRequests >= minRequests && ratio >= min
          if (holds && short >= 0) {
            const shortRequests = requested[short] as number
            holds = shortRequests > 0 && errors.sum(short) / shortRequests >= min
          }
          let alert = group.alerts[c]
          if (alert === undefined) {
            if (!holds) continue
            alert = group.alerts[c] = new GridAlert()
          }
          // Like Prometheus' alert value: kept from the latest evaluation at which the condition held.
          if (holds) {
            alert.count = errors.sum(long)
            alert.ratio = ratio
          }
          const type = alert.evaluate(holds, at, state.forMs, state.keepMs)
          if (type !== undefined) changes.push(change(group, c, type, at, errors.sum(long), ratio))
          if (alert.idle) group.alerts[c] = undefined
          else idle = false
        }
        if (idle && errors.empty) drop(state, group)
      }
    }
  }

  const groupFor = (state: RuleState, error: CanonicalError): GridGroup => {
    const found = state.groups.find(error)
    if (found !== undefined) return found
    let group: GridGroup
    if (state.groups.size >= maxGroups) {
      overflowed += 1
      if (state.overflow !== undefined) return state.overflow
      group = state.overflow = new GridGroup(state, [], evaluated + 1, true)
    } else {
      const values = state.groups.valuesOf(error)
      group = new GridGroup(state, values, evaluated + 1, false)
      state.groups.add(values, group)
    }
    state.held.add(group)
    groupCount += 1
    return group
  }

  const heldGroup = (state: RuleState, group: Readonly<Record<string, string>>): GridGroup | undefined => {
    if (group.__overflow__ === 'true') return state.overflow
    const values = state.rule.groupBy.map((field) => group[field] ?? '')
    // A value that is not a string names no group (group values are strings).
    return values.every((value) => typeof value === 'string') ? state.groups.get(values) : undefined
  }

  return {
    evaluateThrough(k, changes) {
      while (evaluated < k) {
        // Nothing held: no grid instant can change anything until the next outcome.
        if (groupCount === 0 && requests.empty) {
          evaluated = k
          return
        }
        evaluated += 1
        step(evaluated, changes)
      }
    },
    count(vendor, error) {
      requests.add(vendor, evaluated + 1)
      if (error === null) return
      for (let i = 0; i < states.length; i++) {
        const state = states[i] as RuleState
        if (state.accepts(error)) groupFor(state, error).errors.add(1)
      }
    },
    collectAlerts(byRule) {
      for (const state of states) {
        const alerts = byRule[state.index] as Array<Alert>
        const { rule } = state
        const groups = [...state.held].map((group) => ({ group, key: group.sortKey() })).sort((a, b) => compareStrings(a.key, b.key))
        for (const { group } of groups) {
          state.conditions.forEach((condition, c) => {
            const alert = group.alerts[c]
            if (alert === undefined || !alert.firing) return
            alerts.push({
              ruleId: rule.id,
              severity: condition.severity,
              group: group.labels,
              summary: rule.summary,
              ...(rule.runbook === undefined ? {} : { runbook: rule.runbook }),
              since: alert.since,
              count: alert.count,
              ratio: alert.ratio,
              ...(condition.window === undefined ? {} : { window: condition.window }),
              ...(rule.labels === undefined ? {} : { labels: rule.labels }),
            })
          })
        }
      }
    },
    countOf(index, group) {
      const state = byIndex.get(index)
      const held = state === undefined ? undefined : heldGroup(state, group)
      return held === undefined || state === undefined ? 0 : held.errors.sumWithOpen(state.widest, evaluated + 1)
    },
    stats() {
      let buckets = requests.buckets
      for (const state of states) for (const group of state.held) buckets += group.errors.capacity
      return { groups: groupCount, buckets, overflowed }
    },
  }
}
