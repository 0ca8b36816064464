import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readHarEntry } from '../src/har/entry'
import { harDocument, harEntry } from './fixtures/har'
import { run } from './runCli'

const at = (minute: number, second = 0) => new Date(Date.UTC(2026, 10, 23, 8, minute, second)).toISOString()
const json = [['Content-Type', 'application/json']] as const
const invalidKey = JSON.stringify({ error: { type: 'authentication_error', code: 'invalid_api_key', message: 'API key invalid' } })
const unauthorized = (minute: number, host = 'api.medblocks.com') => harEntry({ url: `https://${host}/v1/patients`, at: at(minute), status: 401, headers: json, body: invalidKey })
const ok = (minute: number, host = 'api.medblocks.com') => harEntry({ url: `https://${host}/v1/patients`, at: at(minute), status: 200, headers: json, body: '{"id":"p_1"}' })
const map = ['--vendor-map', 'api.medblocks.com=medblocks,api.medipim.be=medipim']

const tempFile = (name: string, text: string): string => {
  const file = join(mkdtempSync(join(tmpdir(), 'faultline-')), name)
  writeFileSync(file, text)
  return file
}

const kinds = (out: string) =>
  out
    .trim()
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line) => {
      const error = JSON.parse(line) as { vendor: string; kind: string; reason: string }
      return `${error.vendor} ${error.kind}/${error.reason}`
    })

describe('HAR input: detected by content', () => {
  const har = harDocument([unauthorized(0), ok(1)], 2)

  it('reads a HAR file given as an argument, and on stdin, whatever its name', async () => {
    const fromFile = await run(['normalize', ...map, tempFile('capture.txt', har)])
    const fromStdin = await run(['normalize', ...map], har)
    for (const { code, out, err } of [fromFile, fromStdin]) {
      expect(code).toBe(0)
      expect(kinds(out)).toEqual(['medblocks authentication/invalid_credentials'])
      expect(err).toBe('2 entries read: 1 errors, 1 successes, 0 skipped\n')
    }
  })

  it('takes white space, a byte-order mark and line breaks before "log"', async () => {
    const spaced = `\ufeff \r\n\t{ \n  "log"  : ${JSON.stringify({ entries: [unauthorized(0)] })}}\n`
    expect((await run(['report', ...map], spaced)).err).toBe('1 entries read: 1 errors, 0 successes, 0 skipped\n')
  })

  it('reads capture lines as before, whatever the flags; a JSON document without "log" first is capture lines', async () => {
    const line = JSON.stringify({ vendor: 'medblocks', at: at(0), status: 401, body: JSON.parse(invalidKey) as unknown })
    const { out, err } = await run(['normalize'], `${line}\n${line}\n`)
    expect(kinds(out)).toEqual(['medblocks authentication/invalid_credentials', 'medblocks authentication/invalid_credentials'])
    expect(err).toBe('2 lines read: 2 errors, 0 successes, 0 skipped\n')
    const other = await run(['report'], JSON.stringify({ version: '1.2', log: { entries: [] } }))
    expect(other.err).toContain('line 1: skipped: no vendor')
    expect((await run(['report', ...map], line)).err).toContain('--vendor-map is for HAR input; this input is read as capture lines (NDJSON)')
  })
})

describe('HAR entries as responses', () => {
  it('reads status, headers (a repeated name joined), base64 bodies, and the content type of content.mimeType', () => {
    const entry = harEntry({
      url: 'https://api.medipim.be/v4/products',
      at: '2015-05-29T16:10:30.424+02:00',
      status: 429,
      headers: [
        ['Retry-After', '1'],
        [':status', '429'],
        ['X-Request-Id', 'mp-1'],
        ['x-request-id', 'mp-2'],
        ['__proto__', 'x'],
      ],
      body: '{"error":{"status":429,"code":"too_many_requests","message":"Too many requests."}}',
      base64: true,
      mimeType: 'application/json; charset=utf-8',
    })
    const read = readHarEntry(entry)
    expect(read).toMatchObject({
      type: 'response',
      at: Date.parse('2015-05-29T14:10:30.424Z'),
      status: 429,
      body: '{"error":{"status":429,"code":"too_many_requests","message":"Too many requests."}}',
    })
    const headers = (read as { headers: Record<string, unknown> }).headers
    expect(Object.getPrototypeOf(headers)).toBe(Object.prototype)
    expect({ ...headers }).toEqual({ 'retry-after': '1', 'x-request-id': ['mp-1', 'mp-2'], ['__proto__']: 'x', 'content-type': 'application/json; charset=utf-8' })
    const withHeader = readHarEntry(harEntry({ url: 'https://a.example/', status: 200, headers: [['content-type', 'text/plain']], mimeType: 'application/json' }))
    expect((withHeader as { headers: Record<string, unknown> }).headers['content-type']).toBe('text/plain')
  })

  it('normalizes them as the vendors mean them: retry delays, request ids, Medable faults in a 200', async () => {
    const entries = [
      harEntry({
        url: 'https://api.medipim.be/v4/products',
        at: at(0),
        status: 429,
        headers: [['Retry-After', '1'], ['X-Request-Id', 'mp-1'], ['x-request-id', 'mp-2']],
        body: '{"error":{"status":429,"code":"too_many_requests","message":"Too many requests."}}',
        base64: true,
      }),
      harEntry({
        url: 'https://api.medable.com/v2/c_patient',
        at: at(1),
        status: 200,
        body: '{"object":"fault","name":"location","code":"kNewLocation","errCode":"cortex.success.newLocation","status":200}',
      }),
    ]
    const { out, code } = await run(['normalize', '--vendor-map', 'api.medipim.be=medipim,api.medable.com=medable'], harDocument(entries))
    expect(code).toBe(0)
    const [medipim, medable] = out.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>)
    expect(medipim).toMatchObject({ vendor: 'medipim', kind: 'rate_limited', retryAfter: 1, requestId: 'mp-1, mp-2' })
    expect(medable).toMatchObject({ vendor: 'medable', vendorCode: 'kNewLocation' })
  })

  it('takes --vendor as the vendor of every entry the map does not name', async () => {
    const { out, err } = await run(['normalize', '--vendor', 'scribe', '--vendor-map', 'api.medblocks.com=medblocks'], harDocument([unauthorized(0), unauthorized(1, 'api.scribe.test')]))
    expect(kinds(out)).toEqual(['medblocks authentication/invalid_credentials', 'scribe authentication/unrecognized'])
    expect(err).toBe('2 entries read: 2 errors, 0 successes, 0 skipped\n')
  })
})

describe('HAR entries the CLI does not normalize', () => {
  it('counts the entries of unmapped hosts as skipped and lists their hosts, most entries first, bounded', async () => {
    const entries = [unauthorized(0), ok(0, 'cdn.example.com:8443'), ok(1, 'cdn.example.com:8443'), ok(2, 'fonts.example.net')]
    for (let i = 0; i < 30; i++) entries.push(ok(3, `host${String(i).padStart(2, '0')}.example.org`))
    const { code, err } = await run(['report', ...map], harDocument(entries))
    expect(code).toBe(0)
    const lines = err.trim().split('\n')
    expect(lines[0]).toBe(
      'faultline report: 33 entries not normalized: their host is not in the vendor map (add it with --vendor-map HOST=VENDOR, or give --vendor for all):',
    )
    expect(lines[1]).toBe('  cdn.example.com:8443  2')
    expect(lines[2]).toBe('  fonts.example.net  1')
    expect(lines[3]).toBe('  host00.example.org  1')
    expect(lines[21]).toBe('  and 12 entries of 12 other hosts')
    expect(lines.at(-1)).toBe('34 entries read: 1 errors, 0 successes, 33 skipped')
    expect(err).not.toContain('entry 2: skipped')
  })

  it('says so when no vendor was given at all, and prints hosts redacted', async () => {
    const { err } = await run(['report'], harDocument([ok(0, 'sk_live_4eC39HqLyjWDarjtT1zdp7dc.example.com')]))
    expect(err).toContain('1 entries not normalized: no vendor given (name each')
    expect(err).not.toContain('4eC39HqLyjWDarjtT1zdp7dc')
  })

  it('prints an IP host as it is, so that its --vendor-map hint can be followed; a name with digits stays redacted', async () => {
    const { err } = await run(['report'], harDocument([ok(0, '192.168.100.200:8443'), ok(0, '[2001:db8::1]:8080'), ok(0, 'api5551234567.example.com')]))
    expect(err).toContain('  192.168.100.200:8443  1')
    expect(err).toContain('  [2001:db8::1]:8080  1')
    expect(err).not.toContain('5551234567')
  })

  it('lists entries it cannot read by number, and --strict fails on them', async () => {
    const entries = [
      unauthorized(0),
      { ...unauthorized(1), startedDateTime: 'yesterday' },
      { ...unauthorized(2), response: { status: 'soon' } },
      harEntry({ url: 'https://api.medblocks.com/x', status: 700 }),
      harEntry({ url: 'not a url', status: 401 }),
      'an entry that is a string',
    ]
    const { code, err } = await run(['report', '--strict', ...map], harDocument(entries))
    expect(err).toContain('entry 2: skipped: "startedDateTime" is not an ISO date')
    expect(err).toContain('entry 3: skipped: response.status is not a number')
    expect(err).toContain('entry 4: skipped: status is not an HTTP status (100-599)')
    expect(err).toContain('entry 5: skipped: request.url has no host, and no --vendor was given')
    expect(err).toContain('entry 6: skipped: not a JSON object')
    expect(err).toContain('6 entries read: 1 errors, 0 successes, 5 skipped')
    expect(code).toBe(3)
  })

  it('skips an entry over --max-entry-bytes unread, and reads the ones after it', async () => {
    const big = harEntry({ url: 'https://api.medblocks.com/x', at: at(1), status: 401, body: 'x'.repeat(10_000) })
    const { code, err } = await run(['report', '--max-entry-bytes', '4K', ...map], harDocument([unauthorized(0), big, unauthorized(2)]))
    expect(code).toBe(0)
    expect(err).toContain(`entry 2: skipped: ${JSON.stringify(big).length} bytes, over the 4096-byte entry limit (raise it with --max-entry-bytes)`)
    expect(err).toContain('3 entries read: 2 errors, 0 successes, 1 skipped')
    expect((await run(['report', '--max-entry-bytes', '0'], '')).code).toBe(2)
  })

  it('reports a document cut short with exit code 1, after reporting the entries before the cut', async () => {
    const whole = harDocument([unauthorized(0), unauthorized(1), unauthorized(2)])
    const cut = whole.slice(0, whole.lastIndexOf('"startedDateTime"'))
    const { code, out, err } = await run(['report', ...map], cut)
    expect(code).toBe(1)
    expect(out).toContain('2 errors in 2 responses')
    expect(err).toMatch(/faultline report: not a whole HAR document: the document ends inside entry 3, after \d+ bytes: truncated \(the 2 entries before it were read\)/)
    expect(err).toContain('2 entries read: 2 errors, 0 successes, 0 skipped')
  })

  it('fails with exit code 2 on a vendor map that is not host=vendor, before reading anything', async () => {
    const { code, err } = await run(['report', '--vendor-map', 'https://api.medblocks.com/=medblocks'], harDocument([]))
    expect(code).toBe(2)
    expect(err).toContain('is not a host or host:port')
  })
})

describe('alerts on a HAR', () => {
  it('replays a credentials break by the entries\' times: fires, then resolves', async () => {
    const entries = [...Array.from({ length: 6 }, (_, i) => unauthorized(i)), ok(40)]
    const { out, code } = await run(['alerts', ...map], harDocument(entries))
    expect(code).toBe(0)
    expect(out).toMatch(/FIRING\s+page\s+credentials-failing\s+vendor=medblocks/)
    expect(out).toMatch(/resolved\s+page\s+credentials-failing/)
    expect(out).toContain('0 alerts firing at the end of the capture')
  })
})
