import fc from 'fast-check'
import { Readable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { maxSniffBytes, sniffInput } from '../src/har/sniff'

const sniff = async (chunks: ReadonlyArray<string | Uint8Array>) => {
  const input = await sniffInput(Readable.from(chunks, { objectMode: true }))
  const bytes: Buffer[] = []
  for await (const chunk of input.chunks) bytes.push(chunk)
  return { format: input.format, text: Buffer.concat(bytes).toString('utf8') }
}

describe('telling a HAR from capture lines', () => {
  it('finds `{` then "log" after any white space and byte-order mark, however the input is cut, and gives every byte on', async () => {
    const starts = fc.tuple(fc.constantFrom('', '\ufeff'), fc.stringMatching(/^[ \t\r\n]{0,6}$/), fc.stringMatching(/^[ \t\r\n]{0,6}$/))
    await fc.assert(
      fc.asyncProperty(starts, fc.constantFrom('"log":{"entries":[]}}', '"vendor":"medblocks","status":401}\n', '"lo":1}', '"logs":1}', ' "log" '), fc.array(fc.nat(), { maxLength: 6 }), async ([bom, before, after], rest, cuts) => {
        const text = `${bom}${before}{${after}${rest}`
        const bytes = Buffer.from(text, 'utf8')
        const points = [...new Set(cuts.map((cut) => cut % (bytes.length + 1)))].sort((a, b) => a - b)
        const chunks = [0, ...points].map((from, i, all) => bytes.subarray(from, all[i + 1] ?? bytes.length)).filter((chunk) => chunk.length > 0)
        const { format, text: given } = await sniff(chunks)
        expect(format).toBe(rest.trimStart().startsWith('"log"') ? 'har' : 'ndjson')
        expect(given).toBe(text)
      }),
    )
  })

  it('reads anything else as capture lines: empty input, a line, text, a JSON array', async () => {
    for (const text of ['', '\n\n', 'not json', '[{"log":1}]', '{"vendor":"x"}\n{"log":1}', '"log"']) expect((await sniff([text])).format).toBe('ndjson')
  })

  it('agrees with the scanner: a byte-order mark only whole, and "log" only written plainly', async () => {
    const har = Buffer.from('{"log":{"entries":[]}}')
    expect((await sniff([Uint8Array.of(0xef), Uint8Array.of(0xbb, 0xbf), har])).format).toBe('har')
    for (const start of [[0xef], [0xef, 0xbb], [0xbb, 0xbf], [0x20, 0xef, 0xbb, 0xbf]]) expect((await sniff([Uint8Array.from(start), har])).format).toBe('ndjson')
    expect((await sniff(['{"\\u006cog":{"entries":[]}}'])).format).toBe('ndjson')
  })

  it('decides after at most a megabyte of white space, and holds no more', async () => {
    const spaces = ' '.repeat(64 * 1024)
    const chunks = [...Array<string>(maxSniffBytes / spaces.length + 2).fill(spaces), '{"log":{}}']
    const { format, text } = await sniff(chunks)
    expect(format).toBe('ndjson')
    expect(text.length).toBe(chunks.join('').length)
  })
})
