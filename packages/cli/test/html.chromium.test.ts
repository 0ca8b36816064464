import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { PNG } from 'pngjs'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { chromiumSkipReason, launchChromium, runChromiumTests } from './fixtures/chromium'
import { injections } from './fixtures/injections'
import { run } from './runCli'

// The HTML report in a real browser: Debian's chromium, headless, through playwright-core. In CI a missing
// chromium fails (.ci/run installs it); elsewhere these tests are skipped with a message.
// FAULTLINE_UPDATE_SCREENSHOT=1 also writes docs/images/report.png (the top of the demo day's page).
const root = fileURLToPath(new URL('../../../', import.meta.url))
const dir = mkdtempSync(join(tmpdir(), 'faultline-chromium-'))

if (!runChromiumTests) console.warn(chromiumSkipReason)

/** A page that must make no request, and say nothing on the console: what it made and said is recorded. */
async function openReport(browser: Browser, html: string, viewport = { width: 1280, height: 900 }) {
  const page = await browser.newPage({ viewport, deviceScaleFactor: 1 })
  const problems: string[] = []
  const requests: string[] = []
  const dialogs: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(`${message.type()}: ${message.text()}`)
  })
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`))
  page.on('request', (request) => requests.push(request.url()))
  page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()}`))
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message())
    void dialog.dismiss()
  })
  // Every request is refused, and recorded: the page must need none.
  await page.route('**/*', async (route) => {
    requests.push(route.request().url())
    await route.abort()
  })
  await page.setContent(html, { waitUntil: 'load' })
  return { page, problems, requests, dialogs }
}

/** The pixels of a PNG: how many distinct colours, and the share of pixels that are not the background's. */
function pixelsOf(png: Buffer, background: readonly [number, number, number]) {
  const image = PNG.sync.read(png)
  const colours = new Set<number>()
  let ink = 0
  for (let i = 0; i < image.data.length; i += 4) {
    const [r, g, b] = [image.data[i]!, image.data[i + 1]!, image.data[i + 2]!]
    colours.add((r << 16) | (g << 8) | b)
    if (Math.abs(r - background[0]) + Math.abs(g - background[1]) + Math.abs(b - background[2]) > 24) ink++
  }
  return { width: image.width, height: image.height, colours: colours.size, ink: ink / (image.width * image.height) }
}

const chartBoxes = (page: Page) =>
  page.$$eval('svg.chart', (charts) =>
    charts.map((chart) => {
      const box = chart.getBoundingClientRect()
      return { width: box.width, height: box.height, title: chart.querySelector(':scope > title')?.textContent ?? '', marks: chart.querySelectorAll('rect, path, line').length }
    }),
  )

describe.runIf(runChromiumTests)('the HTML report in headless Chromium', () => {
  let browser: Browser
  beforeAll(async () => {
    browser = await launchChromium()
  }, 60_000)
  afterAll(async () => {
    await browser?.close()
  })

  it('renders the demo day: no console message, no request, the style applied, every chart drawn, a screenshot that is not blank', { timeout: 60_000 }, async () => {
    const file = join(dir, 'day.html')
    // As `pnpm start` names it (from the repository's root).
    const capture = relative(process.cwd(), `${root}examples/day.ndjson`)
    expect((await run(['report', capture, '--html', file])).code).toBe(0)
    const { page, problems, requests, dialogs } = await openReport(browser, readFileSync(file, 'utf8'))
    expect(problems).toEqual([])
    expect(requests).toEqual([])
    expect(dialogs).toEqual([])
    // The style sheet ran (a wrong hash in the policy would have blocked it, and said so on the console).
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(243, 245, 248)')
    expect(await page.evaluate(() => document.scripts.length)).toBe(0)
    const charts = await chartBoxes(page)
    expect(charts.length).toBeGreaterThanOrEqual(9)
    for (const chart of charts) {
      expect(chart.width).toBeGreaterThan(300)
      expect(chart.height).toBeGreaterThan(50)
      expect(chart.title).not.toBe('')
      expect(chart.marks).toBeGreaterThan(5)
    }
    // The patterns the charts fill with resolve: a bar is painted in its kind's colour.
    const screenshot = await page.screenshot({ fullPage: true, type: 'png' })
    const pixels = pixelsOf(screenshot, [243, 245, 248])
    expect(pixels.height).toBeGreaterThan(2_000)
    expect(pixels.colours).toBeGreaterThan(200)
    expect(pixels.ink).toBeGreaterThan(0.3)
    if (process.env.FAULTLINE_UPDATE_SCREENSHOT === '1') {
      const top = await page.screenshot({ type: 'png', fullPage: true, clip: { x: 0, y: 0, width: 1280, height: 1400 } })
      expect(top.length).toBeLessThan(400_000)
      writeFileSync(`${root}docs/images/report.png`, top)
    }
    await page.close()
  })

  it('an empty capture renders too, cleanly', { timeout: 30_000 }, async () => {
    const file = join(dir, 'empty.html')
    expect((await run(['report', '--html', file], '')).code).toBe(0)
    const { page, problems, requests } = await openReport(browser, readFileSync(file, 'utf8'))
    expect(problems).toEqual([])
    expect(requests).toEqual([])
    expect(await page.locator('h2').allTextContents()).toEqual(['Errors over time', 'Alert timeline', 'SLO burn', 'Errors by kind and vendor', 'Top reasons', 'Unrecognized codes'])
    const pixels = pixelsOf(await page.screenshot({ type: 'png' }), [243, 245, 248])
    expect(pixels.ink).toBeGreaterThan(0.1)
    await page.close()
  })

  it('planted markup and script stay text in the browser: no dialog, no request, no element the page did not write', { timeout: 30_000 }, async () => {
    const at = (minute: number) => `2026-11-23T08:${String(minute).padStart(2, '0')}:00.000Z`
    const lines = injections.flatMap((text, i) => [
      { vendor: text, at: at(i), status: 503, headers: {}, body: { error: text } },
      { vendor: 'medblocks', at: at(i), status: 400, headers: {}, body: { error: { type: 'invalid_request_error', code: text, message: text } } },
    ])
    const rules = join(dir, 'rules.json')
    writeFileSync(rules, JSON.stringify({ rules: injections.map((text, i) => ({ id: `rule-${i}`, summary: text, match: {}, groupBy: ['vendor', 'vendorCode'], threshold: { count: 1, windowSeconds: 60 }, severity: 'ticket' })) }))
    const file = join(dir, 'planted.html')
    expect((await run(['report', '--html', file, '--rules', rules], lines.map((line) => JSON.stringify(line)).join('\n'))).code).toBe(0)
    const { page, problems, requests, dialogs } = await openReport(browser, readFileSync(file, 'utf8'))
    expect(dialogs).toEqual([])
    expect(requests).toEqual([])
    expect(problems).toEqual([])
    const injected = await page.evaluate(() => document.querySelectorAll('script, img, iframe, a, math, foreignObject, [onerror], [onload], [href], [src], [style]').length)
    expect(injected).toBe(0)
    expect(await page.locator('text=</script><script>alert(1)</script>').count()).toBeGreaterThan(0)
    await page.close()
  })
})
