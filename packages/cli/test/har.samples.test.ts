import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { run } from './runCli'

const sample = (name: string) => fileURLToPath(new URL(`./fixtures/har/${name}`, import.meta.url))

interface Printed {
  vendor: string
  kind: string
  reason: string
  vendorCode: string | null
  retryAfter: number | null
  requestId: string | null
  extensions: { code?: string }
}

const errorsOf = (out: string): Printed[] =>
  out
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Printed)

describe('a HAR saved by Chrome DevTools ("Save all as HAR with content")', () => {
  // Chrome's quirks: `_error` on failed requests (status 0, content x-unknown), `_resourceType` (a CORS
  // preflight, an image), base64 content, `headersSize: -1`, HTTP/2 pseudo-headers in the request.
  const args = ['--vendor-map', 'api.medblocks.com=medblocks,scribe.medblocks.com=scribe,api.medipim.be=medipim,eu.api.medipim.be=medipim,api.medable.com=medable']

  it('normalizes each vendor error, the Medable fault in a 200, and each failed request as a transport error', async () => {
    const { code, out, err } = await run(['normalize', ...args, sample('chrome.har')])
    expect(code).toBe(0)
    expect(errorsOf(out).map(({ vendor, kind, reason, vendorCode, retryAfter, extensions }) => [vendor, kind, reason, vendorCode, retryAfter, extensions.code ?? null])).toEqual([
      ['medblocks', 'authentication', 'invalid_credentials', 'invalid_api_key', null, null],
      ['medblocks', 'rate_limited', 'throttled', 'throttled', 30, null],
      ['scribe', 'unavailable', 'dependency_failed', 'service_unavailable', 120, null],
      ['medipim', 'invalid_request', 'validation_failed', 'validation_failed', null, null],
      ['medable', 'action_required', 'location_verification_required', 'kNewLocation', null, null],
      ['medblocks', 'transport', 'connection_failed', null, null, 'ECONNREFUSED'],
      ['medipim', 'transport', 'dns_failed', null, null, 'ENOTFOUND'],
    ])
    // The preflight and the patient are successes; the logo's host is not mapped.
    expect(err).toContain('faultline normalize: 1 entries not normalized: their host is not in the vendor map')
    expect(err).toContain('  cdn.example.com  1\n')
    expect(err).toContain('10 entries read: 7 errors, 2 successes, 1 skipped')
  })

  it('reports it: counts by vendor and kind, the time span of the entries', async () => {
    const { code, out } = await run(['report', ...args, sample('chrome.har')])
    expect(code).toBe(0)
    expect(out).toContain('faultline report: 7 errors in 9 responses from 2026-11-23T08:00:00.215Z to 2026-11-23T08:00:06.300Z')
    expect(out).toMatch(/transport\s+0\s+1\s+1\s+0\s+2/)
    expect(out).toContain('transport / connection_failed')
  })
})

describe('a HAR saved by Firefox DevTools ("Save All As HAR")', () => {
  // Firefox's quirks: times with the local offset, base64 content with `encoding`, header names as sent
  // (repeated ones kept apart), status 0 with the failure in statusText (or nothing) for failed or cancelled requests.
  const args = ['--vendor-map', 'api.medipim.be=medipim,api.medipim.be:8443=medipim']

  it('normalizes Medipim errors and each failed request as the failure it was', async () => {
    const { code, out, err } = await run(['normalize', ...args, sample('firefox.har')])
    expect(code).toBe(0)
    expect(errorsOf(out).map(({ kind, reason, vendorCode, retryAfter, requestId, extensions }) => [kind, reason, vendorCode, retryAfter, requestId, extensions.code ?? null])).toEqual([
      ['authentication', 'invalid_credentials', 'authentication.api_key_not_found', null, null, null],
      ['rate_limited', 'throttled', 'too_many_requests', 1, 'mp-429-a, mp-429-b', null],
      ['not_found', 'resource_not_found', 'not_found', null, null, null],
      ['transport', 'connection_failed', null, null, null, 'ECONNREFUSED'],
      ['transport', 'timeout', null, null, null, 'ETIMEDOUT'],
      ['transport', 'aborted', null, null, null, 'ABORT_ERR'],
      ['transport', 'network_error', null, null, null, null],
    ])
    expect(err).toContain('  fonts.example.net  1\n')
    expect(err).toContain('9 entries read: 7 errors, 1 successes, 1 skipped')
  })

  it('reads its times with their offset', async () => {
    const { out } = await run(['report', ...args, sample('firefox.har')])
    expect(out).toContain('from 2026-11-23T08:00:00.120Z to 2026-11-23T08:00:07.000Z')
  })
})
