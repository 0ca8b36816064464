import type { Readable } from 'node:stream'

/** One line of input, numbered from 1. */
export interface NumberedLine {
  readonly number: number
  readonly text: string
}

/**
 * The lines of a stream, decoded as UTF-8 and split on `\n` (a trailing `\r` removed, blanks numbered but not
 * yielded), without buffering the whole input: what a million-line capture needs. Lines come in batches, one
 * per chunk read, so the per-line cost is a loop step rather than an `await`.
 */
export async function* readLineBatches(input: Readable): AsyncGenerator<ReadonlyArray<NumberedLine>> {
  const decoder = new TextDecoder('utf-8')
  let pending = ''
  let number = 0
  for await (const chunk of input) {
    pending += typeof chunk === 'string' ? chunk : decoder.decode(chunk as Uint8Array, { stream: true })
    const batch: NumberedLine[] = []
    let start = 0
    let end = pending.indexOf('\n', start)
    while (end !== -1) {
      number++
      const text = lineText(pending, start, end)
      if (text.length > 0) batch.push({ number, text })
      start = end + 1
      end = pending.indexOf('\n', start)
    }
    pending = pending.slice(start)
    if (batch.length > 0) yield batch
  }
  pending += decoder.decode()
  if (pending.length > 0) {
    number++
    const text = lineText(pending, 0, pending.length)
    if (text.length > 0) yield [{ number, text }]
  }
}

const lineText = (buffer: string, start: number, end: number): string =>
  buffer.slice(start, end > start && buffer.charCodeAt(end - 1) === 13 ? end - 1 : end).trim()
