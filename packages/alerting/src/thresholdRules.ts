import { kinds, type CanonicalError } from '@faultline/core'
import { valuesOf, type ThresholdRule } from './AlertRule'
import { compareStrings, groupLabelsOf, groupSortKey, OVERFLOW_GROUP, type Alert, type AlertEvent, type Change } from './alerts'
import { GroupIndex } from './groupIndex'
import { KeyedHeap, type HeapItem } from './heap'
import type { Labeler } from './labels'
import { compileMatch, fieldReaderOf, type CompiledMatch } from './match'
import { SlidingWindow } from './window'

const IDLE = 0
const PENDING = 1
const FIRING = 2
type GroupStatus = typeof IDLE | typeof PENDING | typeof FIRING

interface RuleState {
  readonly rule: ThresholdRule
  /** The rule's index in the whole rule set (events and alerts are ordered by it). */
  readonly index: number
  readonly windowMs: number
  readonly forMs: number
  readonly keepMs: number
  readonly threshold: number
  // The match, compiled (the kind is checked by the per-kind rule lists).
  readonly vendors: ReadonlySet<string> | undefined
  readonly reasons: ReadonlySet<string> | undefined
  readonly statuses: ReadonlySet<number> | undefined
  readonly recognized: boolean | undefined
  readonly retryable: boolean | undefined
  readonly not: CompiledMatch | undefined
  /** The groups held, by their group-by values (the overflow group is apart). */
  readonly groups: GroupIndex<CanonicalError, GroupState>
  overflow: GroupState | undefined
  /** Every group held (overflow included), least recently touched first: a doubly linked list. */
  first: GroupState | undefined
  last: GroupState | undefined
}

/**
 * One group of one rule: its window (the group is the window), its alert state, its place in the
 * least-recently-touched list of its rule and in the queue of live groups.
 */
class GroupState extends SlidingWindow implements HeapItem {
  /** In the queue (pending or firing) at this index, else -1. */
  heapIndex = -1
  status: GroupStatus = IDLE
  /** Pending: when the condition became true (Prometheus' ActiveAt); firing: when it started firing. */
  since = Number.NaN
  /**
   * Firing although the condition stopped holding (`keepFiringForSeconds`): the instant it resolves unless
   * the condition holds again by then. NaN otherwise.
   */
  keepUntil = Number.NaN
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

  /** Whether it fires only because of `keepFiringForSeconds`. */
  get keeping(): boolean {
    return this.keepUntil === this.keepUntil
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
    return (this.labelsMemo ??= groupLabelsOf(this.state.rule.groupBy, this.values))
  }

  /** The key events and alerts are ordered by: the group's values as a JSON array (the overflow group first). */
  sortKey(): string {
    return groupSortKey(this.values, this.isOverflow)
  }

  /** How many entries the window ending at `now` holds, when no entry is later than `now`. */
  countNow(now: number): number {
    return this.times.length - this.upperBound(now - this.length)
  }
}

/** Whether `error` satisfies the match of `state` besides its kind (see `matches`, which this mirrors). */
const acceptsBesidesKind = (state: RuleState, error: CanonicalError): boolean =>
  (state.vendors === undefined || state.vendors.has(error.vendor)) &&
  (state.reasons === undefined || state.reasons.has(error.reason)) &&
  (state.recognized === undefined || state.recognized === error.recognized) &&
  (state.retryable === undefined || state.retryable === error.retryable) &&
  (error.status === null ? state.statuses === undefined : state.statuses === undefined || state.statuses.has(error.status)) &&
  (state.not === undefined || !state.not(error))

const setOf = <A>(values: ReadonlyArray<A> | undefined): ReadonlySet<A> | undefined => (values === undefined ? undefined : new Set(values))

/** What the threshold rules hold, for `AlertEngine.stats`. */
export interface ThresholdStats {
  readonly groups: number
  readonly timestamps: number
  readonly late: number
  readonly overflowed: number
}

/** The threshold rules of an engine, evaluated in continuous time; they also keep the engine's clock. */
export interface ThresholdRules {
  /** The clock: the latest instant observed or advanced to. */
  readonly now: number
  /** Whether the instant `now` is complete (no error stamped `now` can change what was decided for it). */
  readonly settled: boolean
  /** Moves the clock to `at` when later, counts `error` (if any) stamped `at`; pushes the changes up to `at`. */
  observe(error: CanonicalError | null, at: number, changes: Array<Change>): void
  /** Lets time pass up to `at` (a watermark), which is at least the clock; pushes the changes. */
  advance(at: number, changes: Array<Change>): void
  /** Pushes the firing alerts of each rule, by group, to `byRule[rule index]`. */
  collectAlerts(byRule: ReadonlyArray<Array<Alert>>): void
  /** The matching errors of one rule (by index) and group in the window ending at the clock. */
  count(index: number, group: Readonly<Record<string, string>>): number
  stats(): ThresholdStats
}

/**
 * The threshold rules of a rule set (each with its index in the set), in continuous time. The semantics
 * are the engine's (see `createAlertEngine`); this is how they are computed.
 *
 * Cost: an observation touches only the groups it falls in (one per matching rule; rules are looked up by
 * the error's kind) and the live (pending or firing) groups whose state changes by its instant: live groups
 * wait in a priority queue keyed by the instant of their next change (a pending group firing after
 * `forSeconds`, a group's window dropping below the threshold when its k-th newest error leaves it, a kept
 * alert resolving). A queued key may be early (new errors only push a group's next change later), never
 * late: a group reached too early is re-queued at its real instant.
 */
export function createThresholdRules(
  rules: ReadonlyArray<{ readonly rule: ThresholdRule; readonly index: number }>,
  labeler: Labeler,
  maxGroups: number,
): ThresholdRules {
  const states: ReadonlyArray<RuleState> = rules.map(({ rule, index }) => ({
    rule,
    index,
    windowMs: rule.threshold.windowSeconds * 1000,
    forMs: (rule.forSeconds ?? 0) * 1000,
    keepMs: (rule.keepFiringForSeconds ?? 0) * 1000,
    threshold: rule.threshold.count,
    vendors: setOf(valuesOf(rule.match.vendor)),
    reasons: setOf(valuesOf(rule.match.reason)),
    statuses: setOf(valuesOf(rule.match.status)),
    recognized: rule.match.recognized,
    retryable: rule.match.retryable,
    not: rule.match.not === undefined ? undefined : compileMatch(rule.match.not),
    groups: new GroupIndex(rule.groupBy.map((field) => fieldReaderOf(field, labeler))),
    overflow: undefined,
    first: undefined,
    last: undefined,
  }))
  const byIndex = new Map<number, RuleState>(states.map((state) => [state.index, state]))
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
  let settled = true
  let late = 0
  let overflowed = 0

  const change = (group: GroupState, type: AlertEvent['type'], at: number, count: number): Change => {
    const { rule } = group.state
    const event: AlertEvent =
      rule.labels === undefined
        ? { type, ruleId: rule.id, severity: rule.severity, group: group.labels, at, count }
        : { type, ruleId: rule.id, severity: rule.severity, group: group.labels, at, count, labels: rule.labels }
    return { event, rule: group.state.index, group, pair: 0 }
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

  /** The instant of a live group's next change: firing (if pending), dropping below the threshold, or resolving (if kept). */
  const nextChangeOf = (group: GroupState, drop: number): number => {
    if (group.keeping) return group.keepUntil
    if (group.status !== PENDING) return drop
    const fireAt = group.since + group.state.forMs
    return fireAt < drop ? fireAt : drop
  }

  /** Ends a live group's alert at `at`: resolved if it was firing. */
  const end = (group: GroupState, at: number, changes: Array<Change>): void => {
    if (group.status === FIRING) changes.push(change(group, 'resolved', at, group.countAt(at)))
    group.status = IDLE
    group.keepUntil = Number.NaN
    queue.remove(group)
    // A live group's window was kept pruned up to the clock; an idle one keeps what it held then.
    group.prune(now)
  }

  /** Reports what happens before `bound` (or at it, when `inclusive`), when no error arrives in between. */
  const settle = (bound: number, inclusive: boolean, changes: Array<Change>): void => {
    for (;;) {
      const key = queue.peekKey()
      if (inclusive ? key > bound : key >= bound) return
      const group = queue.peek() as GroupState
      if (group.keeping) {
        // Queued at exactly `keepUntil`, and no error made the condition hold again since it stopped.
        end(group, group.keepUntil, changes)
        continue
      }
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
        if (group.status === FIRING && group.state.keepMs > 0) {
          group.keepUntil = drop + group.state.keepMs
          queue.update(group, group.keepUntil)
        } else end(group, drop, changes)
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

  /** Starts, fires and keeps up what holds at `now` in a group that has just counted an error; never resolves. */
  const evaluateTouched = (group: GroupState, changes: Array<Change>): void => {
    const state = group.state
    const count = group.size // pruned at `now`, and no entry is later than `now`
    if (count < state.threshold) return
    let held = false
    if (group.status === IDLE) {
      group.status = PENDING
      group.since = now
    } else if (group.keeping) {
      // The condition holds again while the alert was kept firing: it goes on firing.
      group.keepUntil = Number.NaN
      held = true
    }
    if (group.status === PENDING && group.since + state.forMs <= now) {
      group.status = FIRING
      group.since = now
      changes.push(change(group, 'firing', now, count))
    }
    if (group.heapIndex === -1) queue.push(group, nextChangeOf(group, dropOf(group)))
    else if (group.status === FIRING && (held || queue.keyOf(group) <= now)) queue.update(group, dropOf(group))
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

  return {
    get now() {
      return now
    },
    get settled() {
      return settled
    },
    observe(error, at, changes) {
      const moved = at > now
      if (moved) {
        if (queue.size > 0 && queue.peekKey() < at) settle(at, false, changes)
        now = at
        settled = false
      }
      if (error !== null) {
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
          evaluateTouched(group, changes)
        }
      }
      if (moved && queue.size > 0 && queue.peekKey() <= now) evaluateDue(changes)
      sweep()
    },
    advance(at, changes) {
      settle(at, true, changes)
      now = at
      settled = true
      sweep()
    },
    collectAlerts(byRule) {
      const firing = new Map<RuleState, Array<GroupState>>()
      for (const group of queue.values()) {
        if (group.status !== FIRING) continue
        const list = firing.get(group.state)
        if (list === undefined) firing.set(group.state, [group])
        else list.push(group)
      }
      for (const [state, groups] of firing) {
        const alerts = byRule[state.index] as Array<Alert>
        const { rule } = state
        for (const { group } of groups.map((group) => ({ group, key: group.sortKey() })).sort((a, b) => compareStrings(a.key, b.key))) {
          alerts.push({
            ruleId: rule.id,
            severity: rule.severity,
            group: group.labels,
            summary: rule.summary,
            ...(rule.runbook === undefined ? {} : { runbook: rule.runbook }),
            since: group.since,
            count: group.countAt(now),
            ...(rule.labels === undefined ? {} : { labels: rule.labels }),
          })
        }
      }
    },
    count(index, group) {
      const state = byIndex.get(index)
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
