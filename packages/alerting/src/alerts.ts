import type { Severity } from './AlertRule'

/** A change of an alert: it started firing, or it resolved. */
export interface AlertEvent {
  readonly type: 'firing' | 'resolved'
  readonly ruleId: string
  /** The rule's severity; for an SLO rule, the window pair's. */
  readonly severity: Severity
  /** The group's labels, one per group-by field of the rule (or {@link OVERFLOW_GROUP}). */
  readonly group: Readonly<Record<string, string>>
  /** The instant of the change, in ms since the epoch (see the engine's semantics). */
  readonly at: number
  /**
   * The matching errors in the group's window at that instant: the rule's window for threshold and ratio
   * rules, the pair's long window for an SLO rule.
   */
  readonly count: number
  /**
   * Ratio and SLO rules: `count` / the requests of the same window, 0 when the window holds no request.
   * (An SLO's burn rate is this ratio / (1 - objective).) Absent for threshold rules.
   */
  readonly ratio?: number
  /** SLO rules: the window pair that changed, as `sloWindowsOf` names it (`1h/5m`). */
  readonly window?: string
  /** The rule's `labels`, when it has some. */
  readonly labels?: Readonly<Record<string, string>>
}

/** The alert that inhibits another (see `Inhibition`). */
export interface InhibitingAlert {
  readonly ruleId: string
  readonly group: Readonly<Record<string, string>>
  /** The source's window pair, when it is an SLO rule. */
  readonly window?: string
}

/** An alert that is firing. */
export interface Alert {
  readonly ruleId: string
  readonly severity: Severity
  readonly group: Readonly<Record<string, string>>
  readonly summary: string
  /** The rule's runbook, when it has one. */
  readonly runbook?: string
  /** When it started firing, in ms since the epoch. */
  readonly since: number
  /**
   * Threshold rules: the matching errors in the group's window now. Ratio and SLO rules: those of the rule's
   * window (an SLO pair's long window) at the latest evaluation at which the condition held (Prometheus'
   * alert value: a kept alert keeps it).
   */
  readonly count: number
  /** Ratio and SLO rules: the error ratio of that window at that evaluation. */
  readonly ratio?: number
  /** SLO rules: the window pair that fires. */
  readonly window?: string
  /** The rule's `labels`, when it has some. */
  readonly labels?: Readonly<Record<string, string>>
  /** Present when an inhibition mutes this alert: the first firing source alert (in `active()` order) that does. */
  readonly inhibitedBy?: InhibitingAlert
}

/** The group of the errors a rule could not give a group of their own (it held its cap of groups). */
export const OVERFLOW_GROUP: Readonly<Record<string, string>> = Object.freeze({ __overflow__: 'true' })

/** The sort key of the overflow group: it sorts before every other group (their keys are JSON arrays). */
export const OVERFLOW_KEY = '\u0000overflow'

/** A group's labels: each group-by field of its rule with the group's value of it, in order (frozen). */
export function groupLabelsOf(groupBy: ReadonlyArray<string>, values: ReadonlyArray<string>): Readonly<Record<string, string>> {
  const labels: Record<string, string> = {}
  groupBy.forEach((field, index) => {
    labels[field] = values[index] as string
  })
  return Object.freeze(labels)
}

/** The key events and alerts are ordered by: a group's values as a JSON array, the overflow group first. */
export const groupSortKey = (values: ReadonlyArray<string>, overflow: boolean): string => (overflow ? OVERFLOW_KEY : JSON.stringify(values))

/** What orders a change among simultaneous ones: its rule, its group, then (for an SLO rule) its window pair. */
export interface Change {
  readonly event: AlertEvent
  /** The rule's index in the rule set. */
  readonly rule: number
  readonly group: { sortKey(): string }
  /** The SLO window pair's index; 0 for other rules. */
  readonly pair: number
}

export const compareStrings = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

const byInstantRuleGroup = (a: Change, b: Change): number =>
  a.event.at - b.event.at || a.rule - b.rule || compareStrings(a.group.sortKey(), b.group.sortKey()) || a.pair - b.pair

/** The events of `changes`, ordered by instant, rule, group and window pair; empties `changes`. */
export function eventsOf(changes: Array<Change>): Array<AlertEvent> {
  if (changes.length === 0) return []
  if (changes.length > 1) changes.sort(byInstantRuleGroup)
  const events = changes.map((c) => c.event)
  changes.length = 0
  return events
}
