import type { Alert } from './alerts'
import type { EffectiveInhibition, Inhibition } from './inhibitions'

const labelNamePattern = /^[a-zA-Z_][a-zA-Z0-9_]*$/

/**
 * Throws a `RangeError` naming the first malformed inhibition: a source that is not a non-empty string,
 * targets that are not a non-empty list of them or that include the source, `equal` that is not a list of
 * label names. Rule ids the rule set does not hold are not errors: such an inhibition never applies (as an
 * Alertmanager inhibition that matches no alert), so one list serves every rule set.
 */
export function checkInhibitions(inhibitions: ReadonlyArray<Inhibition>): void {
  const isId = (u: unknown): u is string => typeof u === 'string' && u !== ''
  inhibitions.forEach((inhibition, index) => {
    const at = `createAlertEngine: inhibitions[${index}]`
    if (typeof inhibition !== 'object' || inhibition === null) throw new RangeError(`${at}: expected { source, targets, equal }`)
    const { source, targets, equal } = inhibition
    if (!isId(source)) throw new RangeError(`${at}.source: expected a rule id`)
    if (!Array.isArray(targets) || targets.length === 0 || !targets.every(isId)) throw new RangeError(`${at}.targets: expected a non-empty list of rule ids`)
    if (targets.includes(source)) throw new RangeError(`${at}.targets: ${JSON.stringify(source)} cannot inhibit its own alerts`)
    if (!Array.isArray(equal) || !equal.every((name) => typeof name === 'string' && labelNamePattern.test(name))) {
      throw new RangeError(`${at}.equal: expected a list of label names`)
    }
  })
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
