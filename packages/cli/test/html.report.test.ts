import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { createHtmlReportCollector, maxVendorCharts } from '../src/html/model'
import { newCounts } from '../src/counts'
import { newReportTotals } from '../src/report'
import { attr, expectWellFormedPage, text } from './fixtures/page'
import { run } from './runCli'

const root = fileURLToPath(new URL('../../../', import.meta.url))
const day = `${root}examples/day.ndjson`
const tempDir = () => mkdtempSync(join(tmpdir(), 'faultline-html-'))
const at = (minute: number) => new Date(Date.UTC(2026, 10, 23, 8, minute)).toISOString()

describe('report --html FILE', () => {
  it('writes the page of the demo day, says where on stderr, and still prints the terminal report', async () => {
    const file = join(tempDir(), 'report.html')
    const { code, out, err } = await run(['report', day, '--html', file])
    expect(code).toBe(0)
    expect(out).toContain('faultline report: 724 errors in 4463 responses')
    expect(err).toContain(`HTML report: ${file}\n`)
    expect(err).toContain('4463 lines read: 724 errors, 3739 successes, 0 skipped')
    const page = readFileSync(file, 'utf8')
    const dom = expectWellFormedPage(page)
    // The totals are the terminal's numbers.
    const cards = text(dom)
    for (const [label, n] of [['Lines read', '4,463'], ['Errors', '724'], ['Successes', '3,739'], ['Skipped lines', '0']]) expect(cards).toMatch(new RegExp(`${label}\\n${n}\\n`))
    for (const heading of ['Errors over time', 'Alert timeline', 'SLO burn', 'Errors by kind and vendor', 'Top reasons', 'Unrecognized codes']) expect(dom.texts).toContain(heading)
    for (const vendor of ['medable', 'medblocks', 'medipim', 'scribe']) expect(dom.texts).toContain(vendor)
    expect(dom.texts).toContain('kSessionConcurrencyExceeded')
    // The same alerts as `faultline alerts`: 13 firings, each resolved.
    const alerts = await run(['alerts', day])
    expect((alerts.out.match(/ FIRING /g) ?? []).length).toBe(13)
    expect(cards).toMatch(/Alerts fired\n13\n/)
    for (const rule of ['vendor-degraded', 'credentials-failing', 'rate-limited', 'vendor-api-drift', 'integration-bug', 'verification-required', 'vendor-slo']) expect(dom.texts).toContain(rule)
    expect(dom.elements.filter((element) => element.tag === 'svg' && attr(element, 'role') === 'img').length).toBeGreaterThanOrEqual(1 + 4 + 1 + 3)
    expect(page.length).toBeLessThan(400_000)
  })

  it('an empty capture: a page that says so, zero totals, no chart', async () => {
    const file = join(tempDir(), 'empty.html')
    const { code, err } = await run(['report', '--html', file], '')
    expect(code).toBe(0)
    expect(err).toContain('HTML report: ')
    const dom = expectWellFormedPage(readFileSync(file, 'utf8'))
    expect(text(dom)).toMatch(/Lines read\n0\n/)
    expect(dom.texts).toContain('The capture holds no responses.')
    expect(text(dom)).toContain('stdin\n · no timed responses')
    expect(dom.elements.filter((element) => element.tag === 'svg' && attr(element, 'role') === 'img')).toHaveLength(0)
    expect(text(dom)).toContain('None: every vendor code was one the adapters know.')
    expect(dom.texts).toContain('stdin')
  })

  it('responses without times: counted in the totals, not drawn', async () => {
    const file = join(tempDir(), 'untimed.html')
    const line = JSON.stringify({ vendor: 'medblocks', status: 503, body: '' })
    const { code } = await run(['report', '--html', file], `${line}\n${line}\n`)
    expect(code).toBe(0)
    const dom = expectWellFormedPage(readFileSync(file, 'utf8'))
    expect(dom.texts).toContain('No response of the capture has a time ("at"): nothing to draw over time.')
    expect(text(dom)).toContain('came before any line had a time')
  })

  it('uses --rules FILE as `alerts` does: its rules fire on the page, its summaries shown escaped', async () => {
    const dir = tempDir()
    const rules = join(dir, 'rules.json')
    writeFileSync(rules, JSON.stringify({ rules: [{ id: 'any-error', summary: 'Any <error> at all.', match: {}, groupBy: ['vendor'], threshold: { count: 1, windowSeconds: 60 }, severity: 'info' }] }))
    const file = join(dir, 'r.html')
    const capture = [JSON.stringify({ vendor: 'medblocks', at: at(0), status: 503, body: '' }), JSON.stringify({ vendor: 'medblocks', at: at(5), status: 200, body: {} })].join('\n')
    const { code } = await run(['report', '--html', file, '--rules', rules], capture)
    expect(code).toBe(0)
    const page = readFileSync(file, 'utf8')
    expect(page).toContain('Any &lt;error&gt; at all.')
    const dom = expectWellFormedPage(page)
    expect(dom.texts).toContain('any-error')
    expect(dom.texts).toContain('No rule in use has an SLO (a rule with ')
    expect(text(dom)).toMatch(/Alerts fired\n1\n/)
  })

  it('a path that cannot be written: exit 1 and one line, as other CLI errors, before the capture is read', async () => {
    const dir = tempDir()
    const missing = join(dir, 'no', 'such', 'dir', 'r.html')
    const result = await run(['report', day, '--html', missing])
    expect(result.code).toBe(1)
    expect(result.out).toBe('')
    expect(result.err).toBe(`faultline report: cannot write ${missing} (ENOENT): ENOENT: no such file or directory, open '${missing}'\n`)
    mkdirSync(join(dir, 'a-directory'))
    const directory = await run(['report', day, '--html', join(dir, 'a-directory')])
    expect(directory.code).toBe(1)
    expect(directory.err).toMatch(/^faultline report: cannot write .*a-directory \(EISDIR\): /)
  })

  it('a capture that cannot be read: exit 1, and the file the run created is removed; --html without a value is a usage error', async () => {
    const dir = tempDir()
    const file = join(dir, 'r.html')
    const result = await run(['report', join(dir, 'missing.ndjson'), '--html', file])
    expect(result.code).toBe(1)
    expect(result.err).toMatch(/cannot read .*missing\.ndjson \(ENOENT\)/)
    expect(existsSync(file)).toBe(false)
    const usage = await run(['report', '--html'])
    expect(usage.code).toBe(2)
    expect(usage.err).toContain("Option '--html <value>' argument missing")
  })

  it('a capture that cannot be read leaves an existing report as it was', async () => {
    const dir = tempDir()
    const file = join(dir, 'r.html')
    writeFileSync(file, 'the report of yesterday')
    const result = await run(['report', join(dir, 'missing.ndjson'), '--html', file])
    expect(result.code).toBe(1)
    expect(readFileSync(file, 'utf8')).toBe('the report of yesterday')
  })

  it('invalid rules: exit 1 with the rules problem, no file written', async () => {
    const dir = tempDir()
    const rules = join(dir, 'rules.json')
    writeFileSync(rules, '{"rules":[{"id":"x"}]}')
    const file = join(dir, 'r.html')
    const result = await run(['report', '--html', file, '--rules', rules], '')
    expect(result.code).toBe(1)
    expect(result.err).toContain('invalid rules in')
    expect(existsSync(file)).toBe(false)
  })

  it('overwrites an existing file', async () => {
    const file = join(tempDir(), 'r.html')
    writeFileSync(file, 'old')
    expect((await run(['report', '--html', file], '')).code).toBe(0)
    expect(readFileSync(file, 'utf8')).toMatch(/^<!doctype html>/)
  })
})

describe('the page data', () => {
  it('charts the vendors with the most errors one by one, and the others together', () => {
    const collector = createHtmlReportCollector([])
    const totals = newReportTotals()
    const vendors = Array.from({ length: maxVendorCharts + 3 }, (_, i) => `vendor-${i}`)
    vendors.forEach((vendor, i) => {
      for (let n = 0; n <= i; n++) {
        const error = { kind: 'unavailable', reason: 'bad_gateway', vendor, retryable: true, recognized: true, vendorCode: null, status: 502 } as never
        totals.byVendorKind.set(vendor, new Map([['unavailable', i + 1]]))
        collector.visit({ type: 'error', line: 1, at: Date.UTC(2026, 10, 23, 8, n), error }, [])
      }
    })
    const data = collector.data({ source: 'x', counts: newCounts(), totals })
    expect(data.chart!.vendors.map((series) => series.vendor)).toEqual([...vendors.slice(3).reverse(), null])
    expect(data.chart!.vendors.at(-1)).toMatchObject({ vendor: null, vendors: 3, errors: 1 + 2 + 3 })
    expect(data.chart!.all.errors).toBe(vendors.reduce((sum, _, i) => sum + i + 1, 0))
  })
})
