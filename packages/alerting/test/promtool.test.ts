import { afterAll, describe, expect, it } from 'vitest'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import fc from 'fast-check'
import { stringify } from 'yaml'
import { bundledVendors, defaultRules, toPrometheusRules, type Alert, type AlertRule } from '@faultline/alerting'
import { errors } from './fixtures/errors'
import { engineTimeline, findPromtool, humanizePercentage, runPromtool, writeScenario, type Scenario } from './fixtures/promtool'
import { ratioRules, ratioStream, ratioStreamEnd, sloRules, sloStream, sloStreamEnd, traffic, type Outcome } from './fixtures/outcomes'
import { burst, incidentDay, incidentDayEnd, type Observation } from './fixtures/streams'

// Interop with Prometheus' own promtool: the generated rules file passes `promtool check rules`, and
// `promtool test rules`, fed the counter series scraped from the same fixture streams, fires exactly the
// alerts the engine has active at every evaluation instant (labels, and the count via the description).

const promtool = findPromtool()

// The temp directories the tests write, removed at the end.
const directories: Array<string> = []
const tempDirectory = (prefix: string) => {
  const directory = mkdtempSync(join(tmpdir(), prefix))
  directories.push(directory)
  return directory
}
afterAll(() => directories.forEach((directory) => rmSync(directory, { recursive: true, force: true })))
const minute = 60_000

const customRules: ReadonlyArray<AlertRule> = [
  {
    id: 'medblocks-server-errors',
    summary: 'Medblocks answers with server errors.',
    runbook: 'Check the Medblocks status page.',
    match: { vendor: 'medblocks', status: [500, 502, 503] },
    groupBy: ['status'],
    threshold: { count: 2, windowSeconds: 120 },
    forSeconds: 40, // not a multiple of the interval: Prometheus fires at the first evaluation after it
    severity: 'ticket',
  },
  {
    id: 'retryable-failures',
    summary: 'Many calls fail in a way a retry may fix.',
    runbook: 'Check the retry budget.',
    match: { retryable: true },
    groupBy: [],
    threshold: { count: 10, windowSeconds: 60 },
    severity: 'info',
  },
  {
    id: 'unrecognized-by-kind',
    summary: 'Unrecognized vendor answers.',
    runbook: 'Update the catalogs.',
    match: { recognized: false },
    groupBy: ['kind', 'reason', 'vendor'],
    threshold: { count: 1, windowSeconds: 900 },
    severity: 'info',
  },
  {
    id: 'acme-credentials',
    summary: 'Our ACME credentials fail.',
    runbook: 'Rotate the ACME key.',
    match: { vendor: 'acme', kind: 'authentication', reason: ['invalid_credentials', 'expired_credentials'] },
    groupBy: ['vendor', 'reason'],
    threshold: { count: 2, windowSeconds: 60 },
    forSeconds: 30,
    severity: 'page',
  },

  {
    id: 'server-errors-but-medipim',
    summary: 'Server errors, except medipim\'s (but its 503s count).',
    match: { kind: ['internal', 'unavailable'], not: { vendor: 'medipim', not: { status: 503 } } },
    groupBy: ['vendor'],
    threshold: { count: 3, windowSeconds: 120 },
    keepFiringForSeconds: 60,
    labels: { team: 'platform' },
    severity: 'ticket',
  },
]

const customStream: ReadonlyArray<Observation> = [
  ...burst(10_123, 8, 9_000, () => errors.medblocksInternal()),
  ...burst(95_000, 5, 31_000, () => errors.medblocksFhirError()),
  ...burst(4 * minute + 7, 30, 1_500, () => errors.medipimTooManyRequests()),
  ...burst(6 * minute + 1, 3, 40_000, () => errors.medableUnknownCode()),
  ...burst(7 * minute + 3, 6, 14_000, () => errors.medblocksExpiredApiKey({ vendor: 'acme' })),
  ...burst(9 * minute + 999, 4, 20_000, () => errors.medipimServiceUnavailable()),
  ...burst(12 * minute, 12, 5_000, () => errors.transportRefused()),
]

// The incident day's errors, and the successes of the four vendors' steady traffic (one request every 4 s):
// the denominators of the default pack's vendor-slo.
const incidentDayTraffic: ReadonlyArray<Observation | Outcome> = [...incidentDay, ...bundledVendors.flatMap((vendor, index) => traffic(vendor, 0, incidentDayEnd, 4_000, undefined, 101 + index * 977))]

const scenarios: Record<string, Scenario> = {
  'the default pack on the incident day': { rules: defaultRules, stream: incidentDayTraffic, end: incidentDayEnd, intervalSeconds: 15 },
  'ratio rules on 40 minutes of requests (match.not, keep_firing_for, for, labels; per vendor, per vendor and kind, per kind, in all)': {
    rules: ratioRules,
    stream: ratioStream,
    end: ratioStreamEnd,
    intervalSeconds: 15,
  },
  'SLO rules on four hours of requests (periodDays 1: 2m/1m, 12m/1m, 48m/4m, 144m/12m; for, keep_firing_for, match.not, a selector)': {
    rules: sloRules,
    stream: sloStream,
    end: sloStreamEnd,
    intervalSeconds: 60,
    selector: { env: 'prod' },
  },
  'custom rules (status, retryable, recognized, empty groupBy, for off the grid, a wider label policy)': {
    rules: customRules,
    stream: customStream,
    end: 30 * minute,
    intervalSeconds: 15,
    labels: { vendors: [...bundledVendors, 'acme'] },
  },
}

// A few random streams over the same fixtures, with a fixed seed so a failure reproduces.
const randomStreams = fc.sample(
  fc.array(
    fc.record({
      at: fc.integer({ min: 1, max: 20 * minute }),
      make: fc.constantFrom(...Object.values(errors)),
      vendor: fc.constantFrom('medblocks', 'scribe', 'medipim', 'medable', 'acme'),
    }),
    { minLength: 50, maxLength: 400 },
  ),
  { numRuns: 3, seed: 4 },
)
randomStreams.forEach((steps, index) => {
  scenarios[`random stream ${index + 1} (${steps.length} errors), default and custom rules`] = {
    rules: [...defaultRules, ...customRules],
    stream: steps.map(({ at, make, vendor }) => ({ at, error: make({ vendor }) })),
    end: 25 * minute,
    intervalSeconds: 30,
    labels: { vendors: [...bundledVendors, 'acme'] },
  }
})

// Random request streams (a fixed seed) for the ratio and SLO rules: four vendors, errors of every fixture.
const randomOutcomes = fc.sample(
  fc.array(
    fc.record({
      at: fc.integer({ min: 1, max: 60 * minute }),
      vendor: fc.constantFrom('medblocks', 'scribe', 'medipim', 'medable'),
      make: fc.option(fc.constantFrom(...Object.values(errors)), { freq: 2, nil: undefined }),
    }),
    { minLength: 300, maxLength: 1500 },
  ),
  { numRuns: 2, seed: 17 },
)
randomOutcomes.forEach((steps, index) => {
  scenarios[`random outcomes ${index + 1} (${steps.length} requests), ratio and SLO rules`] = {
    rules: [...ratioRules, ...sloRules],
    stream: steps.map(({ at, vendor, make }) => ({ at, vendor, error: make === undefined ? null : make({ vendor }) })),
    end: 70 * minute,
    intervalSeconds: 60,
  }
})

const alertKey = (a: Alert) => `${a.ruleId} ${JSON.stringify(a.group)} ${a.window ?? ''}`
const firingKeys = (alerts: ReadonlyArray<Alert>) => alerts.map((a) => `${alertKey(a)} ${a.count} ${a.ratio ?? ''}`)

describe('Prometheus equivalence (promtool)', () => {
  if (promtool === undefined) {
    if (process.env.CI) {
      it('finds promtool on PATH', () => {
        expect.fail('promtool is not on PATH: CI must install it (apt-get install prometheus) to check the generated rules')
      })
    } else {
      it.skip('SKIPPED: promtool is not on PATH; install prometheus (apt-get install prometheus) to run the Prometheus equivalence tests', () => {})
    }
    return
  }
  const tool = promtool

  it('promtool check rules accepts the default pack and the ratio and SLO examples, with a selector, keep_firing_for, labels and match.not', () => {
    const directory = tempDirectory('faultline-promtool-check-')
    const files = {
      'default.rules.yml': toPrometheusRules(defaultRules, { evaluationIntervalSeconds: 15 }),
      'examples.rules.yml': toPrometheusRules([...defaultRules, ...ratioRules, ...sloRules, ...customRules, { ...(sloRules[0] as AlertRule), id: 'monthly-slo', slo: { objective: 0.999 } }], {
        evaluationIntervalSeconds: 30,
        selector: { env: 'prod', cluster: 'eu-1' },
        staticLabels: { team: 'integrations' },
        labels: { vendors: [...bundledVendors, 'acme'] },
        groupName: 'faultline-prod',
      }),
    }
    for (const [name, yaml] of Object.entries(files)) {
      writeFileSync(join(directory, name), yaml)
      const check = runPromtool(tool, ['check', 'rules', join(directory, name)])
      expect(check.output).toContain('SUCCESS')
      expect(check.status, check.output).toBe(0)
    }
  })

  it('humanizePercentage (the fixture) prints what Prometheus\' template function prints', () => {
    const values = [1, 0.5, 1 / 3, 2 / 3, 0.015625, 0.0234375, 1e-7, 125.5, 0.072, 14.4 * (1 - 0.995), 1 / 64, 0.99999, 3 / 7, 1 / 1_000_000, 0]
    const directory = tempDirectory('faultline-promtool-humanize-')
    const rules = join(directory, 'h.rules.yml')
    writeFileSync(
      rules,
      stringify({
        groups: [
          { name: 'h', rules: values.map((value, index) => ({ alert: `H${index}`, expr: `vector(${value})`, annotations: { d: '{{ $value | humanizePercentage }}' } })) },
        ],
      }),
    )
    const tests = join(directory, 'h.test.yml')
    writeFileSync(
      tests,
      stringify({
        rule_files: [rules],
        tests: [
          {
            interval: '1m',
            alert_rule_test: values.map((value, index) => ({
              eval_time: '0m',
              alertname: `H${index}`,
              exp_alerts: [{ exp_labels: {}, exp_annotations: { d: humanizePercentage(value) } }],
            })),
          },
        ],
      }),
    )
    expect(values.map(humanizePercentage).slice(0, 8)).toEqual(['100%', '50%', '33.33%', '66.67%', '1.562%', '2.344%', '1e-05%', '1.255e+04%'])
    const test = runPromtool(tool, ['test', 'rules', tests])
    expect(test.status, test.output).toBe(0)
  })

  for (const [name, scenario] of Object.entries(scenarios)) {
    describe(name, () => {
      it('the fixture makes every rule fire and resolve somewhere, and leaves other eval instants quiet (the comparison is not vacuous)', () => {
        const timeline = engineTimeline(scenario, true)
        if (!name.startsWith('random')) {
          for (const rule of scenario.rules) {
            const firingAt = timeline.map((alerts) => alerts.some((a) => a.ruleId === rule.id))
            expect(firingAt.includes(true), `${rule.id} fires`).toBe(true)
            // Some alert of the rule (a group, an SLO pair) resolves after it fired.
            const keys = new Set(timeline.flatMap((alerts) => alerts.filter((a) => a.ruleId === rule.id).map(alertKey)))
            const resolves = [...keys].some((key) => {
              const at = timeline.map((alerts) => alerts.some((a) => alertKey(a) === key))
              return at.lastIndexOf(false) > at.indexOf(true)
            })
            expect(resolves, `${rule.id} resolves`).toBe(true)
            if ('slo' in rule && name.startsWith('SLO')) {
              const pairs = new Set(timeline.flatMap((alerts) => alerts.filter((a) => a.ruleId === rule.id).map((a) => a.window)))
              expect([...pairs].sort(), `every pair of ${rule.id} fires`).toEqual(['12m/1m', '144m/12m', '2m/1m', '48m/4m'])
            }
          }
        } else {
          expect(timeline.some((alerts) => alerts.length > 0)).toBe(true)
        }
      })

      it('for rules without forSeconds and keepFiringForSeconds, the engine fed raw timestamps agrees with the engine fed scrape-quantized ones at every evaluation', () => {
        const instant = scenario.rules.filter((rule) => (rule.forSeconds ?? 0) === 0 && (rule.keepFiringForSeconds ?? 0) === 0).map((rule) => rule.id)
        const only = (alerts: ReadonlyArray<Alert>) => firingKeys(alerts.filter((a) => instant.includes(a.ruleId)))
        expect(engineTimeline(scenario, false).map(only)).toEqual(engineTimeline(scenario, true).map(only))
      })

      it('promtool check rules accepts the generated file, and promtool test rules fires exactly the engine\'s alerts at every evaluation', async () => {
        const files = await writeScenario(scenario, engineTimeline(scenario, true))
        directories.push(dirname(files.rules))
        const check = runPromtool(tool, ['check', 'rules', files.rules])
        expect(check.output).toContain('SUCCESS')
        expect(check.status).toBe(0)
        const test = runPromtool(tool, ['test', 'rules', files.tests])
        expect(test.status, test.output.slice(0, 4000)).toBe(0)
        expect(test.output).toContain('SUCCESS')
      }, 60_000)
    })
  }

  it('negative control: promtool fails when the expected alerts differ from what the rules do', async () => {
    const day = scenarios['the default pack on the incident day'] as Scenario
    const first = engineTimeline(day, true).findIndex((alerts) => alerts.length > 0)
    // The day up to a few evaluations after the first alert (promtool evaluates every instant up to the last test).
    const scenario = { ...day, end: (first + 4) * day.intervalSeconds * 1000 }
    const tampered = engineTimeline(scenario, true).map((alerts, step) => (step === first ? [] : alerts))
    const files = await writeScenario(scenario, tampered)
    directories.push(dirname(files.rules))
    const test = runPromtool(tool, ['test', 'rules', files.tests])
    expect(test.status).not.toBe(0)
    // It fails on the alert itself (not on the file): it names the rule, and what it expected and got.
    expect(test.output).toMatch(/alertname: FaultlineCredentialsFailing/)
    expect(test.output).toMatch(/exp:\s*\[\]/)
    expect(test.output).toMatch(/got:\s*\[/)
  }, 60_000)
})
