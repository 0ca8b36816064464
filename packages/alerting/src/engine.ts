import { kinds, type CanonicalError } from '@faultline/core'
import { valuesOf, type AlertRule, type GroupByField, type Severity } from './AlertRule'
import { defaultRules } from './defaultRules'
import { createLabeler, type Labeler, type LabelPolicy } from './labels'
import { loadRulesOrThrow } from './loadRules'
import { GroupIndex, type FieldReader } from './groupIndex'
import { KeyedHeap, type HeapItem } from './heap'
import { NO_VENDOR_CODE } from './match'
import { SlidingWindow } from './window'

/** A change of an alert: it started firing, or it resolved. */
export interface AlertEvent {
  readonly type: 'firing' | 'resolved'
  readonly ruleId: string
  readonly severity: Severity
  /** The group's labels, one per group-by field of the rule (or {@link OVERFLOW_GROUP}). */
  readonly group: Readonly<Record<string, string>>
  /** The instant of the change, in ms since the epoch (see the engine's semantics). */
  readonly at: number
  /** The matching errors in the group's window at that instant. */
  readonly count: number
}

/** An alert that is firing. */
export interface Alert {
  readonly ruleId: string
  readonly severity: Severity
  readonly group: Readonly<Record<string, string>>
  readonly summary: string
  readonly runbook: string
  /** When it started firing, in ms since the epoch. */
  readonly since: number
  /** The matching errors in the group's window now. */
  readonly count: number
}

/** What the engine holds, for monitoring the monitor. */
export interface AlertEngineStats {
  /** Groups held, over all rules (including overflow groups). */
  readonly groups: number
  /** Error timestamps held, over all rules and groups. */
  readonly timestamps: number
  /** (rule, error) pairs ignored because the error was older than the rule's window when it arrived. */
  readonly late: number
  /** (rule, error) pairs counted in the overflow group because the rule already held its cap of groups. */
  readonly overflowed: number
}

/** Options of {@link createAlertEngine}. */
export interface AlertEngineOptions {
  /** The label policy that bounds `vendor`, `reason` and `status` group values; give the metrics the same one. */
  readonly labels?: LabelPolicy
  /** The most groups one rule holds; errors of further groups count in {@link OVERFLOW_GROUP}. Default 10,000. */
  readonly maxGroupsPerRule?: number
}

/** An in-process alert engine: feed it errors and the passing of time; it says what fires and resolves. */
export interface AlertEngine {
  /** The rules it evaluates, validated. */
  readonly rules: ReadonlyArray<AlertRule>
  /** Counts `error`, stamped `at` (ms since the epoch), and returns the changes up to `at`, in order. */
  observe(error: CanonicalError, at: number): ReadonlyArray<AlertEvent>
  /** Lets time pass up to `at` (a watermark: every error stamped `at` or earlier is in); returns the changes. */
  advance(at: number): ReadonlyArray<AlertEvent>
  /** The firing alerts, in rule order, then by group. */
  active(): ReadonlyArray<Alert>
  /** The matching errors of one rule and group in the window ending at the engine's clock. */
  count(ruleId: string, group: Readonly<Record<string, string>>): number
  stats(): AlertEngineStats
}

/** The group of the errors a rule could not give a group of their own (it held its cap of groups). */
export const OVERFLOW_GROUP: Readonly<Record<string, string>> = Object.freeze({ __overflow__: 'true' })

/** The default cap on groups per rule. */
export const defaultMaxGroupsPerRule = 10_000

/** The sort key of the overflow group: it sorts before every other group (their keys are JSON arrays). */
const OVERFLOW_KEY = '\u0000overflow'

const IDLE = 0
const PENDING = 1
const FIRING = 2
type GroupStatus = typeof IDLE | typeof PENDING | typeof FIRING

interface RuleState {
  readonly rule: AlertRule
  readonly index: number
  readonly windowMs: number
  readonly forMs: number
  readonly threshold: number
  // The match, compiled (the kind is checked by the engine's per-kind rule lists).
  readonly vendors: ReadonlySet<string> | undefined
  readonly reasons: ReadonlySet<string> | undefined
  readonly statuses: ReadonlySet<number> | undefined
  readonly recognized: boolean | undefined
  readonly retryable: boolean | undefined
  /** The groups held, by their group-by values (the overflow group is apart). */
  readonly groups: GroupIndex<CanonicalError, GroupState>
  overflow: GroupState | undefined
  /** Every group held (overflow included), least recently touched first: a doubly linked list. */
  first: GroupState | undefined
  last: GroupState | undefined
}

/**
 * One group of one rule: its window (the group is the window), its alert state, its place in the
 * least-recently-touched list of its rule and in the engine's queue of live groups.
 */
class GroupState extends SlidingWindow implements HeapItem {
  /** In the queue (pending or firing) at this index, else -1. */
  heapIndex = -1
  status: GroupStatus = IDLE
  /** Pending: when the condition became true (Prometheus' ActiveAt); firing: when it started firing. */
  since = Number.NaN
  prev: GroupState | undefined = undefined
  next: GroupState | undefined = undefined
  private labelsMemo: Readonly<Record<string, string>> | undefined = undefined

  constructor(
    readonly state: RuleState,
    /** The group's values of its rule's group-by fields, in order (none for the overflow group). */
    readonly values: ReadonlyArray<string>,
  ) {
    super(state.windowMs)
  }

  /** Whether this is its rule's overflow group (whose labels are set when it is made). */
  get isOverflow(): boolean {
    return this.labelsMemo === OVERFLOW_GROUP
  }

  /** Makes this group its rule's overflow group. */
  markOverflow(): void {
    this.labelsMemo = OVERFLOW_GROUP
  }

  /** The group's labels (made once, on first use: most groups never fire). */
  get labels(): Readonly<Record<string, string>> {
    if (this.labelsMemo === undefined) {
      const labels: Record<string, string> = {}
      this.state.rule.groupBy.forEach((field, index) => {
        labels[field] = this.values[index] as string
      })
      this.labelsMemo = Object.freeze(labels)
    }
    return this.labelsMemo
  }

  /** The key events and alerts are ordered by: the group's values as a JSON array (the overflow group first). */
  sortKey(): string {
    return this.isOverflow ? OVERFLOW_KEY : JSON.stringify(this.values)
  }

  /** How many entries the window ending at `now` holds, when no entry is later than `now`. */
  countNow(now: number): number {
    return this.times.length - this.upperBound(now - this.length)
  }
}

/** The value an error gives a group-by field, bounded exactly like `groupOf` (and the metrics). */
const fieldOf = (field: GroupByField, labeler: Labeler): FieldReader<CanonicalError> => {
  switch (field) {
    case 'vendor':
      return (error) => labeler.vendor(error.vendor)
    case 'kind':
      return (error) => error.kind
    case 'reason':
      return (error) => labeler.reason(error.reason)
    case 'status':
      return (error) => labeler.status(error.status)
    case 'vendorCode':
      return (error) => error.vendorCode ?? NO_VENDOR_CODE
  }
}

const setOf = <A>(values: ReadonlyArray<A> | undefined): ReadonlySet<A> | undefined => (values === undefined ? undefined : new Set(values))

/** Whether `error` satisfies the match of `state` besides its kind (see `matches`, which this mirrors). */
const acceptsBesidesKind = (state: RuleState, error: CanonicalError): boolean =>
  (state.vendors === undefined || state.vendors.has(error.vendor)) &&
  (state.reasons === undefined || state.reasons.has(error.reason)) &&
  (state.recognized === undefined || state.recognized === error.recognized) &&
  (state.retryable === undefined || state.retryable === error.retryable) &&
  (error.status === null ? state.statuses === undefined : state.statuses === undefined || state.statuses.has(error.status))

interface Change {
  readonly event: AlertEvent
  readonly group: GroupState
}

const compareStrings = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

const byInstantRuleGroup = (a: Change, b: Change): number =>
  a.event.at - b.event.at || a.group.state.index - b.group.state.index || compareStrings(a.group.sortKey(), b.group.sortKey())

const checkInstant = (at: number, method: string): void => {
  if (typeof at !== 'number' || !Number.isFinite(at)) {
    throw new RangeError(`AlertEngine.${method}: expected a finite timestamp in ms since the epoch, got ${String(at)}`)
  }
}

/**
 * Creates an in-process alert engine over `rules` (validated like `loadRules`; throws `AlertRuleError`).
 *
 * Semantics (exact, for errors observed in timestamp order). For a rule and a group, `n(t)` is the number
 * of matching errors stamped in `(t - windowSeconds, t]`; the condition holds at `t` when `n(t) >= count`.
 * The alert fires at the instant the condition has held for `forSeconds` without a break, and resolves at
 * the instant it stops holding. Events carry those instants, so they do not depend on how often
 * `advance` is called. A resolution at instant `t` is reported once `t` is complete: by `advance(t)` or by
 * an error stamped after `t` (more errors stamped `t` could still keep the alert up).
 *
 * Out-of-order errors: one still inside the rule's window counts in every window that contains it, from
 * the moment it arrives (the past is not rewritten: a condition it makes true starts at the engine's
 * clock); one already outside the window can never count again and is ignored (see `stats().late`).
 *
 * Memory: one timestamp per matching error still in its window, at most `maxGroupsPerRule` groups per
 * rule plus one overflow group; groups that are quiet and empty are dropped. No timers: time moves only
 * through `observe` and `advance`.
 *
 * Cost: an observation touches only the groups it falls in (one per matching rule; rules are looked up by
 * the error's kind) and the live (pending or firing) groups whose state changes by its instant: live groups
 * wait in a priority queue keyed by the instant of their next change (a pending group firing after
 * `forSeconds`, a group's window dropping below the threshold when its k-th newest error leaves it). A
 * queued key may be early (new errors only push a group's next change later), never late: a group reached
 * too early is re-queued at its real instant.
 *
 * @example
 * const engine = createAlertEngine(defaultRules)
 * for (const event of engine.observe(normalizeError('medblocks', response)!, Date.now())) notify(event)
 * setInterval(() => engine.advance(Date.now()).forEach(notify), 15_000)   // your timer, not the engine's
 */
export function createAlertEngine(rules: ReadonlyArray<AlertRule> = defaultRules, options: AlertEngineOptions = {}): AlertEngine {
  const validated = loadRulesOrThrow(rules)
  const labeler = createLabeler(options.labels)
  const maxGroups = options.maxGroupsPerRule ?? defaultMaxGroupsPerRule
  if (!Number.isSafeInteger(maxGroups) || maxGroups < 1) {
    throw new RangeError(`createAlertEngine: maxGroupsPerRule must be a positive integer, got ${String(maxGroups)}`)
  }
  const states: ReadonlyArray<RuleState> = validated.map((rule, index) => ({
    rule,
    index,
    windowMs: rule.threshold.windowSeconds * 1000,
    forMs: (rule.forSeconds ?? 0) * 1000,
    threshold: rule.threshold.count,
    vendors: setOf(valuesOf(rule.match.vendor)),
    reasons: setOf(valuesOf(rule.match.reason)),
    statuses: setOf(valuesOf(rule.match.status)),
    recognized: rule.match.recognized,
    retryable: rule.match.retryable,
    groups: new GroupIndex(rule.groupBy.map((field) => fieldOf(field, labeler))),
    overflow: undefined,
    first: undefined,
    last: undefined,
  }))
  const byId = new Map<string, RuleState>()
  for (const state of states) if (!byId.has(state.rule.id)) byId.set(state.rule.id, state)
  // The rules that may match an error of each kind, in rule order; `anyKind` for a kind the core does not know.
  const anyKind = states.filter((state) => state.rule.match.kind === undefined)
  const byKind = new Map<string, ReadonlyArray<RuleState>>(
    kinds.map((kind) => [kind, states.filter((state) => valuesOf(state.rule.match.kind)?.includes(kind) ?? true)]),
  )

  /** The live (pending or firing) groups, keyed by the instant of their next change, or earlier. */
  const queue = new KeyedHeap<GroupState>()
  /** Groups taken from the queue by `evaluateDue`, reused. */
  const due: Array<GroupState> = []

  let now = Number.NEGATIVE_INFINITY
  /** Whether the instant `now` is complete (no error stamped `now` can change what was decided for it). */
  let settled = true
  let late = 0
  let overflowed = 0

  const change = (group: GroupState, type: AlertEvent['type'], at: number, count: number): Change => {
    const { rule } = group.state
    return { event: { type, ruleId: rule.id, severity: rule.severity, group: group.labels, at, count }, group }
  }

  /**
   * The instant from which a live group's condition stops holding, if no error arrives: its `k`-th newest
   * error leaves the window then. Never before `now`: a live group held at every instant before `now`, and
   * when that error was pruned at `now` (it left the window at `now`), the window no longer holds it.
   */
  const dropOf = (group: GroupState): number => {
    const drop = group.dropsBelowAt(group.state.threshold)
    return drop > now ? drop : now
  }

  /** The instant of a live group's next change: firing (if pending) or dropping below the threshold. */
  const nextChangeOf = (group: GroupState, drop: number): number => {
    if (group.status !== PENDING) return drop
    const fireAt = group.since + group.state.forMs
    return fireAt < drop ? fireAt : drop
  }

  /** Reports what happens before `bound` (or at it, when `inclusive`), when no error arrives in between. */
  const settle = (bound: number, inclusive: boolean, changes: Array<Change>): void => {
    for (;;) {
      const key = queue.peekKey()
      if (inclusive ? key > bound : key >= bound) return
      const group = queue.peek() as GroupState
      const drop = dropOf(group)
      if (group.status === PENDING) {
        const fireAt = group.since + group.state.forMs
        if (fireAt < drop && (inclusive ? fireAt <= bound : fireAt < bound)) {
          group.status = FIRING
          group.since = fireAt
          changes.push(change(group, 'firing', fireAt, group.countAt(fireAt)))
        }
      }
      if (inclusive ? drop <= bound : drop < bound) {
        if (group.status === FIRING) changes.push(change(group, 'resolved', drop, group.countAt(drop)))
        group.status = IDLE
        queue.remove(group)
        // A live group's window was kept pruned up to the clock; an idle one keeps what it held then.
        group.prune(now)
      } else queue.update(group, nextChangeOf(group, drop))
    }
  }

  /** After the clock moved to a new instant `now`: fires the pending groups whose `forSeconds` end at `now`. */
  const evaluateDue = (changes: Array<Change>): void => {
    while (queue.size > 0 && queue.peekKey() <= now) due.push(queue.pop() as GroupState)
    for (const group of due) {
      const drop = dropOf(group)
      if (group.status === PENDING && group.since + group.state.forMs <= now && drop > now) {
        group.status = FIRING
        group.since = now
        changes.push(change(group, 'firing', now, group.countNow(now)))
      }
      queue.push(group, nextChangeOf(group, drop))
    }
    due.length = 0
  }

  /** Starts and fires what holds at `now` in a group that has just counted an error; never resolves. */
  const evaluateTouched = (group: GroupState, changes: Array<Change> | undefined): Array<Change> | undefined => {
    const state = group.state
    const count = group.size // pruned at `now`, and no entry is later than `now`
    if (count < state.threshold) return changes
    if (group.status === IDLE) {
      group.status = PENDING
      group.since = now
    }
    if (group.status === PENDING && group.since + state.forMs <= now) {
      group.status = FIRING
      group.since = now
      ;(changes ??= []).push(change(group, 'firing', now, count))
    }
    if (group.heapIndex === -1) queue.push(group, nextChangeOf(group, dropOf(group)))
    else if (group.status === FIRING && queue.keyOf(group) <= now) queue.update(group, dropOf(group))
    return changes
  }

  const unlink = (state: RuleState, group: GroupState): void => {
    const { prev, next } = group
    if (prev === undefined) state.first = next
    else prev.next = next
    if (next === undefined) state.last = prev
    else next.prev = prev
    group.prev = undefined
    group.next = undefined
  }

  const append = (state: RuleState, group: GroupState): void => {
    const last = state.last
    group.prev = last
    if (last === undefined) state.first = group
    else last.next = group
    state.last = group
  }

  /** Drops quiet groups from the least recently touched end of every rule. */
  const sweep = (): void => {
    for (const state of states) {
      const horizon = now - state.windowMs
      let group = state.first
      while (group !== undefined && group.status === IDLE) {
        const newest = group.newest()
        if (newest !== undefined && newest > horizon) break
        const next = group.next
        unlink(state, group)
        if (group === state.overflow) state.overflow = undefined
        else state.groups.delete(group.values)
        group = next
      }
    }
  }

  const groupFor = (state: RuleState, error: CanonicalError): GroupState => {
    let group = state.groups.find(error)
    if (group === undefined) {
      if (state.groups.size >= maxGroups) {
        overflowed += 1
        group = state.overflow
        if (group === undefined) {
          group = new GroupState(state, [])
          group.markOverflow()
          state.overflow = group
          append(state, group)
          return group
        }
      } else {
        const values = state.groups.valuesOf(error)
        group = new GroupState(state, values)
        state.groups.add(values, group)
        append(state, group)
        return group
      }
    }
    // Moving it to the end keeps the list ordered by last touch, so `sweep` finds quiet groups at the front.
    if (state.last !== group) {
      unlink(state, group)
      append(state, group)
    }
    return group
  }

  const eventsOf = (changes: Array<Change> | undefined): Array<AlertEvent> => {
    if (changes === undefined || changes.length === 0) return []
    if (changes.length > 1) changes.sort(byInstantRuleGroup)
    return changes.map((c) => c.event)
  }

  return {
    rules: validated,
    observe(error, at) {
      checkInstant(at, 'observe')
      let changes: Array<Change> | undefined
      const moved = at > now
      if (moved) {
        if (queue.size > 0 && queue.peekKey() < at) settle(at, false, (changes = []))
        now = at
        settled = false
      }
      const candidates = byKind.get(error.kind) ?? anyKind
      for (let i = 0; i < candidates.length; i++) {
        const state = candidates[i] as RuleState
        if (!acceptsBesidesKind(state, error)) continue
        if (at <= now - state.windowMs) {
          late += 1
          continue
        }
        const group = groupFor(state, error)
        group.insert(at)
        group.prune(now)
        changes = evaluateTouched(group, changes)
      }
      if (moved && queue.size > 0 && queue.peekKey() <= now) evaluateDue((changes ??= []))
      sweep()
      return eventsOf(changes)
    },
    advance(at) {
      checkInstant(at, 'advance')
      if (at < now || (at === now && settled)) return []
      const changes: Array<Change> = []
      settle(at, true, changes)
      now = at
      settled = true
      sweep()
      return eventsOf(changes)
    },
    active() {
      const firing: Array<Array<GroupState>> = states.map(() => [])
      for (const group of queue.values()) if (group.status === FIRING) firing[group.state.index]?.push(group)
      const alerts: Array<Alert> = []
      for (const state of states) {
        const groups = (firing[state.index] ?? []).map((group) => ({ group, key: group.sortKey() }))
        groups.sort((a, b) => compareStrings(a.key, b.key))
        for (const { group } of groups) {
          alerts.push({
            ruleId: state.rule.id,
            severity: state.rule.severity,
            group: group.labels,
            summary: state.rule.summary,
            runbook: state.rule.runbook,
            since: group.since,
            count: group.countAt(now),
          })
        }
      }
      return alerts
    },
    count(ruleId, group) {
      const state = byId.get(ruleId)
      if (state === undefined) return 0
      let held: GroupState | undefined
      if (group.__overflow__ === 'true') held = state.overflow
      else {
        const values = state.rule.groupBy.map((field) => group[field] ?? '')
        // A value that is not a string names no group (group values are strings).
        held = values.every((value) => typeof value === 'string') ? state.groups.get(values) : undefined
      }
      return held === undefined ? 0 : held.countAt(now)
    },
    stats() {
      let groups = 0
      let timestamps = 0
      for (const state of states) {
        for (let group = state.first; group !== undefined; group = group.next) {
          groups += 1
          // Live groups are pruned lazily; the figure is the one of a window pruned up to the clock.
          if (group.status !== IDLE) group.prune(now)
          timestamps += group.size
        }
      }
      return { groups, timestamps, late, overflowed }
    },
  }
}
