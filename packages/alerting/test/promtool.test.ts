import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { bundledVendors, defaultRules, type Alert, type AlertRule } from '@faultline/alerting'
import { errors } from './fixtures/errors'
import { engineTimeline, findPromtool, runPromtool, writeScenario, type Scenario } from './fixtures/promtool'
import { burst, incidentDay, incidentDayEnd, type Observation } from './fixtures/streams'

// Interop with Prometheus' own promtool: the generated rules file passes `promtool check rules`, and
// `promtool test rules`, fed the counter series scraped from the same fixture streams, fires exactly the
// alerts the engine has active at every evaluation instant (labels, and the count via the description).

const promtool = findPromtool()
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

const scenarios: Record<string, Scenario> = {
  'the default pack on the incident day': { rules: defaultRules, stream: incidentDay, end: incidentDayEnd, intervalSeconds: 15 },
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

const firingKeys = (alerts: ReadonlyArray<Alert>) => alerts.map((a) => `${a.ruleId} ${JSON.stringify(a.group)} ${a.count}`)

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

  for (const [name, scenario] of Object.entries(scenarios)) {
    describe(name, () => {
      it('the fixture makes every rule fire and resolve somewhere, and leaves other eval instants quiet (the comparison is not vacuous)', () => {
        const timeline = engineTimeline(scenario, true)
        if (!name.startsWith('random')) {
          for (const rule of scenario.rules) {
            const firingAt = timeline.map((alerts) => alerts.some((a) => a.ruleId === rule.id))
            expect(firingAt.includes(true), `${rule.id} fires`).toBe(true)
            expect(firingAt.lastIndexOf(false) > firingAt.indexOf(true), `${rule.id} resolves`).toBe(true)
          }
        } else {
          expect(timeline.some((alerts) => alerts.length > 0)).toBe(true)
        }
      })

      it('for rules without forSeconds, the engine fed raw timestamps agrees with the engine fed scrape-quantized ones at every evaluation', () => {
        const instant = scenario.rules.filter((rule) => (rule.forSeconds ?? 0) === 0).map((rule) => rule.id)
        const only = (alerts: ReadonlyArray<Alert>) => firingKeys(alerts.filter((a) => instant.includes(a.ruleId)))
        expect(engineTimeline(scenario, false).map(only)).toEqual(engineTimeline(scenario, true).map(only))
      })

      it('promtool check rules accepts the generated file, and promtool test rules fires exactly the engine\'s alerts at every evaluation', async () => {
        const files = await writeScenario(scenario, engineTimeline(scenario, true))
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
    const scenario = scenarios['the default pack on the incident day'] as Scenario
    const timeline = engineTimeline(scenario, true)
    const first = timeline.findIndex((alerts) => alerts.length > 0)
    const tampered = timeline.map((alerts, step) => (step === first ? [] : alerts))
    const files = await writeScenario(scenario, tampered)
    const test = runPromtool(tool, ['test', 'rules', files.tests])
    expect(test.status).not.toBe(0)
    // It fails on the alert itself (not on the file): it names the rule, and what it expected and got.
    expect(test.output).toMatch(/alertname: FaultlineCredentialsFailing/)
    expect(test.output).toMatch(/exp:\s*\[\]/)
    expect(test.output).toMatch(/got:\s*\[/)
  }, 60_000)
})
