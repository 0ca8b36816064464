import { describe, expect, it } from 'vitest'
import { Counter, Registry } from 'prom-client'
import type { CanonicalError } from '@faultline/core'
import { createMetrics, toPrometheusRules, type AlertRule } from '@faultline/alerting'
import { errors } from './fixtures/errors'
import { serveMetrics, startPrometheus, type PrometheusServer, type ServerAlert } from './fixtures/prometheusServer'
import { findExecutable, missingTool } from './fixtures/tools'

// One real Prometheus server: the library's metrics (createMetrics on a prom-client registry) served on
// 127.0.0.1, scraped every second, the compiled rules (a threshold, a ratio and an SLO with a one-day period,
// so its windows are minutes) evaluated every second; the alerts are read back from /api/v1/alerts.

const prometheus = findExecutable('prometheus')
const job = 'faultline-e2e'

const rules: ReadonlyArray<AlertRule> = [
  {
    id: 'credentials-failing',
    summary: 'Our credentials are rejected.',
    match: { kind: 'authentication' },
    groupBy: ['vendor'],
    threshold: { count: 3, windowSeconds: 60 },
    severity: 'page',
  },
  {
    id: 'vendor-errors',
    summary: 'The vendor fails most requests.',
    runbook: 'Check the vendor status page.',
    match: { kind: ['unavailable', 'timeout', 'internal', 'transport'] },
    groupBy: ['vendor'],
    ratio: { min: 0.5, windowSeconds: 5, minRequests: 4 },
    severity: 'page',
    labels: { team: 'integrations' },
  },
  {
    id: 'vendor-slo',
    summary: 'The vendor burns its error budget.',
    match: { kind: ['unavailable', 'timeout', 'internal', 'transport'] },
    groupBy: ['vendor'],
    // A one-day period: the page pair is 2m/1m at 14.4 x 5% = 72% errors.
    slo: { objective: 0.95, periodDays: 1 },
  },
]

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

const key = (alert: ServerAlert) => [alert.labels.alertname, alert.labels.vendor, alert.labels.slo_window, alert.state].filter((part) => part !== undefined).join(' ')

/** Polls the server's alerts until `done` holds (then returns them), or fails after `timeoutMs` with what it saw. */
async function waitForAlerts(
  server: PrometheusServer,
  done: (alerts: ReadonlyArray<ServerAlert>) => boolean,
  timeoutMs: number,
): Promise<ReadonlyArray<ServerAlert>> {
  const deadline = Date.now() + timeoutMs
  let alerts: ReadonlyArray<ServerAlert> = []
  while (Date.now() < deadline) {
    alerts = await server.alerts()
    if (done(alerts)) return alerts
    await sleep(250)
  }
  throw new Error(`timed out after ${timeoutMs} ms; alerts: ${JSON.stringify(alerts.map(key))}\nprometheus log:\n${server.log().slice(-4000)}`)
}

const firing = (alerts: ReadonlyArray<ServerAlert>, name: string, labels: Record<string, string>) =>
  alerts.find((a) => a.state === 'firing' && a.labels.alertname === name && Object.entries(labels).every(([k, v]) => a.labels[k] === v))

describe('a real prometheus server', () => {
  if (prometheus === undefined) {
    missingTool('prometheus', 'apt-get install prometheus')
    return
  }
  const binary = prometheus

  it('scrapes createMetrics, evaluates the compiled threshold, ratio and SLO rules, and fires and resolves them', async () => {
    const started = Date.now()
    const registry = new Registry()
    const metrics = createMetrics(registry, { Counter })
    const outcome = (vendor: string, error: CanonicalError | null) => metrics.recordOutcome(vendor, error)
    const target = await serveMetrics(registry)
    const server = await startPrometheus({
      binary,
      rules: toPrometheusRules(rules, { evaluationIntervalSeconds: 1, selector: { job } }),
      targetPort: target.port,
      jobName: job,
      scrapeSeconds: 1,
      evaluationSeconds: 1,
    })
    // Ten requests a second per vendor: scribe always succeeds, medipim fails every request until it recovers
    // partly (then 40% of them), medblocks' credentials are rejected twice a second.
    let medipimRecovered = false
    let tick = 0
    const driver = setInterval(() => {
      tick += 1
      outcome('scribe', null)
      outcome('medipim', medipimRecovered && tick % 5 >= 2 ? null : errors.medipimServiceUnavailable())
      outcome('medblocks', tick % 5 === 0 ? errors.medblocksInvalidApiKey() : null)
    }, 100)
    try {
      const fired = await waitForAlerts(
        server,
        (alerts) =>
          firing(alerts, 'FaultlineCredentialsFailing', { vendor: 'medblocks' }) !== undefined &&
          firing(alerts, 'FaultlineVendorErrors', { vendor: 'medipim' }) !== undefined &&
          firing(alerts, 'FaultlineVendorSlo', { vendor: 'medipim', slo_window: '2m/1m' }) !== undefined,
        45_000,
      )
      const ratio = firing(fired, 'FaultlineVendorErrors', { vendor: 'medipim' })
      expect(ratio?.labels).toEqual({ alertname: 'FaultlineVendorErrors', vendor: 'medipim', severity: 'page', rule_id: 'vendor-errors', job, team: 'integrations' })
      expect(ratio?.annotations.description).toBe('100% of requests failed in the last 5s (threshold 50%, at least 4 requests).')
      expect(firing(fired, 'FaultlineVendorSlo', { vendor: 'medipim', slo_window: '2m/1m' })?.labels).toEqual({
        alertname: 'FaultlineVendorSlo',
        vendor: 'medipim',
        severity: 'page',
        rule_id: 'vendor-slo',
        slo_window: '2m/1m',
        job,
      })
      // Only what the stream earns: scribe never fails, medblocks' 20% is under the ratio's 50% and the SLO's 72%.
      expect(fired.filter((a) => a.labels.vendor === 'scribe')).toEqual([])
      expect(fired.filter((a) => a.labels.vendor === 'medblocks').map(key)).toEqual(['FaultlineCredentialsFailing medblocks firing'])

      // medipim recovers partly (40% fail): the 5 s ratio (50%) resolves within a few evaluations, while the SLO's
      // 12m/1m pair (6 x 5% = 30%) goes on firing.
      medipimRecovered = true
      const resolved = await waitForAlerts(server, (alerts) => firing(alerts, 'FaultlineVendorErrors', { vendor: 'medipim' }) === undefined, 20_000)
      expect(firing(resolved, 'FaultlineVendorSlo', { vendor: 'medipim', slo_window: '12m/1m', severity: 'page' })).toBeDefined()
    } finally {
      clearInterval(driver)
      await server.stop()
      await target.close()
    }
    expect(Date.now() - started).toBeLessThan(60_000)
  }, 90_000)
})
