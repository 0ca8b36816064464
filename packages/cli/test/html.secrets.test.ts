import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { encodeError } from 'faultline'
import { printable } from '../src/printable'
import { anySecret, leakedForms, textWith, type Secret } from '../../observability/test/secrets'
import { injections } from './fixtures/injections'
import { expectWellFormedPage } from './fixtures/page'
import { run } from './runCli'
import { errorCarrying } from './fixtures/plantedError'

// The HTML report's share of the planted-secret suite (test/cli.secrets.test.ts): a secret of every class and an
// HTML or script injection, planted in every vendor field (vendor id, code, type, message, request id, a member of
// the vendor's own), in each vendor's own wire form, in the rule file's summary and runbook, and in the capture's
// file name, reach the page neither raw nor as markup: the page, parsed as a browser parses it, holds only the
// elements and attributes it writes, no script, no comment, no control character, and no form of the secret.
const numRuns = process.env.FAULTLINE_FUZZ === '1' ? 2_000 : 40
const vendors = ['medblocks', 'scribe', 'medipim', 'medable'] as const

// What never appears raw in a page: C0 and C1 controls but the page's own line breaks, DEL, line separators, bidi.
// eslint-disable-next-line no-control-regex
const controls = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/

const dir = mkdtempSync(join(tmpdir(), 'faultline-html-secrets-'))
// The capture's name is shown on the page too.
const capture = join(dir, `"><img src=x onerror=alert(1)>.ndjson`)
const rulesFile = join(dir, 'rules.json')

const planted = anySecret.chain((secret) =>
  fc.record({
    secret: fc.constant(secret),
    text: fc.tuple(textWith(secret), fc.constantFrom(...injections), fc.boolean()).map(([withSecret, injection, first]) => (first ? `${injection} ${withSecret}` : `${withSecret}${injection}`)),
  }),
)

describe('the HTML report never shows a planted secret, and no planted markup becomes markup', () => {
  it('every vendor, every secret class, every printed field, every injection', { timeout: 120_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...vendors), planted, async (vendor, { secret, text }: { secret: Secret; text: string }) => {
        const error = errorCarrying(vendor, text)
        const lines = [
          { vendor, at: '2026-11-23T08:00:00.000Z', ...encodeError(vendor, error) },
          // The vendor id itself.
          { vendor: text, at: '2026-11-23T08:00:30.000Z', status: 503, headers: {}, body: { error: text } },
          // Later responses: the SLO rule is evaluated, the alerts resolve.
          { vendor, at: '2026-11-23T08:20:00.000Z', status: 200, headers: {}, body: {} },
          { vendor: text, at: '2026-11-23T09:00:00.000Z', status: 200, headers: {}, body: {} },
        ]
        writeFileSync(capture, lines.map((line) => JSON.stringify(line)).join('\n'))
        writeFileSync(
          rulesFile,
          JSON.stringify({
            rules: [
              { id: 'every-error', summary: text, runbook: text, match: {}, groupBy: ['vendor', 'vendorCode', 'reason'], threshold: { count: 1, windowSeconds: 60 }, severity: 'page' },
              { id: 'every-slo', summary: text, match: {}, groupBy: ['vendor', 'vendorCode'], slo: { objective: 0.99 } },
            ],
          }),
        )
        const file = join(dir, 'report.html')
        const result = await run(['report', capture, '--html', file, '--rules', rulesFile])
        expect(result.code).toBe(0)
        const page = readFileSync(file, 'utf8')
        const dom = expectWellFormedPage(page)
        const shown = [...dom.texts, ...dom.elements.flatMap((element) => element.attrs.map((a) => a.value))].join('\n')
        for (const sensitive of secret.sensitive) {
          for (const form of leakedForms(sensitive)) {
            expect(page).not.toContain(form)
            expect(shown).not.toContain(form)
          }
        }
        // Planted markup stays text: no element, attribute, comment or CDATA the page did not write.
        expect(page).not.toMatch(/<(script|img|iframe|math|a|foreignObject)\b/i)
        expect(page).not.toMatch(/<!--|]]>|<!\[CDATA\[/)
        expect(page.match(/<style\b/g)).toHaveLength(1)
        expect(page.match(/<\/style>/g)).toHaveLength(1)
        expect(page).not.toMatch(controls)
        expect(dom.elements.flatMap((element) => element.attrs).filter((a) => /^on|href|src/i.test(a.name) || /javascript:/i.test(a.value))).toEqual([])
        // ...and the fields are on the page, as the terminal prints them (vendor id, vendor code, rule summary).
        expect(dom.texts.filter((node) => node === printable(text)).length).toBeGreaterThanOrEqual(3)
        // The other outputs stay as safe as before.
        for (const sensitive of secret.sensitive) for (const form of leakedForms(sensitive)) expect(result.out + result.err).not.toContain(form)
      }),
      { numRuns },
    )
  })
})
