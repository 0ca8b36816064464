import { isLabelName } from './AlertRule'
import type { Alert } from './alerts'
import { show } from './codecs'
import type { EffectiveInhibition, Inhibition } from './inhibitions'

const isRuleId = (u: unknown): u is string => typeof u === 'string' && u !== ''

const isObject = (u: unknown): u is Readonly<Record<string, unknown>> => typeof u === 'object' && u !== null && !Array.isArray(u)

/**
 * Why a list of inhibitions is malformed (empty when it is not), one problem per bad field: a list; each entry
 * an object whose source is a rule id (a non-empty string), whose targets are a non-empty list of them without
 * the source, and whose `equal` is a list of label names. Rule ids the rule set does not hold are not problems:
 * such an inhibition never applies (as an Alertmanager inhibition that matches no alert), so one list serves
 * every rule set. `createAlertEngine` throws them, `compileAlertmanagerConfig` reports them.
 */
export function inhibitionProblems(inhibitions: unknown): Array<string> {
  if (!Array.isArray(inhibitions)) return [`inhibitions: expected a list of { source, targets, equal }, got ${show(inhibitions)}`]
  const problems: Array<string> = []
  inhibitions.forEach((inhibition: unknown, index) => {
    const at = `inhibitions[${index}]`
    if (!isObject(inhibition)) {
      problems.push(`${at}: expected { source, targets, equal }, got ${show(inhibition)}`)
      return
    }
    const { source, targets, equal } = inhibition
    if (!isRuleId(source)) problems.push(`${at}.source: expected a rule id, got ${show(source)}`)
    if (!Array.isArray(targets) || targets.length === 0 || !targets.every(isRuleId)) {
      problems.push(`${at}.targets: expected a non-empty list of rule ids, got ${show(targets)}`)
    } else if ((targets as ReadonlyArray<unknown>).includes(source)) problems.push(`${at}.targets: ${show(source)} cannot inhibit its own alerts`)
    if (!Array.isArray(equal) || !equal.every((label) => typeof label === 'string' && isLabelName(label))) {
      problems.push(`${at}.equal: expected a list of label names, got ${show(equal)}`)
    }
  })
  return problems
}

/** Throws a `RangeError` listing the {@link inhibitionProblems} of `inhibitions`, if any. */
export function checkInhibitions(inhibitions: unknown): asserts inhibitions is ReadonlyArray<Inhibition> {
  const problems = inhibitionProblems(inhibitions)
  if (problems.length > 0) throw new RangeError(`createAlertEngine: ${problems.join('; ')}`)
}

/**
 * The value of label `name` on an alert, as Alertmanager receives it: the group's labels, the rule's
 * `labels`, `severity`, `rule_id` and `slo_window`; a label the alert does not have is the empty string.
 */
const labelOf = (alert: Alert, name: string): string => {
  switch (name) {
    case 'severity':
      return alert.severity
    case 'rule_id':
      return alert.ruleId
    case 'slo_window':
      return alert.window ?? ''
  }
  return alert.group[name] ?? alert.labels?.[name] ?? ''
}

/**
 * `alerts` (the firing alerts, in `active()` order) with every alert an inhibition mutes marked by the first
 * alert that mutes it: a firing alert of the inhibition's source (of its `sourceSeverity`, if any) whose
 * values of every `equal` label are the target's (of its `targetSeverity`, if any), where a label an alert
 * lacks has the empty value (Alertmanager's rule: two alerts that both lack a label agree on it). An alert
 * never mutes itself; an inhibited source still inhibits, as in Alertmanager. `inhibitions` are a rule set's
 * `effectiveInhibitions`.
 */
export function markInhibited(alerts: ReadonlyArray<Alert>, inhibitions: ReadonlyArray<EffectiveInhibition>): Array<Alert> {
  if (inhibitions.length === 0) return [...alerts]
  return alerts.map((target) => {
    const applying = inhibitions.filter(
      (inhibition) => inhibition.targets.includes(target.ruleId) && (inhibition.targetSeverity === undefined || inhibition.targetSeverity === target.severity),
    )
    if (applying.length === 0) return target
    const source = alerts.find(
      (candidate) =>
        candidate !== target &&
        applying.some(
          (inhibition) =>
            inhibition.source === candidate.ruleId &&
            (inhibition.sourceSeverity === undefined || inhibition.sourceSeverity === candidate.severity) &&
            inhibition.equal.every((name) => labelOf(candidate, name) === labelOf(target, name)),
        ),
    )
    if (source === undefined) return target
    const inhibitedBy = source.window === undefined ? { ruleId: source.ruleId, group: source.group } : { ruleId: source.ruleId, group: source.group, window: source.window }
    return { ...target, inhibitedBy }
  })
}
