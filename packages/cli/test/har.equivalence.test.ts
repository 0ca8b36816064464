import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { successTextFixtures, textFixtures } from '../../../bench/fixtures.mjs'
import { harDocument, harEntry, harToCaptureLines } from './fixtures/har'
import { run } from './runCli'

const hostOf = { medblocks: 'api.medblocks.test', scribe: 'api.scribe.test', medipim: 'api.medipim.test', medable: 'api.medable.test:8443' } as const
type Vendor = keyof typeof hostOf
const vendors = Object.keys(hostOf) as Vendor[]
const vendorMap = ['--vendor-map', Object.entries(hostOf).map(([vendor, host]) => `${host}=${vendor}`).join(',')]
const vendorOfHost: Record<string, string> = Object.fromEntries(Object.entries(hostOf).map(([vendor, host]) => [host, vendor]))

// One response of the traffic: a vendor's (or an unmapped host's), failed or not, written the ways HAR writers do.
const exchange = fc.record({
  vendor: fc.constantFrom<Vendor | 'unmapped'>(...vendors, 'unmapped'),
  fixture: fc.nat(),
  success: fc.boolean(),
  second: fc.integer({ min: 0, max: 4 * 3600 }),
  upperCaseNames: fc.boolean(),
  typeFromMimeType: fc.boolean(),
  base64: fc.boolean(),
})

type Exchange = typeof exchange extends fc.Arbitrary<infer T> ? T : never

const harOf = (traffic: ReadonlyArray<Exchange>): string =>
  harDocument(
    traffic.map(({ vendor, fixture, success, second, upperCaseNames, typeFromMimeType, base64 }) => {
      const list = success || vendor === 'unmapped' ? successTextFixtures : textFixtures[vendor]
      const response = list[fixture % list.length]!
      const headers = Object.entries(response.headers)
        .filter(([name]) => !(typeFromMimeType && name === 'content-type'))
        .map(([name, value]) => [upperCaseNames ? name.replace(/(^|-)[a-z]/g, (part) => part.toUpperCase()) : name, value] as const)
      return harEntry({
        url: `https://${vendor === 'unmapped' ? 'cdn.example.test' : hostOf[vendor]}/v1/resource`,
        at: new Date(Date.UTC(2026, 10, 23, 8, 0, second)).toISOString(),
        status: response.status,
        headers,
        body: response.body as string,
        base64,
        mimeType: typeFromMimeType ? (response.headers['content-type'] ?? '') : 'application/octet-stream',
      })
    }),
  )

const countsOf = (err: string) => /(\d+) (?:lines|entries) read: (\d+) errors, (\d+) successes, (\d+) skipped/.exec(err)?.slice(1)

describe('a HAR and the same traffic as capture lines', () => {
  it('give the same report, alert timeline and canonical errors, and the same counts', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(exchange, { minLength: 1, maxLength: 40 }), async (traffic) => {
        const har = harOf(traffic)
        const lines = harToCaptureLines(har, vendorOfHost)
        for (const command of ['report', 'alerts', 'normalize']) {
          const fromHar = await run([command, ...vendorMap], har)
          const fromLines = await run([command], lines)
          expect(fromHar.code).toBe(0)
          expect(fromHar.out).toBe(fromLines.out)
          expect(countsOf(fromHar.err)).toEqual(countsOf(fromLines.err))
          expect(countsOf(fromHar.err)).toBeDefined()
        }
      }),
      { numRuns: 40 },
    )
  }, 120_000)

  it('on a day of every fixture of every vendor: errors by kind and vendor, reasons, unrecognized codes', async () => {
    const traffic = vendors.flatMap((vendor, v) =>
      Array.from({ length: 12 }, (_, i) => ({ vendor, fixture: i, success: i % 4 === 3, second: 60 * (i * 4 + v), upperCaseNames: i % 2 === 0, typeFromMimeType: i % 3 === 0, base64: i % 5 === 0 })),
    )
    const har = harOf(traffic)
    const fromHar = await run(['report', ...vendorMap], har)
    const fromLines = await run(['report'], harToCaptureLines(har, vendorOfHost))
    expect(fromHar.out).toBe(fromLines.out)
    expect(fromHar.out).toContain('36 errors in 48 responses')
    expect(fromHar.err).toBe('48 entries read: 36 errors, 12 successes, 0 skipped\n')
  })
})
