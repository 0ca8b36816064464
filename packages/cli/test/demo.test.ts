import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
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
