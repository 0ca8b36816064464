import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { encodeError } from 'faultline'
import { run } from './runCli'
import { anySecret, leakedForms, textWith, type Secret } from '../../observability/test/secrets'
import { errorCarrying } from './fixtures/plantedError'

// The CLI's share of issue #16's planted-secret suite: a secret of every class, planted in every vendor field the
// CLI can print (vendor code, type, message, request id, a member of the vendor's own), in each vendor's own wire
// form, reaches neither `report` nor `alerts` output. (`normalize` writes the library's error as data: docs/cli.md.)
const numRuns = process.env.FAULTLINE_FUZZ === '1' ? 2_000 : 40
const vendors = ['medblocks', 'scribe', 'medipim', 'medable'] as const

const rules = JSON.stringify([
  { id: 'every-error', summary: 'An error.', runbook: 'Look.', match: {}, groupBy: ['vendor', 'vendorCode', 'reason'], threshold: { count: 1, windowSeconds: 60 }, severity: 'page' },
])

describe('the CLI never prints a planted secret', () => {
  it('report and alerts, for every vendor, every secret class, every printed field', { timeout: 60_000 }, async () => {
    const { writeFileSync, mkdtempSync } = await import('node:fs')
    const { tmpdir } = await import('node:os')
    const { join } = await import('node:path')
    const rulesFile = join(mkdtempSync(join(tmpdir(), 'faultline-')), 'rules.json')
    writeFileSync(rulesFile, rules)
    const planted = anySecret.chain((secret) => fc.record({ secret: fc.constant(secret), text: textWith(secret) }))
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...vendors), planted, async (vendor, { secret, text }: { secret: Secret; text: string }) => {
        const error = errorCarrying(vendor, text)
        const wire = encodeError(vendor, error)
        const line = JSON.stringify({ vendor, at: '2026-11-23T08:00:00.000Z', ...wire })
        const report = await run(['report'], `${line}\n`)
        const alerts = await run(['alerts', '--rules', rulesFile], `${line}\n`)
        const printed = report.out + report.err + alerts.out + alerts.err
        for (const sensitive of secret.sensitive) for (const form of leakedForms(sensitive)) expect(printed).not.toContain(form)
      }),
      { numRuns },
    )
  })
})
