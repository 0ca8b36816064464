import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { either as E } from 'fp-ts'
import { parse } from 'yaml'
import {
  AlertRuleError,
  alertmanagerMatcher,
  compileAlertmanagerConfig,
  defaultAlertmanagerTiming,
  defaultInhibitions,
  defaultRules,
  toAlertmanagerConfig,
  toPrometheusRules,
  type AlertmanagerConfigOptions,
  type AlertRule,
  type Inhibition,
} from '@faultline/alerting'
import { findExecutable, missingTool, runTool } from './fixtures/tools'

// The generated Alertmanager configuration: its structure (parsed back), its validation, and the real tools:
// `amtool check-config`, `amtool config routes test` for the labels the compiled Prometheus alerts carry, and
// a real Alertmanager that is sent alerts and says which it inhibits (amtool cannot evaluate inhibitions).

/** An SLO rule next to the default pack: its page pairs and ticket pairs must route apart, and inhibit. */
const availability: AlertRule = {
  id: 'vendor-availability',
  summary: 'The vendor fails more requests than its objective allows.',
  match: { kind: ['timeout', 'unavailable'] },
  groupBy: ['vendor'],
  slo: { objective: 0.999 },
}
const rules: ReadonlyArray<AlertRule> = [...defaultRules.filter((rule) => rule.id !== availability.id), availability]
const receivers = { page: 'pagerduty-oncall', ticket: 'jira' } as const
const options: AlertmanagerConfigOptions = { receivers, defaultReceiver: 'catch-all' }

interface Config {
  route: {
    receiver: string
    group_by: string[]
    routes: Array<{ matchers: string[]; group_by: string[]; routes: Array<{ matchers: string[]; receiver: string; group_wait: string; group_interval: string; repeat_interval: string }> }>
  }
  inhibit_rules: Array<{ source_matchers: string[]; target_matchers: string[]; equal: string[] }>
  receivers: Array<Record<string, unknown> & { name: string }>
}

const parsed = (text: string) => parse(text) as Config
/** What each SLO rule of a set inhibits: its ticket pairs while a page pair fires, per group. */
const sloInhibitions = (set: ReadonlyArray<AlertRule>) =>
  set
    .filter((rule) => 'slo' in rule)
    .map((rule) => ({
      source_matchers: [`rule_id="${rule.id}"`, 'severity="page"'],
      target_matchers: [`rule_id="${rule.id}"`, 'severity="ticket"'],
      equal: rule.groupBy,
    }))
const problemsOf = (rulesGiven: ReadonlyArray<AlertRule>, given: AlertmanagerConfigOptions) => {
  const compiled = compileAlertmanagerConfig(rulesGiven, given)
  return E.isLeft(compiled) ? compiled.left : []
}

describe('toAlertmanagerConfig', () => {
  it('routes faultline\'s alerts (by rule_id) to the receiver of their severity, grouped by alertname and vendor, with the documented timing', () => {
    const config = parsed(toAlertmanagerConfig(rules, options))
    expect(config.route.receiver).toBe('catch-all')
    expect(config.route.group_by).toEqual(['alertname', 'vendor'])
    const [faultline, ...others] = config.route.routes
    expect(others).toEqual([])
    expect(faultline?.matchers).toEqual([`rule_id=~"${rules.map((rule) => rule.id).join('|')}"`])
    expect(faultline?.group_by).toEqual(['alertname', 'vendor'])
    expect(faultline?.routes).toEqual([
      { matchers: ['severity="page"'], receiver: 'pagerduty-oncall', group_wait: '30s', group_interval: '5m', repeat_interval: '1h' },
      { matchers: ['severity="ticket"'], receiver: 'jira', group_wait: '5m', group_interval: '30m', repeat_interval: '24h' },
      { matchers: ['severity="info"'], receiver: 'null', group_wait: '5m', group_interval: '1h', repeat_interval: '24h' },
    ])
    expect(config.receivers.map((receiver) => receiver.name)).toEqual(['catch-all', 'pagerduty-oncall', 'jira', 'null'])
    expect(config.receivers.every((receiver) => Object.keys(receiver).length === 1)).toBe(true)
  })

  it('without a default receiver, other alerts go to the ticket receiver; a named info receiver takes info alerts', () => {
    const config = parsed(toAlertmanagerConfig(rules, { receivers: { ...receivers, info: 'dashboards' } }))
    expect(config.route.receiver).toBe('jira')
    expect(config.route.routes[0]?.routes.map((route) => route.receiver)).toEqual(['pagerduty-oncall', 'jira', 'dashboards'])
    expect(config.receivers.map((receiver) => receiver.name)).toEqual(['jira', 'pagerduty-oncall', 'dashboards'])
  })

  it('writes the inhibitions of the set: vendor-degraded mutes its symptoms per vendor, an SLO rule\'s page pairs mute its ticket pairs per group', () => {
    const config = parsed(toAlertmanagerConfig(rules, options))
    expect(defaultInhibitions).toHaveLength(1)
    expect(config.inhibit_rules).toEqual([
      {
        source_matchers: ['rule_id="vendor-degraded"'],
        target_matchers: ['rule_id=~"rate-limited|integration-bug|vendor-api-drift"'],
        equal: ['vendor'],
      },
      ...sloInhibitions(rules),
    ])
    expect(sloInhibitions(rules).length).toBeGreaterThanOrEqual(1)
  })

  it('keeps the default inhibitions only where their rules are in the set, and no inhibit_rules at all when none apply', () => {
    const subset = defaultRules.filter((rule) => ['vendor-degraded', 'integration-bug', 'credentials-failing'].includes(rule.id))
    expect(parsed(toAlertmanagerConfig(subset, options)).inhibit_rules).toEqual([
      { source_matchers: ['rule_id="vendor-degraded"'], target_matchers: ['rule_id="integration-bug"'], equal: ['vendor'] },
    ])
    // Without vendor-degraded, only the SLO rules' own inhibitions are left; without SLO rules either, none.
    const withoutSource = defaultRules.filter((rule) => rule.id !== 'vendor-degraded')
    expect(parsed(toAlertmanagerConfig(withoutSource, options)).inhibit_rules ?? []).toEqual(sloInhibitions(withoutSource))
    const text = toAlertmanagerConfig(withoutSource.filter((rule) => !('slo' in rule)), options)
    expect(parsed(text).inhibit_rules).toBeUndefined()
    expect(text).not.toMatch(/^inhibit_rules:/m)
  })

  it('writes given inhibitions for the rules of the set they name, and refuses malformed ones (as the engine does)', () => {
    const config = parsed(
      toAlertmanagerConfig(rules, {
        ...options,
        inhibitions: [
          { source: 'credentials-failing', targets: ['access-denied', 'not-in-this-set'], equal: ['vendor'] },
          { source: 'not-in-this-set', targets: ['access-denied'], equal: [] },
          { source: 'webhook-forgery', targets: ['verification-required'], equal: [] },
        ],
      }),
    )
    expect(config.inhibit_rules).toEqual([
      { source_matchers: ['rule_id="credentials-failing"'], target_matchers: ['rule_id="access-denied"'], equal: ['vendor'] },
      { source_matchers: ['rule_id="webhook-forgery"'], target_matchers: ['rule_id="verification-required"'], equal: [] },
      // The default inhibitions are replaced, the SLO ones stay.
      ...sloInhibitions(rules),
    ])
    expect(
      problemsOf(rules, {
        ...options,
        inhibitions: [
          { source: '', targets: ['rate-limited'], equal: ['vendor'] },
          { source: 'vendor-degraded', targets: ['access-denied', 'vendor-degraded'], equal: ['bad-label'] },
          { source: 'vendor-degraded', targets: [], equal: [] },
          null,
        ] as unknown as ReadonlyArray<Inhibition>,
      }),
    ).toEqual([
      'inhibitions[0].source: expected a rule id, got ""',
      'inhibitions[1].targets: "vendor-degraded" cannot inhibit its own alerts',
      'inhibitions[1].equal: expected a list of label names, got ["bad-label"]',
      'inhibitions[2].targets: expected a non-empty list of rule ids, got []',
      'inhibitions[3]: expected { source, targets, equal }, got null',
    ])
  })

  it('restricts every matcher to the selector\'s labels, which the compiled alerts carry', () => {
    const config = parsed(toAlertmanagerConfig(rules, { ...options, selector: { env: 'prod "eu"\\1' } }))
    const env = 'env="prod \\"eu\\"\\\\1"'
    expect(config.route.routes[0]?.matchers).toEqual([expect.stringMatching(/^rule_id=~/), env])
    expect(config.inhibit_rules[0]).toEqual({
      source_matchers: ['rule_id="vendor-degraded"', env],
      target_matchers: ['rule_id=~"rate-limited|integration-bug|vendor-api-drift"', env],
      equal: ['vendor'],
    })
  })

  it('writes receiver bodies as given (YAML that parses back to them), so that regenerating keeps the integrations', () => {
    const pagerduty = { pagerduty_configs: [{ routing_key_file: '/etc/alertmanager/pagerduty.key', send_resolved: true, details: { 'runbook url': '{{ .CommonAnnotations.runbook }}' } }] }
    const jira = { webhook_configs: [{ url: 'http://127.0.0.1:9095/jira', max_alerts: 20 }], email_configs: [] }
    const config = parsed(toAlertmanagerConfig(rules, { ...options, receiverConfigs: { 'pagerduty-oncall': pagerduty, jira } }))
    expect(config.receivers).toEqual([{ name: 'catch-all' }, { name: 'pagerduty-oncall', ...pagerduty }, { name: 'jira', ...jira }, { name: 'null' }])
  })

  it('lets each severity\'s timing be overridden', () => {
    const config = parsed(toAlertmanagerConfig(rules, { ...options, timing: { page: { repeatIntervalSeconds: 14_400, groupWaitSeconds: 0 } } }))
    expect(config.route.routes[0]?.routes[0]).toMatchObject({ group_wait: '0s', group_interval: '5m', repeat_interval: '4h' })
    expect(defaultAlertmanagerTiming.page.repeatIntervalSeconds).toBe(3_600)
  })

  it('says what is wrong with the options, all at once, and the throwing variant throws them', () => {
    const bad = {
      receivers: { page: '', ticket: 'jira', pager: 'x' },
      defaultReceiver: 'line\nbreak',
      receiverConfigs: { nobody: {}, jira: { name: 'jira' }, 'null': { webhook_configs: [{ max_alerts: Infinity, url: () => 1 }] } },
      selector: { __meta: 'x', severity: 'high', team: '' },
      timing: { page: { groupIntervalSeconds: 0, repeat: 1 }, urgent: {} },
    } as unknown as AlertmanagerConfigOptions
    const problems = problemsOf(rules, bad)
    expect(problems).toEqual([
      'receivers.pager: unknown field; expected one of page, ticket, info',
      'receivers.page: expected a receiver name (a non-empty string without control characters), got ""',
      'defaultReceiver: expected a receiver name (a non-empty string without control characters), got "line\\nbreak"',
      'receiverConfigs["nobody"]: not a receiver the configuration routes to ("jira", "null")',
      'receiverConfigs["jira"].name: the receiver\'s name is its key; leave name out',
      'receiverConfigs["null"].webhook_configs[0].max_alerts: expected a finite number, got Infinity',
      'receiverConfigs["null"].webhook_configs[0].url: expected plain data (a string, number, boolean, null, list or object), got a function',
      'selector.__meta: not a label name a selector may match (letters, digits and _, not starting with __, none of alertname, severity, rule_id, slo_window, vendor, kind, reason, status, recognized, retryable)',
      'selector.severity: not a label name a selector may match (letters, digits and _, not starting with __, none of alertname, severity, rule_id, slo_window, vendor, kind, reason, status, recognized, retryable)',
      'selector.team: expected a non-empty string without control characters, got ""',
      'timing.page.groupIntervalSeconds: expected a positive integer, got 0',
      'timing.page.repeat: unknown field; expected one of groupWaitSeconds, groupIntervalSeconds, repeatIntervalSeconds',
      'timing.urgent: unknown severity; expected one of page, ticket, info',
    ])
    expect(() => toAlertmanagerConfig(rules, bad)).toThrow(AlertRuleError)
    expect(problemsOf(rules, { receivers: undefined } as unknown as AlertmanagerConfigOptions)[0]).toMatch(/^receivers: expected/)
  })

  it('refuses invalid rules (as loadRules says), an empty set, and rules Prometheus cannot send (groupBy vendorCode)', () => {
    expect(problemsOf([{ ...availability, id: 'Not Kebab' }], options)).toEqual(['rules[0].id: expected a kebab-case id, got "Not Kebab"'])
    expect(problemsOf([], options)).toEqual(['rules: expected at least one rule; an empty rule set routes nothing'])
    expect(problemsOf([{ ...availability, groupBy: ['vendor', 'vendorCode'] }], options)).toEqual([
      'rules[0].groupBy: vendorCode is not a metric label, so Prometheus never sends this rule\'s alerts to Alertmanager; keep the rule in process only',
    ])
  })

  it('writes matchers with their values escaped as Alertmanager reads them, several values as an anchored regex', () => {
    expect(alertmanagerMatcher('rule_id', 'vendor-degraded')).toBe('rule_id="vendor-degraded"')
    expect(alertmanagerMatcher('rule_id', ['a-b', 'c.d'])).toBe('rule_id=~"a-b|c\\\\.d"')
    expect(alertmanagerMatcher('env', 'say "hi"\\\n')).toBe('env="say \\"hi\\"\\\\\\n"')
  })

  it('is deterministic', () => {
    expect(toAlertmanagerConfig(rules, options)).toBe(toAlertmanagerConfig([...rules], { ...options }))
  })
})

const amtool = findExecutable('amtool')
const alertmanager = findExecutable('alertmanager', 'prometheus-alertmanager')
const install = 'apt-get install prometheus-alertmanager'

/** The labels of every alert the compiled Prometheus rules can fire, with a value for each group label. */
function compiledAlerts(selector: Readonly<Record<string, string>>, staticLabels: Readonly<Record<string, string>>): Array<Record<string, string>> {
  const groupValues: Readonly<Record<string, string>> = { vendor: 'medblocks', reason: 'throttled', kind: 'timeout', status: '503' }
  const file = parse(toPrometheusRules(rules, { selector, staticLabels })) as { groups: Array<{ rules: Array<{ alert?: string; labels: Record<string, string> }> }> }
  return file.groups.flatMap((group) =>
    group.rules.flatMap((entry) => {
      if (entry.alert === undefined) return []
      const rule = rules.find((r) => r.id === entry.labels.rule_id) as AlertRule
      return [{ alertname: entry.alert, ...Object.fromEntries(rule.groupBy.map((field) => [field, groupValues[field] as string])), ...entry.labels }]
    }),
  )
}

describe('amtool', () => {
  if (amtool === undefined) {
    missingTool('amtool', install)
    return
  }
  const tool = amtool
  const directory = mkdtempSync(join(tmpdir(), 'faultline-amtool-'))
  const write = (name: string, text: string) => {
    const path = join(directory, name)
    writeFileSync(path, text)
    return path
  }
  const routeOf = (file: string, labels: Readonly<Record<string, string>>) => {
    const result = runTool(tool, ['config', 'routes', 'test', `--config.file=${file}`, ...Object.entries(labels).map(([k, v]) => `${k}=${v}`)])
    expect(result.status, result.output).toBe(0)
    return result.stdout.trim()
  }

  it('check-config accepts the configuration of the default pack with an SLO rule, with and without receiver bodies', () => {
    for (const [name, given] of Object.entries({
      'plain.yml': options,
      'bodies.yml': {
        receivers: { ...receivers, info: 'dashboards' },
        selector: { env: 'prod' },
        receiverConfigs: {
          'pagerduty-oncall': { pagerduty_configs: [{ routing_key_file: '/etc/alertmanager/pagerduty.key', send_resolved: true }] },
          jira: { webhook_configs: [{ url: 'http://127.0.0.1:9095/jira', max_alerts: 20 }] },
        },
      },
    } satisfies Record<string, AlertmanagerConfigOptions>)) {
      const check = runTool(tool, ['check-config', write(name, toAlertmanagerConfig(rules, given))])
      expect(check.status, check.output).toBe(0)
      expect(check.output).toContain('SUCCESS')
      expect(check.output).toMatch(/\d+ inhibit rules/)
    }
  })

  it('negative control: check-config fails on a receiver body Alertmanager does not know', () => {
    const config = toAlertmanagerConfig(rules, { ...options, receiverConfigs: { jira: { webhook_configs: [{ uri: 'http://example.com' }] } } })
    const check = runTool(tool, ['check-config', write('bad.yml', config)])
    expect(check.status).not.toBe(0)
    expect(check.output).toMatch(/FAILED|field uri not found|url/i)
  })

  it('config routes test: every alert the compiled rules can fire reaches the receiver of its severity (SLO ticket pairs the ticket receiver)', () => {
    const file = write('routes.yml', toAlertmanagerConfig(rules, { ...options, selector: { env: 'prod' } }))
    const alerts = compiledAlerts({ env: 'prod' }, { team: 'integrations' })
    expect(alerts.filter((labels) => labels.rule_id === availability.id).map((labels) => `${labels.severity} ${labels.slo_window}`)).toEqual([
      'page 1h/5m',
      'page 6h/30m',
      'ticket 1d/2h',
      'ticket 3d/6h',
    ])
    const expected = { page: 'pagerduty-oncall', ticket: 'jira', info: 'null' } as Record<string, string>
    for (const labels of alerts) expect(routeOf(file, labels), JSON.stringify(labels)).toBe(expected[labels.severity as string])
    // The issue's example, and an info alert of a faultline rule.
    expect(routeOf(file, { severity: 'page', rule_id: 'vendor-degraded', vendor: 'medblocks', env: 'prod' })).toBe('pagerduty-oncall')
    expect(routeOf(file, { severity: 'info', rule_id: 'vendor-degraded', vendor: 'medblocks', env: 'prod' })).toBe('null')
    // Not faultline's (another rule_id, or another environment): the default receiver.
    expect(routeOf(file, { severity: 'page', rule_id: 'disk-full', env: 'prod' })).toBe('catch-all')
    expect(routeOf(file, { severity: 'page', rule_id: 'vendor-degraded', vendor: 'medblocks', env: 'staging' })).toBe('catch-all')
  })
})

describe('a real Alertmanager applies the inhibitions', () => {
  if (alertmanager === undefined) {
    missingTool('alertmanager', install)
    return
  }
  const binary = alertmanager
  let server: ChildProcess | undefined
  let url = ''
  let log = ''

  const freePort = () =>
    new Promise<number>((resolve, reject) => {
      const probe = createServer()
      probe.once('error', reject)
      probe.listen(0, '127.0.0.1', () => {
        const address = probe.address()
        probe.close(() => (typeof address === 'object' && address !== null ? resolve(address.port) : reject(new Error('no port'))))
      })
    })

  beforeAll(async () => {
    const directory = mkdtempSync(join(tmpdir(), 'faultline-alertmanager-'))
    const config = join(directory, 'alertmanager.yml')
    writeFileSync(config, toAlertmanagerConfig(rules, options))
    const port = await freePort()
    url = `http://127.0.0.1:${port}`
    server = spawn(
      binary,
      [
        `--config.file=${config}`,
        `--storage.path=${join(directory, 'data')}`,
        `--web.listen-address=127.0.0.1:${port}`,
        '--cluster.listen-address=',
        '--log.level=warn',
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    )
    server.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()))
    server.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()))
    for (const deadline = Date.now() + 20_000; ; ) {
      const ready = await fetch(`${url}/-/ready`).then((response) => response.ok, () => false)
      if (ready) break
      if (Date.now() > deadline || server.exitCode !== null) throw new Error(`Alertmanager did not start:\n${log}`)
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
  }, 30_000)

  afterAll(() => {
    server?.kill()
  })

  interface ApiAlert {
    labels: Record<string, string>
    status: { state: string; inhibitedBy: string[] }
    receivers: Array<{ name: string }>
  }

  it('a firing vendor-degraded mutes that vendor\'s rate-limited, not another vendor\'s; an SLO page pair mutes its ticket pairs of that vendor', async () => {
    const alert = (labels: Record<string, string>) => ({ labels: { team: 'integrations', ...labels } })
    const posted = await fetch(`${url}/api/v2/alerts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([
        alert({ alertname: 'FaultlineVendorDegraded', rule_id: 'vendor-degraded', severity: 'page', vendor: 'medblocks' }),
        alert({ alertname: 'FaultlineRateLimited', rule_id: 'rate-limited', severity: 'ticket', vendor: 'medblocks', reason: 'throttled' }),
        alert({ alertname: 'FaultlineRateLimited', rule_id: 'rate-limited', severity: 'ticket', vendor: 'scribe', reason: 'throttled' }),
        alert({ alertname: 'FaultlineCredentialsFailing', rule_id: 'credentials-failing', severity: 'page', vendor: 'medblocks' }),
        alert({ alertname: 'FaultlineVendorAvailability', rule_id: availability.id, severity: 'page', slo_window: '1h/5m', vendor: 'scribe' }),
        alert({ alertname: 'FaultlineVendorAvailability', rule_id: availability.id, severity: 'ticket', slo_window: '1d/2h', vendor: 'scribe' }),
        alert({ alertname: 'FaultlineVendorAvailability', rule_id: availability.id, severity: 'ticket', slo_window: '3d/6h', vendor: 'medipim' }),
      ]),
    })
    expect(posted.status, await posted.text()).toBe(200)
    const key = (a: ApiAlert) => `${a.labels.rule_id} ${a.labels.vendor}${a.labels.slo_window === undefined ? '' : ` ${a.labels.slo_window}`}`
    let alerts: ApiAlert[] = []
    // The inhibitor reads the alerts asynchronously: poll until the expected ones are muted.
    for (const deadline = Date.now() + 15_000; Date.now() < deadline; await new Promise((resolve) => setTimeout(resolve, 100))) {
      alerts = (await (await fetch(`${url}/api/v2/alerts`)).json()) as ApiAlert[]
      if (alerts.filter((a) => a.status.inhibitedBy.length > 0).length >= 2) break
    }
    const inhibited = Object.fromEntries(alerts.map((a) => [key(a), a.status.inhibitedBy.length > 0]))
    expect(inhibited).toEqual({
      'vendor-degraded medblocks': false,
      'rate-limited medblocks': true,
      'rate-limited scribe': false,
      'credentials-failing medblocks': false,
      [`${availability.id} scribe 1h/5m`]: false,
      [`${availability.id} scribe 1d/2h`]: true,
      [`${availability.id} medipim 3d/6h`]: false,
    })
    // And Alertmanager routes them as amtool said.
    const receiverOf = Object.fromEntries(alerts.map((a) => [key(a), a.receivers.map((r) => r.name).join(',')]))
    expect(receiverOf['vendor-degraded medblocks']).toBe('pagerduty-oncall')
    expect(receiverOf['rate-limited scribe']).toBe('jira')
    expect(receiverOf[`${availability.id} medipim 3d/6h`]).toBe('jira')
  }, 30_000)
})
