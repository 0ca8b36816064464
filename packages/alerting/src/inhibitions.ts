import { isSloRule, type AlertRule, type Severity } from './AlertRule'

/**
 * While an alert of `source` fires for a group, the alerts of `targets` that share its values of `equal` are
 * inhibited: still evaluated, still firing, but nobody is notified. The engine marks them in `active()`, and
 * `toAlertmanagerConfig` writes the same rule as an Alertmanager `inhibit_rules` entry. Both apply it through
 * {@link effectiveInhibitions}, which also adds each SLO rule's own inhibition (its page pairs mute its ticket
 * pairs of the same group).
 */
export interface Inhibition {
  /** The rule id whose firing alerts inhibit. */
  readonly source: string
  /** The rule ids whose alerts are inhibited. */
  readonly targets: ReadonlyArray<string>
  /**
   * The labels source and target must agree on, compared as Alertmanager does: a label an alert lacks has
   * the empty value (a target lacking a label the source has is not inhibited; two alerts both lacking it agree).
   */
  readonly equal: ReadonlyArray<string>
}

/**
 * The default pack's inhibitions: while a vendor is failing (`vendor-degraded`), its throttling, its rejected
 * requests and its unknown codes are symptoms of that failure, not incidents of their own.
 */
export const defaultInhibitions: ReadonlyArray<Inhibition> = [
  { source: 'vendor-degraded', targets: ['rate-limited', 'integration-bug', 'vendor-api-drift'], equal: ['vendor'] },
]

/**
 * An inhibition as the engine and Alertmanager apply it: an {@link Inhibition}, optionally restricted to
 * source alerts of `sourceSeverity` and target alerts of `targetSeverity` (how an SLO rule's page pairs mute
 * its own ticket pairs; then `targets` may hold `source`). Internal: given inhibitions have no severities.
 */
export interface EffectiveInhibition extends Inhibition {
  /** Only source alerts of this severity inhibit. */
  readonly sourceSeverity?: Severity
  /** Only target alerts of this severity are inhibited. */
  readonly targetSeverity?: Severity
}

/**
 * The inhibitions a rule set applies, the one truth the engine (`active()`) and `toAlertmanagerConfig` both
 * read. First `inhibitions` (well-formed, see `checkInhibitions`) for the rules of the set they name: targets
 * the set lacks are left out, an inhibition without its source or any target in the set is left out. Then,
 * per SLO rule, in rule order: its page pairs mute its ticket pairs of the same group (`equal` its `groupBy`).
 * When the budget burns fast the slower pairs fire a little later for the same burn, already paged.
 */
export function effectiveInhibitions(rules: ReadonlyArray<AlertRule>, inhibitions: ReadonlyArray<Inhibition>): ReadonlyArray<EffectiveInhibition> {
  const ids = new Set(rules.map((rule) => rule.id))
  const given = inhibitions.flatMap(({ source, targets, equal }): ReadonlyArray<EffectiveInhibition> => {
    const present = targets.filter((id) => ids.has(id))
    return ids.has(source) && present.length > 0 ? [{ source, targets: present, equal }] : []
  })
  const slo = rules.filter(isSloRule).map(
    (rule): EffectiveInhibition => ({ source: rule.id, targets: [rule.id], equal: rule.groupBy, sourceSeverity: 'page', targetSeverity: 'ticket' }),
  )
  return [...given, ...slo]
}
