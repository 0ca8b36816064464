import { createServer, type Server } from 'node:http'
import { once } from 'node:events'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { successTextFixtures, textFixtures } from '../../../bench/fixtures.mjs'
import { chromiumArgs, chromiumPath, chromiumSkipReason, hasChromium } from './fixtures/chromium'
import { harToCaptureLines } from './fixtures/har'
import { run } from './runCli'

// A HAR recorded by a real tool: Playwright (playwright-core, no browser download) driving Debian's chromium
// through a page that calls "the vendors": a 127.0.0.1 server answering with the vendors' own error bodies.
// Chromium resolves the vendors' .test hosts to it (--host-resolver-rules), and nothing else.
const runBrowser = hasChromium || process.env.CI !== undefined
if (!runBrowser) console.warn(`har.playwright.test.ts: ${chromiumSkipReason}`)

type Vendor = keyof typeof textFixtures
const hosts = { medblocks: 'api.medblocks.test', scribe: 'api.scribe.test', medipim: 'api.medipim.test', medable: 'api.medable.test' } as const
const vendorMap = `${Object.entries(hosts)
  .map(([vendor, host]) => `${host}=${vendor}`)
  .join(',')},gone.medipim.test=medipim`

/** What the page calls, in order: path on the vendor's host (`closed`: a port nothing listens on). */
const calls: ReadonlyArray<{ vendor: Vendor; path: string; port?: 'closed'; host?: string }> = [
  { vendor: 'medblocks', path: '/medblocks/0' }, // 401 invalid_api_key
  { vendor: 'medblocks', path: '/medblocks/2' }, // 429, Retry-After: 30
  { vendor: 'medblocks', path: '/ok/0' },
  { vendor: 'scribe', path: '/scribe/1' }, // 404 resource_not_found
  { vendor: 'scribe', path: '/gzip/scribe/3' }, // 503, Retry-After: 120, gzip body
  { vendor: 'medipim', path: '/medipim/1' }, // 422 validation_failed
  { vendor: 'medipim', path: '/medipim/2' }, // 429, Retry-After: 1
  { vendor: 'medipim', path: '/ok/3' },
  { vendor: 'medable', path: '/medable/2' }, // a fault in a 200
  { vendor: 'medable', path: '/medable/0' }, // 403 kSessionExpired
  { vendor: 'medable', path: '/ok/0' },
  { vendor: 'medblocks', path: '/medblocks/0', port: 'closed' }, // connection refused
  { vendor: 'medipim', path: '/ok/0', host: 'gone.medipim.test' }, // name not resolved
]

function vendorServer(): Server {
  return createServer((request, response) => {
    const cors = { 'access-control-allow-origin': '*', 'cache-control': 'no-store' }
    const url = request.url ?? '/'
    if (url === '/') {
      response.writeHead(200, { ...cors, 'content-type': 'text/html; charset=utf-8' })
      response.end('<!doctype html><html><head><link rel="icon" href="data:,"><title>app</title></head><body>app</body></html>')
      return
    }
    const [, first, second, third] = url.split('/')
    const gzip = first === 'gzip'
    const [group, index] = gzip ? [second, third] : [first, second]
    const list = group === 'ok' ? successTextFixtures : textFixtures[group as Vendor]
    const fixture = list?.[Number(index)]
    if (fixture === undefined) {
      response.writeHead(500, cors)
      response.end()
      return
    }
    const body = Buffer.from(fixture.body as string)
    response.writeHead(fixture.status, { ...fixture.headers, ...cors, ...(gzip ? { 'content-encoding': 'gzip' } : {}) })
    response.end(gzip ? gzipSync(body) : body)
  })
}

const listen = async (server: Server): Promise<number> => {
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  return (server.address() as AddressInfo).port
}

describe.skipIf(!runBrowser)('a HAR recorded by Playwright (chromium) against vendor-shaped answers', () => {
  const server = vendorServer()
  const dir = mkdtempSync(join(tmpdir(), 'faultline-har-'))
  const harPath = join(dir, 'recorded.har')

  beforeAll(async () => {
    const port = await listen(server)
    // A port that was just free: nothing listens on it.
    const closed = createServer()
    const closedPort = await listen(closed)
    closed.close()
    const { chromium } = await import('playwright-core')
    const rules = [...Object.values(hosts), 'app.test'].map((host) => `MAP ${host} 127.0.0.1`)
    const browser = await chromium.launch({
      executablePath: chromiumPath,
      headless: true,
      args: [...chromiumArgs, `--host-resolver-rules=${[...rules, 'MAP * ~NOTFOUND'].join(', ')}`],
    })
    try {
      const context = await browser.newContext({ recordHar: { path: harPath, content: 'embed' } })
      const page = await context.newPage()
      await page.goto(`http://app.test:${port}/`)
      const urls = calls.map(({ vendor, path, port: which, host }) => `http://${host ?? hosts[vendor]}:${which === 'closed' ? closedPort : port}${path}`)
      // One after the other, so the HAR holds them in this order; a failed fetch rejects, and is recorded.
      await page.evaluate(async (list) => {
        for (const url of list) await fetch(url).then((response) => response.text()).catch(() => undefined)
      }, urls)
      await context.close()
    } finally {
      await browser.close()
    }
  }, 90_000)

  afterAll(() => {
    server.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('is a HAR chromium wrote: what Playwright records, failed requests included', () => {
    const har = JSON.parse(readFileSync(harPath, 'utf8')) as { log: { creator: { name: string }; entries: Array<{ request: { url: string }; response: { status: number; _failureText?: string } }> } }
    expect(har.log.creator.name).toBe('Playwright')
    const vendorEntries = har.log.entries.filter((entry) => !entry.request.url.startsWith('http://app.test'))
    expect(vendorEntries).toHaveLength(calls.length)
    expect(vendorEntries.at(-2)?.response).toMatchObject({ status: -1, _failureText: 'net::ERR_CONNECTION_REFUSED' })
    expect(vendorEntries.at(-1)?.response).toMatchObject({ status: -1, _failureText: 'net::ERR_NAME_NOT_RESOLVED' })
  })

  it('normalize: each vendor answer as its vendor means it, failed requests as transport errors', async () => {
    const { code, out, err } = await run(['normalize', '--vendor-map', vendorMap, harPath])
    expect(code).toBe(0)
    const errors = out
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { vendor: string; kind: string; reason: string; vendorCode: string | null; retryAfter: number | null; extensions: { code?: string } })
    expect(errors.map(({ vendor, kind, reason, vendorCode, retryAfter, extensions }) => [vendor, kind, reason, vendorCode, retryAfter, extensions.code ?? null])).toEqual([
      ['medblocks', 'authentication', 'invalid_credentials', 'invalid_api_key', null, null],
      ['medblocks', 'rate_limited', 'throttled', 'throttled', 30, null],
      ['scribe', 'not_found', 'resource_not_found', 'resource_not_found', null, null],
      ['scribe', 'unavailable', 'dependency_failed', 'service_unavailable', 120, null],
      ['medipim', 'invalid_request', 'validation_failed', 'validation_failed', null, null],
      ['medipim', 'rate_limited', 'throttled', 'too_many_requests', 1, null],
      ['medable', 'action_required', 'location_verification_required', 'kNewLocation', null, null],
      ['medable', 'authentication', 'session_expired', 'kSessionExpired', null, null],
      ['medblocks', 'transport', 'connection_failed', null, null, 'ECONNREFUSED'],
      ['medipim', 'transport', 'dns_failed', null, null, 'ENOTFOUND'],
    ])
    // The page itself (app.test) is not a vendor: counted, listed, not normalized.
    expect(err).toMatch(/faultline normalize: 1 entries not normalized: their host is not in the vendor map .*\n {2}app\.test:\d+ {2}1\n/)
    expect(err).toContain('14 entries read: 10 errors, 3 successes, 1 skipped')
  })

  it('report and alerts run on it end to end', async () => {
    const report = await run(['report', '--vendor-map', vendorMap, harPath])
    expect(report.code).toBe(0)
    expect(report.out).toContain('faultline report: 10 errors in 13 responses')
    expect(report.out).toMatch(/transport\s+0\s+1\s+1\s+0\s+2/)
    const alerts = await run(['alerts', '--vendor-map', vendorMap, harPath])
    expect(alerts.code).toBe(0)
    expect(alerts.err).toContain('14 entries read: 10 errors, 3 successes, 1 skipped')
  })

  it('gives the report the same responses give as capture lines', async () => {
    // Capture lines cannot say "no response": the failed requests are left out of both.
    const har = JSON.parse(readFileSync(harPath, 'utf8')) as { log: { entries: Array<{ response: { status: number } }> } }
    const answered = JSON.stringify({ log: { ...har.log, entries: har.log.entries.filter((entry) => entry.response.status > 0) } })
    const vendorOfHost = Object.fromEntries(
      har.log.entries.flatMap((entry) => {
        const url = new URL((entry as unknown as { request: { url: string } }).request.url)
        const vendor = Object.entries(hosts).find(([, host]) => host === url.hostname)?.[0]
        return vendor === undefined ? [] : [[url.host, vendor]]
      }),
    )
    const fromHar = await run(['report', '--vendor-map', vendorMap], answered)
    const fromLines = await run(['report'], harToCaptureLines(answered, vendorOfHost))
    expect(fromHar.out).toBe(fromLines.out)
    expect(fromHar.out).toContain('8 errors in 11 responses')
  })
})
