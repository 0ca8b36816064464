import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const root = fileURLToPath(new URL('../../../', import.meta.url))
const built = existsSync(`${root}packages/cli/dist/cli.js`) && existsSync(`${root}packages/testing/dist/index.js`)
const cli = (...args: string[]) => execFileSync(process.execPath, [`${root}packages/cli/dist/cli.js`, ...args], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })

// `pnpm test` builds first; the demo of `pnpm start` runs the built CLI on the committed capture.
describe.skipIf(!built && !process.env.CI)('the demo capture', () => {
  it('is exactly what its seeded script generates', () => {
    expect(execFileSync(process.execPath, [`${root}scripts/generate-demo-capture.mjs`, '--check'], { cwd: root, encoding: 'utf8' })).toContain('is what the script generates')
  })

  it('reports every vendor and the unknown Medable code', () => {
    const report = cli('report', 'examples/day.ndjson')
    for (const vendor of ['medable', 'medblocks', 'medipim', 'scribe']) expect(report).toContain(vendor)
    expect(report).toContain('medable: kSessionConcurrencyExceeded')
    expect(report).toMatch(/0 lines skipped/)
  })

  it('writes the HTML report of the day, as `pnpm start` does, and says where', () => {
    const start = JSON.parse(readFileSync(`${root}package.json`, 'utf8')).scripts.start as string
    expect(start).toContain('report examples/day.ndjson --html faultline-report.html')
    const file = join(mkdtempSync(join(tmpdir(), 'faultline-demo-')), 'faultline-report.html')
    const result = spawnSync(process.execPath, [`${root}packages/cli/dist/cli.js`, 'report', 'examples/day.ndjson', '--html', file], { cwd: root, encoding: 'utf8' })
    expect(result.status).toBe(0)
    expect(result.stdout).toContain('faultline report: 724 errors in 4463 responses')
    expect(result.stderr).toContain(`HTML report: ${file}\n`)
    const page = readFileSync(file, 'utf8')
    expect(page).toMatch(/^<!doctype html>/)
    for (const section of ['Errors over time', 'Alert timeline', 'SLO burn', 'Top reasons', 'Unrecognized codes']) expect(page).toContain(`>${section}</h2>`)
    expect(page).toContain('kSessionConcurrencyExceeded')
  })

  it('fires the incidents of the day, and each resolves', () => {
    const timeline = cli('alerts', 'examples/day.ndjson')
    for (const rule of ['vendor-degraded', 'credentials-failing', 'rate-limited', 'vendor-api-drift', 'integration-bug', 'verification-required']) {
      expect(timeline).toMatch(new RegExp(`FIRING .* ${rule} `))
      expect(timeline).toMatch(new RegExp(`resolved .* ${rule} `))
    }
    expect(timeline).toContain('credentials-failing  vendor=medipim')
    expect(timeline).toContain('0 alerts firing at the end of the capture')
  })
})
