import { either as E } from 'fp-ts'
import { isLabelName, severities, type AlertRule, type Severity } from './AlertRule'
import { show } from './codecs'
import { inhibitionProblems } from './inhibit'
import { defaultInhibitions, effectiveInhibitions, type Inhibition } from './inhibitions'
import { AlertRuleError, loadRules, type RuleProblems } from './loadRules'
import { escapeRegex, promDuration } from './promql'
import { hasControlCharacter, selectorProblems } from './selector'
import { yamlQuoted, yamlString } from './yaml'

/** Who hears of each severity: the names of Alertmanager receivers. */
export interface AlertmanagerReceivers {
  /** Wakes someone (PagerDuty, Opsgenie): every `page` alert, and the page pairs of SLO rules. */
  readonly page: string
  /** Waits for working hours (an issue tracker, a team channel): `ticket` alerts and the ticket pairs of SLO rules. */
  readonly ticket: string
  /** `info` alerts. Default `null`: a receiver with no integrations, so they stay on dashboards. */
  readonly info?: string
}

/** How Alertmanager batches and repeats the notifications of one route, in seconds. */
export interface AlertmanagerTiming {
  /** How long a new group waits for more alerts before its first notification. */
  readonly groupWaitSeconds: number
  /** How long a group waits before notifying of alerts added to it. */
  readonly groupIntervalSeconds: number
  /** How often a group still firing is notified again. */
  readonly repeatIntervalSeconds: number
}

/** Options of {@link toAlertmanagerConfig}. */
export interface AlertmanagerConfigOptions {
  /** The receiver of each severity. */
  readonly receivers: AlertmanagerReceivers
  /**
   * The root route's receiver: what alerts that are not faultline's reach when the generated file is your
   * whole configuration. Default `receivers.ticket`.
   */
  readonly defaultReceiver?: string
  /**
   * The integrations of named receivers, as Alertmanager's YAML has them (`{ pagerduty_configs: [...] }`),
   * written as given. A receiver without one is written with no integrations: add them to the file, or here,
   * so that regenerating the file does not lose them. Prefer the `*_file` fields (`routing_key_file`,
   * `api_url_file`) so that the generated file holds no secret.
   */
  readonly receiverConfigs?: Readonly<Record<string, Readonly<Record<string, unknown>>>>
  /**
   * The rule set's inhibitions (give the engine the same list). Default `defaultInhibitions`. Each is written
   * for the rules of the set it names: a target not in the set is left out, an inhibition without its source
   * or any target in the set is left out.
   */
  readonly inhibitions?: ReadonlyArray<Inhibition>
  /**
   * The `selector` given to `toPrometheusRules` (`{ env: 'prod' }`): the compiled alerts carry its labels, so
   * every matcher requires them too; only this rule set's alerts of this selector are routed and inhibited.
   */
  readonly selector?: Readonly<Record<string, string>>
  /** Overrides of {@link defaultAlertmanagerTiming}, per severity. */
  readonly timing?: Partial<Record<Severity, Partial<AlertmanagerTiming>>>
}

/**
 * Batching and repeats per severity. A page is sent 30 s after its first alert (enough for the other vendors
 * or reasons of the same incident to join it) and repeated hourly while it fires; a ticket waits 5 minutes,
 * batches what joins it for 30 minutes and is repeated daily; info the same, hourly batches. Repeats stay
 * below Alertmanager's default 120 h notification-log retention.
 */
export const defaultAlertmanagerTiming: Readonly<Record<Severity, AlertmanagerTiming>> = {
  page: { groupWaitSeconds: 30, groupIntervalSeconds: 300, repeatIntervalSeconds: 3_600 },
  ticket: { groupWaitSeconds: 300, groupIntervalSeconds: 1_800, repeatIntervalSeconds: 86_400 },
  info: { groupWaitSeconds: 300, groupIntervalSeconds: 3_600, repeatIntervalSeconds: 86_400 },
}

/** The receiver of `info` alerts when none is named: no integrations (the kube-prometheus convention). */
export const nullReceiver = 'null'

/**
 * How faultline's alerts are grouped into notifications: one per rule (`alertname`) and vendor. Per vendor,
 * as an incident is a vendor's; per rule, so that two incidents of the same vendor (its credentials and its
 * availability) reach the person paged as two notifications with their own summary and runbook. A rule's
 * other group labels (`reason`, `status`) and an SLO rule's window pairs are listed inside one notification.
 */
export const alertmanagerGroupBy: ReadonlyArray<string> = ['alertname', 'vendor']

/** One Alertmanager `inhibit_rules` entry, as `toAlertmanagerConfig` writes it. */
interface AlertmanagerInhibitRule {
  /** Why, in one line (a comment above the entry). */
  readonly comment: string
  readonly sourceMatchers: ReadonlyArray<string>
  readonly targetMatchers: ReadonlyArray<string>
  readonly equal: ReadonlyArray<string>
}


/** An Alertmanager label value in a matcher: double-quoted, with its `\`, `"` and line breaks escaped. */
const matcherValue = (value: string): string => `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`

/** A matcher in Alertmanager's `matchers` syntax: `rule_id="vendor-degraded"`, `rule_id=~"a|b"` for several values. */
export function alertmanagerMatcher(label: string, values: string | ReadonlyArray<string>): string {
  const list = typeof values === 'string' ? [values] : values
  return list.length === 1 ? `${label}=${matcherValue(list[0] as string)}` : `${label}=~${matcherValue(list.map(escapeRegex).join('|'))}`
}

/** The matchers of the selector's labels, which every compiled alert carries. */
const selectorMatchers = (options: AlertmanagerConfigOptions): ReadonlyArray<string> =>
  Object.entries(options.selector ?? {}).map(([label, value]) => alertmanagerMatcher(label, value))

/**
 * The inhibitions of a rule set, as Alertmanager entries: those of `effectiveInhibitions` (which the engine
 * applies too), so the given list for the rules of the set it names, then per SLO rule its page pairs muting
 * its ticket pairs of the same group. A label of `equal` that both alerts lack counts as equal (Alertmanager's
 * rule, and the engine's). Malformed inhibitions are problems (those `createAlertEngine` refuses).
 */
function inhibitRulesOf(
  rules: ReadonlyArray<AlertRule>,
  options: AlertmanagerConfigOptions,
  problems: Array<string>,
): ReadonlyArray<AlertmanagerInhibitRule> {
  const inhibitions: unknown = options.inhibitions ?? defaultInhibitions
  const statics = selectorMatchers(options)
  const malformed = inhibitionProblems(inhibitions)
  if (malformed.length > 0) {
    problems.push(...malformed)
    return []
  }
  return effectiveInhibitions(rules, inhibitions as ReadonlyArray<Inhibition>).map(({ source, targets, equal, sourceSeverity, targetSeverity }) => {
    const severity = (value: string | undefined) => (value === undefined ? [] : [alertmanagerMatcher('severity', value)])
    return {
      comment:
        sourceSeverity === undefined
          ? `While ${source} fires, ${targets.join(', ')} ${targets.length === 1 ? 'is a symptom' : 'are symptoms'}${equal.length === 0 ? '' : ` (same ${equal.join(', ')})`}.`
          : `${source}: a ${sourceSeverity} pair firing mutes the ${String(targetSeverity)} pairs of the same group (the same burn, already paged).`,
      sourceMatchers: [alertmanagerMatcher('rule_id', source), ...severity(sourceSeverity), ...statics],
      targetMatchers: [alertmanagerMatcher('rule_id', targets), ...severity(targetSeverity), ...statics],
      equal,
    }
  })
}

const receiverName = (value: unknown, at: string, problems: Array<string>): value is string => {
  if (typeof value === 'string' && value.trim() !== '' && !hasControlCharacter(value)) return true
  problems.push(`${at}: expected a receiver name (a non-empty string without control characters), got ${show(value)}`)
  return false
}

const isPlainObject = (value: unknown): value is Readonly<Record<string, unknown>> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && [Object.prototype, null].includes(Object.getPrototypeOf(value))

const maxBodyDepth = 12

/** Problems of a receiver body: plain data (strings, finite numbers, booleans, null, lists, objects), not too deep. */
function bodyProblems(value: unknown, at: string, depth: number, ancestors: Set<object>, problems: Array<string>): void {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) problems.push(`${at}: expected a finite number, got ${show(value)}`)
    return
  }
  if (typeof value !== 'object' || (!Array.isArray(value) && !isPlainObject(value))) {
    problems.push(`${at}: expected plain data (a string, number, boolean, null, list or object), got ${show(value)}`)
    return
  }
  if (ancestors.has(value) || depth > maxBodyDepth) {
    problems.push(`${at}: nested too deep (or a cycle) for a receiver configuration`)
    return
  }
  ancestors.add(value)
  if (Array.isArray(value)) value.forEach((element, index) => bodyProblems(element, `${at}[${index}]`, depth + 1, ancestors, problems))
  else for (const [key, element] of Object.entries(value)) bodyProblems(element, `${at}.${key}`, depth + 1, ancestors, problems)
  ancestors.delete(value)
}

function timingOf(options: AlertmanagerConfigOptions, problems: Array<string>): Record<Severity, AlertmanagerTiming> {
  const result = { ...defaultAlertmanagerTiming }
  for (const [severity, overrides] of Object.entries(options.timing ?? {})) {
    if (!severities.includes(severity as Severity)) {
      problems.push(`timing.${severity}: unknown severity; expected one of ${severities.join(', ')}`)
      continue
    }
    for (const [field, value] of Object.entries(overrides ?? {})) {
      const at = `timing.${severity}.${field}`
      if (!['groupWaitSeconds', 'groupIntervalSeconds', 'repeatIntervalSeconds'].includes(field)) {
        problems.push(`${at}: unknown field; expected one of groupWaitSeconds, groupIntervalSeconds, repeatIntervalSeconds`)
      } else if (!(typeof value === 'number' && Number.isSafeInteger(value) && (value > 0 || (value === 0 && field === 'groupWaitSeconds')))) {
        problems.push(`${at}: expected a ${field === 'groupWaitSeconds' ? 'non-negative' : 'positive'} integer, got ${show(value)}`)
      }
    }
    result[severity as Severity] = { ...result[severity as Severity], ...overrides }
  }
  return result
}

/** The YAML lines of a plain value under `indent` spaces (block style; strings double-quoted). */
function yamlLines(value: unknown, indent: number): Array<string> {
  const pad = ' '.repeat(indent)
  const scalar = (v: unknown): string | undefined =>
    typeof v === 'string'
      ? yamlString(v)
      : typeof v === 'number' || typeof v === 'boolean' || v === null
        ? String(v)
        : Array.isArray(v) && v.length === 0
          ? '[]'
          : isPlainObject(v) && Object.keys(v).length === 0
            ? '{}'
            : undefined
  const key = (k: string) => (isLabelName(k) ? k : yamlString(k))
  if (Array.isArray(value)) {
    return value.flatMap((element) => {
      const inline = scalar(element)
      if (inline !== undefined) return [`${pad}- ${inline}`]
      const [first, ...rest] = yamlLines(element, indent + 2)
      return [`${pad}- ${(first as string).slice(indent + 2)}`, ...rest]
    })
  }
  return Object.entries(value as Record<string, unknown>).flatMap(([k, element]) => {
    const inline = scalar(element)
    return inline !== undefined ? [`${pad}${key(k)}: ${inline}`] : [`${pad}${key(k)}:`, ...yamlLines(element, indent + 2)]
  })
}

const list = (items: ReadonlyArray<string>, render: (item: string) => string = yamlString) => `[${items.map(render).join(', ')}]`

function render(
  rules: ReadonlyArray<AlertRule>,
  options: AlertmanagerConfigOptions,
  timing: Record<Severity, AlertmanagerTiming>,
  inhibitRules: ReadonlyArray<AlertmanagerInhibitRule>,
): string {
  const receiverOf: Record<Severity, string> = {
    page: options.receivers.page,
    ticket: options.receivers.ticket,
    info: options.receivers.info ?? nullReceiver,
  }
  const root = options.defaultReceiver ?? options.receivers.ticket
  const faultline = [alertmanagerMatcher('rule_id', rules.map((rule) => rule.id)), ...selectorMatchers(options)]
  const lines = [
    `# Generated by @faultline/alerting from ${rules.length} rule(s); regenerate instead of editing.`,
    '# To merge into your own configuration: copy the faultline route (under routes), inhibit_rules and receivers.',
    'route:',
    `  receiver: ${yamlString(root)}`,
    `  group_by: ${list(alertmanagerGroupBy)}`,
    '  routes:',
    "    # faultline's alerts, by severity.",
    `    - matchers: ${list(faultline, yamlQuoted)}`,
    `      group_by: ${list(alertmanagerGroupBy)}`,
    '      routes:',
  ]
  for (const severity of severities) {
    const { groupWaitSeconds, groupIntervalSeconds, repeatIntervalSeconds } = timing[severity]
    lines.push(
      `        - matchers: ${list([alertmanagerMatcher('severity', severity)], yamlQuoted)}`,
      `          receiver: ${yamlString(receiverOf[severity])}`,
      `          group_wait: ${promDuration(groupWaitSeconds)}`,
      `          group_interval: ${promDuration(groupIntervalSeconds)}`,
      `          repeat_interval: ${promDuration(repeatIntervalSeconds)}`,
    )
  }
  if (inhibitRules.length > 0) {
    lines.push('inhibit_rules:')
    for (const rule of inhibitRules) {
      lines.push(
        `  # ${rule.comment}`,
        `  - source_matchers: ${list(rule.sourceMatchers, yamlQuoted)}`,
        `    target_matchers: ${list(rule.targetMatchers, yamlQuoted)}`,
        `    equal: ${list(rule.equal)}`,
      )
    }
  }
  lines.push('receivers:')
  for (const name of [...new Set([root, ...severities.map((severity) => receiverOf[severity])])]) {
    lines.push(`  - name: ${yamlString(name)}`)
    const body = options.receiverConfigs?.[name]
    if (body === undefined || Object.keys(body).length === 0) {
      lines.push(`    # no integrations yet: ${name === nullReceiver ? 'info alerts stay on dashboards' : 'add pagerduty_configs, slack_configs, webhook_configs, ...'}`)
    } else lines.push(...yamlLines(body, 4))
  }
  return `${lines.join('\n')}\n`
}

function optionProblems(options: AlertmanagerConfigOptions, rules: ReadonlyArray<AlertRule>): Array<string> {
  const problems: Array<string> = []
  if (!isPlainObject(options.receivers)) {
    problems.push(`receivers: expected { page, ticket, info? } receiver names, got ${show(options.receivers)}`)
  } else {
    for (const key of Object.keys(options.receivers)) {
      if (!severities.includes(key as Severity)) problems.push(`receivers.${key}: unknown field; expected one of ${severities.join(', ')}`)
    }
    receiverName(options.receivers.page, 'receivers.page', problems)
    receiverName(options.receivers.ticket, 'receivers.ticket', problems)
    if (options.receivers.info !== undefined) receiverName(options.receivers.info, 'receivers.info', problems)
  }
  if (options.defaultReceiver !== undefined) receiverName(options.defaultReceiver, 'defaultReceiver', problems)
  const named = new Set(
    [options.defaultReceiver, options.receivers?.page, options.receivers?.ticket, options.receivers?.info ?? nullReceiver].filter(
      (name): name is string => receiverName(name, '', []),
    ),
  )
  if (options.receiverConfigs !== undefined && !isPlainObject(options.receiverConfigs)) {
    problems.push(`receiverConfigs: expected an object of receiver name to configuration, got ${show(options.receiverConfigs)}`)
  } else {
    for (const [name, body] of Object.entries(options.receiverConfigs ?? {})) {
      const at = `receiverConfigs[${JSON.stringify(name)}]`
      if (!named.has(name)) {
        problems.push(`${at}: not a receiver the configuration routes to (${[...named].map((n) => JSON.stringify(n)).join(', ')})`)
      } else if (!isPlainObject(body)) {
        problems.push(`${at}: expected an object of integrations ({ pagerduty_configs: [...] }), got ${show(body)}`)
      } else if (Object.prototype.hasOwnProperty.call(body, 'name')) {
        problems.push(`${at}.name: the receiver's name is its key; leave name out`)
      } else bodyProblems(body, at, 0, new Set(), problems)
    }
  }
  problems.push(...selectorProblems(options.selector))
  rules.forEach((rule, index) => {
    if (rule.groupBy.includes('vendorCode')) {
      problems.push(`rules[${index}].groupBy: vendorCode is not a metric label, so Prometheus never sends this rule's alerts to Alertmanager; keep the rule in process only`)
    }
  })
  return problems
}

/**
 * Writes an Alertmanager configuration for a rule set, or says what is wrong with the rules or the options.
 *
 * - `route`: faultline's alerts (`rule_id` one of the set's ids, and the static labels) go to the receiver of
 *   their severity (an SLO rule's page pairs to `page`, its ticket pairs to `ticket`), grouped by alertname
 *   and vendor, with the batching of {@link defaultAlertmanagerTiming}; other alerts to `defaultReceiver`.
 * - `inhibit_rules`: the set's inhibitions (by default `defaultInhibitions`: a vendor's `vendor-degraded`
 *   mutes its `rate-limited`, `integration-bug` and `vendor-api-drift`), and for each SLO rule its page pairs
 *   muting its ticket pairs of the same group.
 * - `receivers`: every receiver named, with the integrations of `receiverConfigs` (none otherwise).
 *
 * @example
 * const config = compileAlertmanagerConfig(defaultRules, { receivers: { page: 'pagerduty-oncall', ticket: 'jira' } })
 * if (E.isRight(config)) writeFileSync('alertmanager.yml', config.right)
 */
export function compileAlertmanagerConfig(
  rules: ReadonlyArray<AlertRule>,
  options: AlertmanagerConfigOptions,
): E.Either<RuleProblems, string> {
  const loaded = loadRules(rules)
  if (E.isLeft(loaded)) return loaded
  if (!isPlainObject(options)) return E.left([`(options): expected an object with receivers, got ${show(options)}`])
  if (loaded.right.length === 0) return E.left(['rules: expected at least one rule; an empty rule set routes nothing'])
  const problems = optionProblems(options, loaded.right)
  const timing = timingOf(options, problems)
  const inhibitRules = inhibitRulesOf(loaded.right, options, problems)
  return problems.length > 0 ? E.left(problems) : E.right(render(loaded.right, options, timing, inhibitRules))
}

/**
 * {@link compileAlertmanagerConfig}, throwing an `AlertRuleError` that lists every problem.
 *
 * @example
 * writeFileSync('alertmanager.yml', toAlertmanagerConfig(defaultRules, { receivers: { page: 'pagerduty-oncall', ticket: 'jira' } }))
 * // then: amtool check-config alertmanager.yml
 */
export function toAlertmanagerConfig(rules: ReadonlyArray<AlertRule>, options: AlertmanagerConfigOptions): string {
  const compiled = compileAlertmanagerConfig(rules, options)
  if (E.isLeft(compiled)) throw new AlertRuleError(compiled.left)
  return compiled.right
}
