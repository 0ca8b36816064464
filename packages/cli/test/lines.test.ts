import fc from 'fast-check'
import { Readable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { readLineBatches, type InputLine, type NumberedLine } from '../src/lines'

const linesOf = async (chunks: ReadonlyArray<string | Uint8Array>, maxLineBytes?: number): Promise<InputLine[]> => {
  const lines: InputLine[] = []
  const options = maxLineBytes === undefined ? {} : { maxLineBytes }
  for await (const batch of readLineBatches(Readable.from(chunks, { objectMode: true }), options)) lines.push(...batch)
  return lines
}

// What the reader must give for a whole text: numbered lines, trimmed, a trailing `\r` removed, blanks skipped.
const expected = (text: string): NumberedLine[] =>
  text
    .split('\n')
    .map((line, i) => ({ number: i + 1, text: line.replace(/\r$/, '').trim() }))
    .filter((line, i, all) => line.text.length > 0 && !(i === all.length - 1 && line.text === ''))

describe('readLineBatches', () => {
  it('gives the lines of the whole text, however it is cut into chunks (as text or UTF-8 bytes)', async () => {
    const textArb = fc.array(fc.constantFrom('a', 'é', '{"x":1}', ' ', '\n', '\r\n', '\n\n', '€'), { maxLength: 40 }).map((parts) => parts.join(''))
    await fc.assert(
      fc.asyncProperty(textArb, fc.array(fc.nat(), { maxLength: 10 }), fc.boolean(), async (text, cuts, asBytes) => {
        const data = asBytes ? new TextEncoder().encode(text) : text
        const points = [...new Set(cuts.map((cut) => cut % (data.length + 1)))].sort((a, b) => a - b)
        const chunks = [0, ...points].map((from, i, all) => data.slice(from, all[i + 1] ?? data.length)).filter((chunk) => chunk.length > 0)
        expect(await linesOf(chunks)).toEqual(expected(text))
      }),
    )
  })

  it('reads a line spread over many chunks in time linear in its length', async () => {
    // 4,096 chunks of 16 KiB and no newline: searching all the text held at every chunk took seconds.
    const chunk = 'x'.repeat(16 * 1024)
    const lines = await linesOf([...Array<string>(4_096).fill(chunk), '\nlast'])
    expect(lines.map((line) => ('text' in line ? line.text.length : line.overlongBytes))).toEqual([64 * 1024 * 1024, 4])
  })
})

// The byte length of each line of a text, before trimming (not counting `\n`).
const byteLengths = (text: string): number[] => text.split('\n').map((line) => Buffer.byteLength(line))

describe('readLineBatches: the line limit', () => {
  it('gives every line within the limit, and in place of each longer one its number and byte length', async () => {
    const textArb = fc.array(fc.constantFrom('a', 'é', '€', '{"x":1}', ' ', '\n', '\r\n', 'xxxxxxxxxxxx'), { maxLength: 40 }).map((parts) => parts.join(''))
    await fc.assert(
      fc.asyncProperty(textArb, fc.array(fc.nat(), { maxLength: 10 }), fc.integer({ min: 1, max: 30 }), async (text, cuts, maxLineBytes) => {
        const data = new TextEncoder().encode(text)
        const points = [...new Set(cuts.map((cut) => cut % (data.length + 1)))].sort((a, b) => a - b)
        const chunks = [0, ...points].map((from, i, all) => data.slice(from, all[i + 1] ?? data.length)).filter((chunk) => chunk.length > 0)
        const lengths = byteLengths(text)
        const want = [
          ...expected(text).filter((line) => lengths[line.number - 1]! <= maxLineBytes),
          ...lengths.flatMap((bytes, i) => (bytes > maxLineBytes ? [{ number: i + 1, overlongBytes: bytes }] : [])),
        ].sort((a, b) => a.number - b.number)
        expect(await linesOf(chunks, maxLineBytes)).toEqual(want)
      }),
    )
  })

  it('skips a line longer than the limit and reads on (1 MiB by default)', async () => {
    const chunk = 'x'.repeat(64 * 1024)
    const lines = await linesOf(['{"first":1}\n', ...Array<string>(32).fill(chunk), '\n{"after":2}\n', 'y'.repeat(2 ** 20), '\nend'])
    expect(lines).toEqual([
      { number: 1, text: '{"first":1}' },
      { number: 2, overlongBytes: 2 * 2 ** 20 },
      { number: 3, text: '{"after":2}' },
      { number: 4, text: 'y'.repeat(2 ** 20) },
      { number: 5, text: 'end' },
    ])
  })

  it('counts a line of any length: 256 MiB of one line against a 1 KiB limit (memory: cli.lineLimit.test.ts)', async () => {
    const chunk = new Uint8Array(2 ** 20)
    async function* endless() {
      for (let i = 0; i < 256; i++) yield chunk
      yield new TextEncoder().encode('\n{"then":1}')
    }
    const lines: InputLine[] = []
    for await (const batch of readLineBatches(Readable.from(endless()), { maxLineBytes: 1024 })) lines.push(...batch)
    expect(lines).toEqual([
      { number: 1, overlongBytes: 2 ** 28 },
      { number: 2, text: '{"then":1}' },
    ])
  })
})
