import { PassThrough, Readable } from 'node:stream'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { describe, expect, it } from 'vitest'
import { successTextFixtures, textFixtures } from '../../../bench/fixtures.mjs'
import { runCli } from '../src/main'
import { harEntry } from './fixtures/har'

// A full collection on demand, so that what is measured is what is held, not garbage not yet collected.
setFlagsFromString('--expose-gc')
const gc = runInNewContext('gc') as () => void

const megabyte = 2 ** 20

/** Live memory after a full collection: the JS heap and the buffers outside it. */
const liveBytes = (): number => {
  gc()
  const { heapUsed, arrayBuffers } = process.memoryUsage()
  return heapUsed + arrayBuffers
}

// Entries of every vendor's failures and successes, each about 2 KB as a browser writes them (request headers,
// timings), with `at` a second apart.
const entryTexts = (() => {
  const responses = [...Object.entries(textFixtures).flatMap(([vendor, list]) => list.map((response) => ({ vendor, ...response }))), ...successTextFixtures.map((response) => ({ vendor: 'medblocks', ...response }))]
  return responses.map(({ vendor, status, headers, body }) => (second: number) => {
    const entry = harEntry({ url: `https://api.${vendor}.test/v1/resource?page=${second}`, at: new Date(Date.UTC(2026, 10, 23, 0, 0, second)).toISOString(), status, headers: Object.entries(headers), body: body as string })
    ;(entry.request as { headers: unknown }).headers = Array.from({ length: 20 }, (_, i) => ({ name: `x-browser-header-${i}`, value: 'v'.repeat(60) }))
    return JSON.stringify(entry)
  })
})()

const bigEntry = { start: '{"response":{"status":200,"content":{"text":"', end: '"}}}' }

/**
 * A HAR document of `entryBytes` of entries, made as it is read (never whole): a 10 MB creator comment before
 * the entries, a 30 MB entry over the limit among them, a 20 MB pages array after them. `onMegabyte` is called
 * at each megabyte of entries given.
 */
function generatedHar(entryBytes: number, onMegabyte: (megabytes: number) => void): { stream: Readable; entries: () => number } {
  let given = 0
  let entries = 0
  let nextMegabyte = megabyte
  const pieces = (function* () {
    yield `{"log":{"version":"1.2","creator":{"name":"generated","version":"1","comment":"`
    for (let i = 0; i < 10; i++) yield 'c\\"\\\\'.repeat(megabyte / 4)
    yield `"},"entries":[`
    let chunk: string[] = []
    let length = 0
    for (let second = 0; given < entryBytes; second++) {
      const text = entryTexts[second % entryTexts.length]!(second)
      chunk.push(entries === 0 ? text : `,${text}`)
      entries++
      length += text.length + 1
      given += text.length + 1
      if (given >= nextMegabyte) {
        onMegabyte(nextMegabyte / megabyte)
        nextMegabyte += megabyte
      }
      if (entries === 1000) {
        // An entry over --max-entry-bytes: counted and skipped, never held.
        yield `${chunk.join('')},${bigEntry.start}`
        for (let i = 0; i < 30; i++) yield 'x'.repeat(megabyte)
        yield bigEntry.end
        entries++
        chunk = []
        length = 0
      }
      if (length >= 256 * 1024) {
        yield chunk.join('')
        chunk = []
        length = 0
      }
    }
    yield `${chunk.join('')}],"pages":[`
    for (let i = 0; i < 20_000; i++) yield `${i === 0 ? '' : ','}{"id":"page_${i}","title":"${'t'.repeat(1000)}","pageTimings":{}}`
    yield ']}}\n'
  })()
  return { stream: Readable.from(pieces, { objectMode: false, highWaterMark: 64 * 1024 }), entries: () => entries }
}

describe('a large HAR, streamed', () => {
  it('is read in bounded memory and linear time: 200 MB of entries, a 30 MB entry and 30 MB of other members', async () => {
    const baseline = liveBytes()
    let peak = 0
    const reachedAt: number[] = []
    const started = performance.now()
    const { stream, entries } = generatedHar(200 * megabyte, (megabytes) => {
      if (megabytes % 10 === 0) peak = Math.max(peak, liveBytes() - baseline)
      if (megabytes % 50 === 0) reachedAt.push(performance.now() - started)
    })
    const stdout = new PassThrough()
    const stderr = new PassThrough()
    let out = ''
    let err = ''
    stdout.on('data', (chunk: Buffer) => (out += chunk.toString()))
    stderr.on('data', (chunk: Buffer) => (err += chunk.toString()))
    const code = await runCli(['report', '--vendor-map', 'api.medblocks.test=medblocks,api.scribe.test=scribe,api.medipim.test=medipim,api.medable.test=medable', '--max-entry-bytes', '1M'], {
      stdin: stream,
      stdout,
      stderr,
    })
    const elapsed = performance.now() - started
    const total = entries()
    expect(code).toBe(0)
    expect(err).toContain(`entry 1001: skipped: ${bigEntry.start.length + 30 * megabyte + bigEntry.end.length} bytes, over the 1048576-byte entry limit (raise it with --max-entry-bytes)`)
    expect(err).toContain(`${total} entries read: `)
    expect(err).toMatch(/ 1 skipped\n$/)
    expect(out).toContain('faultline report:')
    // What this machine measured is logged; the bounds are loose enough for a loaded CI runner.
    const quarters = reachedAt.map((ms, i) => ms - (reachedAt[i - 1] ?? 0))
    console.log(
      `HAR stream: ${total} entries, 200 MB of entries + 60 MB of other text in ${Math.round(elapsed)} ms; ` +
        `peak live memory +${(peak / megabyte).toFixed(1)} MB; 50 MB quarters in ${quarters.map((ms) => Math.round(ms)).join(' / ')} ms`,
    )
    expect(peak).toBeLessThan(100 * megabyte)
    // Linear: the last 50 MB take about as long as the first (a scan of everything held per chunk would make
    // the fourth quarter take 7 times the first).
    expect(quarters).toHaveLength(4)
    expect(quarters[3]!).toBeLessThan(3 * Math.max(quarters[0]!, 1_000))
  }, 180_000)
})
