import fc from 'fast-check'
import { Readable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { readLineBatches, type NumberedLine } from '../src/cli/lines'

const linesOf = async (chunks: ReadonlyArray<string | Uint8Array>): Promise<NumberedLine[]> => {
  const lines: NumberedLine[] = []
  for await (const batch of readLineBatches(Readable.from(chunks, { objectMode: true }))) lines.push(...batch)
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
    expect(lines.map((line) => line.text.length)).toEqual([64 * 1024 * 1024, 4])
  })
})
