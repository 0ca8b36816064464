import type { CanonicalError } from '@faultline/core'
import type { AlertRule, Severity } from './AlertRule'
import { defaultRules } from './defaultRules'
import { createLabeler, type LabelPolicy } from './labels'
import { loadRulesOrThrow } from './loadRules'
import { groupOf, matches } from './match'
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

const OVERFLOW_KEY = '\u0000overflow'

type GroupStatus = 'idle' | 'pending' | 'firing'

interface GroupState {
  readonly key: string
  readonly labels: Readonly<Record<string, string>>
  readonly window: SlidingWindow
  status: GroupStatus
  /** When the condition became true (Prometheus' ActiveAt). */
  since: number
  firingSince: number
}

interface RuleState {
  readonly rule: AlertRule
  readonly index: number
  readonly windowMs: number
  readonly forMs: number
  readonly threshold: number
  /** Every group held, least recently touched first. */
  readonly groups: Map<string, GroupState>
  /** The groups whose condition holds (pending or firing). */
  readonly live: Map<string, GroupState>
}

interface Change {
  readonly event: AlertEvent
  readonly ruleIndex: number
  readonly key: string
}

const byInstantRuleGroup = (a: Change, b: Change): number =>
  a.event.at - b.event.at || a.ruleIndex - b.ruleIndex || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)

const keyOf = (rule: AlertRule, group: Readonly<Record<string, string>>): string =>
  group.__overflow__ === 'true' ? OVERFLOW_KEY : JSON.stringify(rule.groupBy.map((field) => group[field] ?? ''))

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
    groups: new Map(),
    live: new Map(),
  }))

  let now = Number.NEGATIVE_INFINITY
  /** Whether the instant `now` is complete (no error stamped `now` can change what was decided for it). */
  let settled = true
  let late = 0
  let overflowed = 0

  const change = (state: RuleState, group: GroupState, type: AlertEvent['type'], at: number): Change => ({
    event: { type, ruleId: state.rule.id, severity: state.rule.severity, group: group.labels, at, count: group.window.countAt(at) },
    ruleIndex: state.index,
    key: group.key,
  })

  /** Reports what happens before `bound` (or at it, when `inclusive`), when no error arrives in between. */
  const settle = (bound: number, inclusive: boolean): Array<Change> => {
    const changes: Array<Change> = []
    const reached = (instant: number) => (inclusive ? instant <= bound : instant < bound)
    for (const state of states) {
      for (const group of state.live.values()) {
        const drop = group.window.dropsBelowAt(state.threshold)
        if (group.status === 'pending') {
          const fireAt = group.since + state.forMs
          if (fireAt < drop && reached(fireAt)) {
            group.status = 'firing'
            group.firingSince = fireAt
            changes.push(change(state, group, 'firing', fireAt))
          }
        }
        if (reached(drop)) {
          if (group.status === 'firing') changes.push(change(state, group, 'resolved', drop))
          group.status = 'idle'
          state.live.delete(group.key)
        }
      }
    }
    return changes.sort(byInstantRuleGroup)
  }

  /** Starts and fires what holds at `now` after new errors; never resolves (more errors may arrive at `now`). */
  const evaluateNow = (touched: ReadonlyArray<readonly [RuleState, GroupState]>): Array<Change> => {
    for (const [state, group] of touched) {
      if (group.status === 'idle' && group.window.countAt(now) >= state.threshold) {
        group.status = 'pending'
        group.since = now
        state.live.set(group.key, group)
      }
    }
    const changes: Array<Change> = []
    for (const state of states) {
      for (const group of state.live.values()) {
        if (group.status === 'pending' && group.since + state.forMs <= now && group.window.countAt(now) >= state.threshold) {
          group.status = 'firing'
          group.firingSince = now
          changes.push(change(state, group, 'firing', now))
        }
      }
    }
    return changes.sort(byInstantRuleGroup)
  }

  /** Drops quiet groups from the least recently touched end; prunes the live ones. */
  const sweep = (): void => {
    for (const state of states) {
      for (const group of state.groups.values()) {
        const newest = group.window.newest()
        if (group.status !== 'idle' || (newest !== undefined && newest > now - state.windowMs)) break
        state.groups.delete(group.key)
      }
      for (const group of state.live.values()) group.window.prune(now)
    }
  }

  const groupFor = (state: RuleState, error: CanonicalError): GroupState => {
    const labels = groupOf(state.rule.groupBy, error, labeler)
    let key = keyOf(state.rule, labels)
    let group = state.groups.get(key)
    if (group === undefined) {
      const held = state.groups.size - (state.groups.has(OVERFLOW_KEY) ? 1 : 0)
      if (held >= maxGroups) {
        overflowed += 1
        key = OVERFLOW_KEY
        group = state.groups.get(key)
      }
      group ??= {
        key,
        labels: key === OVERFLOW_KEY ? OVERFLOW_GROUP : Object.freeze(labels),
        window: new SlidingWindow(state.windowMs),
        status: 'idle',
        since: now,
        firingSince: now,
      }
    }
    // Re-inserting keeps the map ordered by last touch, so `sweep` finds quiet groups at the front.
    state.groups.delete(key)
    state.groups.set(key, group)
    return group
  }

  return {
    rules: validated,
    observe(error, at) {
      checkInstant(at, 'observe')
      const changes: Array<Change> = []
      if (at > now) {
        changes.push(...settle(at, false))
        now = at
        settled = false
      }
      const touched: Array<readonly [RuleState, GroupState]> = []
      for (const state of states) {
        if (!matches(state.rule.match, error)) continue
        if (at <= now - state.windowMs) {
          late += 1
          continue
        }
        const group = groupFor(state, error)
        group.window.insert(at)
        group.window.prune(now)
        touched.push([state, group])
      }
      changes.push(...evaluateNow(touched))
      sweep()
      return changes.map((c) => c.event)
    },
    advance(at) {
      checkInstant(at, 'advance')
      if (at < now || (at === now && settled)) return []
      const changes = settle(at, true)
      now = at
      settled = true
      sweep()
      return changes.map((c) => c.event)
    },
    active() {
      const alerts: Array<Alert> = []
      for (const state of states) {
        const firing = [...state.live.values()].filter((group) => group.status === 'firing')
        firing.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
        for (const group of firing) {
          alerts.push({
            ruleId: state.rule.id,
            severity: state.rule.severity,
            group: group.labels,
            summary: state.rule.summary,
            runbook: state.rule.runbook,
            since: group.firingSince,
            count: group.window.countAt(now),
          })
        }
      }
      return alerts
    },
    count(ruleId, group) {
      const state = states.find((candidate) => candidate.rule.id === ruleId)
      const held = state?.groups.get(keyOf(state.rule, group))
      return held === undefined ? 0 : held.window.countAt(now)
    },
    stats() {
      let groups = 0
      let timestamps = 0
      for (const state of states) {
        groups += state.groups.size
        for (const group of state.groups.values()) timestamps += group.window.size
      }
      return { groups, timestamps, late, overflowed }
    },
  }
}
