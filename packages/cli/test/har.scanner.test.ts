import fc from 'fast-check'
import { Readable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { HarEntryScanner, scanHarEntries, type HarScanEvent } from '../src/har/scanner'

const scan = async (chunks: ReadonlyArray<Uint8Array | string>, maxEntryBytes?: number): Promise<HarScanEvent[]> => {
  const events: HarScanEvent[] = []
  const options = maxEntryBytes === undefined ? {} : { maxEntryBytes }
  for await (const batch of scanHarEntries(Readable.from(chunks, { objectMode: true }), options)) events.push(...batch)
  return events
}

const entriesOf = (events: ReadonlyArray<HarScanEvent>): unknown[] =>
  events.map((event) => {
    if (event.type !== 'entry') throw new Error(`not an entry: ${JSON.stringify(event)}`)
    return JSON.parse(event.text) as unknown
  })

// The bytes of `data` cut at the given points (each taken modulo its length), in order.
const cut = (data: Uint8Array, points: ReadonlyArray<number>): Uint8Array[] => {
  const at = [...new Set(points.map((point) => point % (data.length + 1)))].sort((a, b) => a - b)
  return [0, ...at].map((from, i, all) => data.slice(from, all[i + 1] ?? data.length)).filter((chunk) => chunk.length > 0)
}

// Text that is hard to scan: quotes, backslashes, `\u` look-alikes, brackets, multi-byte and astral characters,
// lone surrogates (JSON.stringify writes those as `\udXXX`) and control characters (written as `\u00XX`).
const trickyText = fc
  .array(fc.oneof(fc.constantFrom('"', '\\', '\\u', '\\"', '{', '}', '[', ']', ',', ':', 'é', '€', '𝄞', '日本', '\u0000', '\n', '\ud800', '\udc00', 'log', 'entries'), fc.string({ unit: 'binary', maxLength: 6 })), { maxLength: 8 })
  .map((parts) => parts.join(''))

const value: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    trickyText,
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(trickyText, tie('value'), { maxKeys: 4 }),
  ),
})).value

const entry = fc.record({
  startedDateTime: fc.constant('2026-11-23T08:00:00.000Z'),
  request: fc.record({ method: fc.constantFrom('GET', 'POST'), url: trickyText }),
  response: fc.record({ status: fc.integer({ min: 0, max: 599 }), content: fc.record({ text: trickyText, mimeType: trickyText }) }),
  _extra: value,
})

// A HAR document: `log` among other members of the root, `entries` among other members of `log` (pages,
// creator, tools' own), in any order, with entries of any JSON value (the scanner does not judge them).
const harDocument = fc
  .record({
    entries: fc.array(fc.oneof({ weight: 4, arbitrary: entry }, { weight: 1, arbitrary: value }), { maxLength: 8 }),
    logMembers: fc.dictionary(trickyText.filter((name) => name !== 'entries'), value, { maxKeys: 4 }),
    rootMembers: fc.dictionary(trickyText.filter((name) => name !== 'log'), value, { maxKeys: 3 }),
    entriesAt: fc.nat(),
    indent: fc.constantFrom(0, 1, 2, '\t'),
  })
  .map(({ entries, logMembers, rootMembers, entriesAt, indent }) => {
    const logPairs: Array<[string, unknown]> = Object.entries({ version: '1.2', creator: { name: 'test', version: '1' }, ...logMembers })
    logPairs.splice(entriesAt % (logPairs.length + 1), 0, ['entries', entries])
    // `log` first: what detection looks for (the scanner itself finds it anywhere in the root).
    const root = Object.fromEntries([['log', Object.fromEntries(logPairs)], ...Object.entries(rootMembers)])
    return JSON.stringify(root, null, indent)
  })

describe('HAR entry scanner', () => {
  it('gives exactly JSON.parse(whole).log.entries, however the bytes are cut into chunks', async () => {
    await fc.assert(
      fc.asyncProperty(harDocument, fc.array(fc.nat(), { maxLength: 30 }), async (text, points) => {
        const bytes = new TextEncoder().encode(text)
        const expected = (JSON.parse(text) as { log: { entries: unknown[] } }).log.entries
        expect(entriesOf(await scan(cut(bytes, points)))).toEqual(expected)
      }),
      { numRuns: 300 },
    )
  })

  it('gives the same entries when the document is cut at every byte (inside strings, escapes, \\u sequences, characters)', async () => {
    const text = JSON.stringify({
      log: {
        version: '1.2',
        creator: { name: 'x"}]\\', version: '\u00e9' },
        pages: [{ id: 'p\\"1' }],
        entries: [
          { response: { status: 401, content: { text: '{"error":{"message":"caf\u00e9 \ud834\udd1e \\"q\\" \u0001 \ud800"}}' } } },
          { response: { status: 200, content: { text: '日本語 ]}[{', encoding: 'base64' } }, n: [1.5e-7, -0, true, null] },
        ],
        comment: ']}',
      },
    })
    const bytes = new TextEncoder().encode(text)
    const expected = (JSON.parse(text) as { log: { entries: unknown[] } }).log.entries
    for (let at = 0; at <= bytes.length; at++) expect(entriesOf(await scan(cut(bytes, [at])))).toEqual(expected)
    expect(entriesOf(await scan(Array.from(bytes, (byte) => Uint8Array.of(byte))))).toEqual(expected)
  })

  it('numbers entries from 1, and finds the entries after pages and before them', async () => {
    const events = await scan(['{"log":{"pages":[{"id":"a"}],"entries":[{"a":1},{"b":2}],"creator":{}}}'])
    expect(events).toEqual([
      { type: 'entry', number: 1, text: '{"a":1}' },
      { type: 'entry', number: 2, text: '{"b":2}' },
    ])
  })

  it('recognizes "log" and "entries" only written plainly, as sniffInput does, and a byte-order mark only whole', async () => {
    expect(await scan(['{"\\u006cog":{"entries":[{"a":1}]}}'])).toEqual([{ type: 'problem', problem: 'the document has no "log" member' }])
    expect(await scan(['{"log":{"entr\\u0069es":[{"a":1}]}}'])).toEqual([{ type: 'problem', problem: 'the document has no "log.entries" array' }])
    expect(await scan(['\ufeff {"log":{"entries":[ ]}}'])).toEqual([])
    const har = Buffer.from('{"log":{"entries":[{"a":1}]}}')
    expect(entriesOf(await scan([Uint8Array.of(0xef), Uint8Array.of(0xbb), Uint8Array.of(0xbf, 0x20), har]))).toEqual([{ a: 1 }])
    for (const start of [[0xef], [0xef, 0xbb], [0xbb, 0xbf], [0x20, 0xef, 0xbb, 0xbf], [0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf]]) {
      const [event] = await scan([Buffer.concat([Uint8Array.from(start), har])])
      expect(event?.type).toBe('problem')
    }
  })

  // The time of `push`ing `text` as one chunk (the least of a few runs), and the entries it gave.
  const timePush = (text: string): { ms: number; events: HarScanEvent[] } => {
    const bytes = Buffer.from(text)
    let ms = Infinity
    let events: HarScanEvent[] = []
    for (let run = 0; run < 5; run++) {
      const scanner = new HarEntryScanner()
      const started = performance.now()
      events = [...scanner.push(bytes), ...scanner.end()]
      ms = Math.min(ms, performance.now() - started)
    }
    return { ms, events }
  }

  it('crosses a run of escapes in linear time: a chunk of backslashes is not rescanned per escape', () => {
    const backslashes = (bytes: number) => `{"log":{"entries":[{"t":"${'\\\\'.repeat(bytes / 2)}"}]}}`
    const small = timePush(backslashes(2 ** 18))
    const large = timePush(backslashes(2 ** 20))
    expect(large.events).toHaveLength(1)
    expect((JSON.parse((large.events[0] as { text: string }).text) as { t: string }).t).toBe('\\'.repeat(2 ** 19))
    // Four times the bytes in one chunk: about four times the time, not sixteen (quadratic).
    expect(large.ms / Math.max(small.ms, 0.5)).toBeLessThan(8)
  })

  it('crosses many small values in one chunk in linear time: each does not search the chunk to its end', () => {
    const entries = (count: number) => `{"log":{"entries":[${Array<string>(count).fill('{"a":"b"}').join(',')}],"pages":[${Array<string>(count).fill('"p"').join(',')}]}}`
    const small = timePush(entries(2 ** 14))
    const large = timePush(entries(2 ** 16))
    expect(large.events).toHaveLength(2 ** 16)
    expect(large.ms / Math.max(small.ms, 0.5)).toBeLessThan(8)
  })

  it('reads a multi-MiB run of escaped backslashes in an entry, fed in 1 MiB chunks', async () => {
    const bytes = Buffer.from(`{"log":{"entries":[{"t":"${'\\\\'.repeat(3 * 2 ** 20)}"},{"b":2}]}}`)
    const chunks: Buffer[] = []
    for (let at = 0; at < bytes.length; at += 2 ** 20) chunks.push(bytes.subarray(at, at + 2 ** 20))
    const events = await scan(chunks)
    expect(events.map((event) => event.type)).toEqual(['entry', 'entry'])
    expect((JSON.parse((events[0] as { text: string }).text) as { t: string }).t).toBe('\\'.repeat(3 * 2 ** 20))
  }, 20_000)

  it('skips an entry over the limit, counted with its size, and reads the entries after it', async () => {
    const big = JSON.stringify({ response: { content: { text: 'x'.repeat(5_000) } } })
    const text = `{"log":{"entries":[{"a":1},${big},{"b":2}]}}`
    const chunks = cut(new TextEncoder().encode(text), Array.from({ length: 100 }, (_, i) => i * 61))
    expect(await scan(chunks, 1_000)).toEqual([
      { type: 'entry', number: 1, text: '{"a":1}' },
      { type: 'oversized', number: 2, bytes: big.length },
      { type: 'entry', number: 3, text: '{"b":2}' },
    ])
  })

  it('reports a document that is cut short, not JSON on the way to the entries, or without entries', async () => {
    const problem = async (text: string) => (await scan([text])).filter((event) => event.type === 'problem').map((event) => (event as { problem: string }).problem)
    expect(await problem('{"log":{"entries":[{"a":1},{"b":')).toEqual(['the document ends inside entry 2, after 32 bytes: truncated'])
    expect(await problem('{"log":{"entries":[{"a":1}]')).toEqual(["the document ends before its last '}', after 27 bytes: truncated"])
    expect(await problem('{"log":[]}')).toEqual(['"log" is not an object'])
    expect(await problem('{"log":{"entries":{}}}')).toEqual(['"log.entries" is not an array'])
    expect(await problem('{"log":{"version":"1.2"}}')).toEqual(['the document has no "log.entries" array'])
    expect(await problem('{"log":{"entries":[]}} x')).toEqual(['text after the end of the HAR document, at byte 23'])
    expect(await problem('{"log":{"entries":[{"a":1} {"b":2}]}}')).toEqual(["not JSON: '{' at byte 27, where ',' or ']' in log.entries was expected"])
    // Entries before the problem are given.
    expect((await scan(['{"log":{"entries":[{"a":1},}'])).map((event) => event.type)).toEqual(['entry', 'problem'])
  })

  it('stops reading at a problem', () => {
    const scanner = new HarEntryScanner()
    expect(scanner.push(Buffer.from('{"log":7'))).toEqual([{ type: 'problem', problem: '"log" is not an object' }])
    expect(scanner.stopped).toBe(true)
    expect(scanner.push(Buffer.from('{"log":{"entries":[{}]}}'))).toEqual([])
  })
})
