import { either as E } from 'fp-ts'
import { AlertRuleFileCodec, type AlertRule } from './AlertRule'
import { formatValidationErrors } from './report'

/** What was wrong with a rule set: one path-precise line per problem. */
export type RuleProblems = ReadonlyArray<string>

/** A rule set failed to load; `problems` holds one line per problem. */
export class AlertRuleError extends Error {
  override readonly name = 'AlertRuleError'
  constructor(readonly problems: RuleProblems) {
    super(`invalid alert rules:\n  ${problems.join('\n  ')}`)
  }
}

function duplicateIds(rules: ReadonlyArray<AlertRule>): RuleProblems {
  const first = new Map<string, number>()
  const problems: Array<string> = []
  rules.forEach((rule, index) => {
    const earlier = first.get(rule.id)
    if (earlier === undefined) first.set(rule.id, index)
    else problems.push(`rules[${index}].id: duplicate id ${JSON.stringify(rule.id)} (also rules[${earlier}].id)`)
  })
  return problems
}

/**
 * Validates alert rules from configuration: either `{ rules: [...] }` or a bare list, as parsed from JSON
 * or YAML. Returns the rules, or every problem as a path-precise line. Never throws.
 *
 * @example
 * import { parse } from 'yaml'
 * const loaded = loadRules(parse(readFileSync('alerts.yaml', 'utf8')))
 * if (E.isLeft(loaded)) console.error(loaded.left.join('\n'))
 * // rules[2].threshold.count: expected a positive integer, got -1
 */
export function loadRules(config: unknown): E.Either<RuleProblems, ReadonlyArray<AlertRule>> {
  const file = Array.isArray(config) ? { rules: config } : config
  const decoded = AlertRuleFileCodec.decode(file)
  if (E.isLeft(decoded)) return E.left(formatValidationErrors(decoded.left))
  const problems = duplicateIds(decoded.right.rules)
  return problems.length > 0 ? E.left(problems) : E.right(decoded.right.rules)
}

/**
 * {@link loadRules}, throwing an {@link AlertRuleError} that lists every problem.
 *
 * @example
 * const rules = loadRulesOrThrow(JSON.parse(readFileSync('alerts.json', 'utf8')))
 */
export function loadRulesOrThrow(config: unknown): ReadonlyArray<AlertRule> {
  const loaded = loadRules(config)
  if (E.isLeft(loaded)) throw new AlertRuleError(loaded.left)
  return loaded.right
}
