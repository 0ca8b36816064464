import { isFreeLabelName, reservedLabelNames } from './AlertRule'
import { show } from './codecs'

// eslint-disable-next-line no-control-regex
const controlCharacter = /[\u0000-\u001f\u007f-\u009f]/

/** Whether `value` holds a control character (a line break, a tab, NUL, ...). */
export const hasControlCharacter = (value: string): boolean => controlCharacter.test(value)

/** What a selector's label names may be, for problem texts. */
export const freeLabelNameRule = `letters, digits and _, not starting with __, none of ${reservedLabelNames.join(', ')}`

/** Options of {@link selectorProblems}. */
export interface SelectorRules {
  /**
   * Refuse `$` in values: Grafana reads `$name` in a query as a template variable, so a dashboard's selector
   * values must not hold it. Prometheus and Alertmanager take `$` literally.
   */
  readonly noDollar?: boolean
}

/**
 * Why a `selector` option (label names to values, added to every series selector and alert) is malformed,
 * one problem per bad entry, at `path` (`selector`): an object; each label name free ({@link isFreeLabelName});
 * each value a non-empty string without control characters (and without `$` when `rules.noDollar`).
 * The one check of `toPrometheusRules`, `toAlertmanagerConfig` and `toGrafanaDashboard`.
 */
export function selectorProblems(selector: unknown, path = 'selector', rules: SelectorRules = {}): Array<string> {
  if (selector === undefined) return []
  if (typeof selector !== 'object' || selector === null || Array.isArray(selector)) {
    return [`${path}: expected an object of label names to values, got ${show(selector)}`]
  }
  const problems: Array<string> = []
  for (const [label, value] of Object.entries(selector)) {
    const at = `${path}.${label}`
    if (!isFreeLabelName(label)) problems.push(`${at}: not a label name a selector may match (${freeLabelNameRule})`)
    else if (typeof value !== 'string' || value === '' || hasControlCharacter(value)) {
      problems.push(`${at}: expected a non-empty string without control characters, got ${show(value)}`)
    } else if (rules.noDollar === true && value.includes('$')) {
      problems.push(`${at}: Grafana would read "$" in a query as a template variable; a selector value must not hold "$", got ${show(value)}`)
    }
  }
  return problems
}
