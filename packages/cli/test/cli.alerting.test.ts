import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { run } from './runCli'

const day = readFileSync(new URL('../../../examples/day.ndjson', import.meta.url), 'utf8')

const at = (minute: number, second = 0) => new Date(Date.UTC(2026, 10, 23, 8, minute, second)).toISOString()
const line = (vendor: string, minute: number, second: number, status: number, body: unknown, headers: Record<string, string> = {}) =>
  JSON.stringify({ vendor, at: at(minute, second), status, headers, body })

/**
 * Medblocks failing (503s) and throttling (429s) in the same minutes, and still at the end of the capture: its
 * `vendor-degraded` and `rate-limited` alerts both fire, and the first mutes the second (the default inhibitions).
 */
const degradedAndThrottled = (() => {
  const lines: string[] = []
  for (let minute = 0; minute < 15; minute++) {
    for (let second = 0; second < 60; second += 5) {
      // Status-only answers, as a proxy in front of a failing vendor gives them: the status decides.
      lines.push(line('medblocks', minute, second, 503, ''))
      lines.push(line('medblocks', minute, second, 429, '', { 'retry-after': '1' }))
    }
  }
  return lines.join('\n')
})()

describe('faultline alerts: requests, SLO window pairs, inhibitions', () => {
  it('feeds successes as requests: the demo day pages through vendor-slo during the EHR outage, naming each window pair', async () => {
    const { code, out } = await run(['alerts', '-'], day)
    expect(code).toBe(0)
    for (const pair of ['1h/5m', '6h/30m', '1d/2h', '3d/6h']) expect(out).toMatch(new RegExp(`FIRING .* vendor-slo \\[${pair}\\]  vendor=medblocks`))
    expect(out).toMatch(/FIRING {4}page {4}vendor-slo \[1h\/5m\]/)
    expect(out).toMatch(/% of requests\)/)
  })

  it('marks an alert an inhibition mutes, with the alert that mutes it', async () => {
    const { code, out } = await run(['alerts', '-'], degradedAndThrottled)
    expect(code).toBe(0)
    const firing = out.slice(out.indexOf('alerts firing at the end'))
    expect(firing).toMatch(/rate-limited {2}vendor=medblocks reason=throttled {2}since .*\(inhibited by vendor-degraded vendor=medblocks\)$/m)
    expect(firing).toMatch(/vendor-degraded {2}vendor=medblocks {2}since [^(\n]*$/m)
  })

  it('takes the evaluation interval from --interval, and refuses one the rules\' windows are not multiples of', async () => {
    expect((await run(['alerts', '--interval', '1m', '-'], day)).code).toBe(0)
    const refused = await run(['alerts', '--interval', '7', '-'], day)
    expect(refused.code).toBe(2)
    expect(refused.err).toContain('--interval: ')
    expect(refused.err).toContain('vendor-slo')
    expect(refused.err).not.toContain('unexpected failure')
    expect((await run(['alerts', '--interval', 'soon', '-'], day)).code).toBe(2)
  })

  it('blames the rules file, not the command line, for a window the default interval does not divide', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'faultline-rules-'))
    const rules = join(dir, 'rules.json')
    const rule = { id: 'twenty-seconds', summary: 'A ratio over 20 s.', match: {}, groupBy: ['vendor'], ratio: { min: 0.5, windowSeconds: 20, minRequests: 1 }, severity: 'page' }
    writeFileSync(rules, JSON.stringify({ rules: [rule] }))
    const refused = await run(['alerts', '--rules', rules, '-'], day)
    expect(refused.code).toBe(1)
    expect(refused.err).toContain('invalid rules in')
    expect(refused.err).not.toContain('--interval')
    expect((await run(['alerts', '--rules', rules, '--interval', '10', '-'], day)).code).toBe(0)
  })
})

describe('faultline rules: Prometheus, Alertmanager and Grafana forms', () => {
  it('writes Prometheus rules with the selector on every expression and the interval on the group', async () => {
    const { code, out } = await run(['rules', '--prometheus', '--selector', 'env=prod', '--interval', '30s'])
    expect(code).toBe(0)
    expect(out).toContain('interval: 30s')
    const expressions = out.split('\n').filter((text) => text.trimStart().startsWith('expr:'))
    expect(expressions.length).toBeGreaterThan(10)
    for (const expression of expressions) expect(expression).toContain('env="prod"')
  })

  it('writes an Alertmanager config routing each severity to its receiver', async () => {
    const { code, out } = await run(['rules', '--alertmanager', '--receiver', 'page=oncall', '--receiver', 'ticket=jira'])
    expect(code).toBe(0)
    expect(out).toContain('receiver: "oncall"')
    expect(out).toContain('receiver: "jira"')
    expect(out).toContain('inhibit_rules:')
    const missing = await run(['rules', '--alertmanager', '--receiver', 'page=oncall'])
    expect(missing.code).toBe(2)
    expect(missing.err).toContain('--receiver: expected page=NAME and ticket=NAME')
  })

  it('writes a Grafana dashboard as JSON', async () => {
    const { code, out } = await run(['rules', '--grafana', '--selector', 'env=prod'])
    expect(code).toBe(0)
    const dashboard = JSON.parse(out) as { panels: Array<{ targets?: Array<{ expr: string }> }> }
    const expressions = dashboard.panels.flatMap((panel) => panel.targets ?? []).map((target) => target.expr)
    expect(expressions.length).toBeGreaterThan(5)
    for (const expression of expressions.filter((text) => text.includes('faultline_'))) expect(expression).toContain('env="prod"')
  })

  it('asks for exactly one form', async () => {
    expect((await run(['rules'])).code).toBe(2)
    expect((await run(['rules', '--prometheus', '--grafana'])).code).toBe(2)
    expect((await run(['rules', '--prometheus', '--selector', 'env'])).code).toBe(2)
    expect((await run(['rules', '--prometheus', '--selector', 'env=a', '--selector', 'env=b'])).code).toBe(2)
    // An option of another form would be ignored: refused instead.
    expect((await run(['rules', '--grafana', '--interval', '30'])).code).toBe(2)
    expect((await run(['rules', '--prometheus', '--receiver', 'page=oncall'])).code).toBe(2)
  })
})
