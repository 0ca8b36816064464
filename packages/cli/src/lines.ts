/** One line of input, numbered from 1. */
export interface NumberedLine {
  readonly number: number
  readonly text: string
}

/** A line longer than the limit: counted and skipped, its bytes dropped as they arrive. */
export interface OverlongLine {
  readonly number: number
  /** Its length in bytes, not counting the line break. */
  readonly overlongBytes: number
}

/** What the reader gives for each line that is not blank. */
export type InputLine = NumberedLine | OverlongLine

/** Options of {@link readLineBatches}. */
export interface LineOptions {
  /** The longest line read, in bytes (not counting the line break); a longer one is an {@link OverlongLine}. */
  readonly maxLineBytes?: number
}

/** Lines up to 1 MiB are read: a captured response is a few KiB, a large one a few hundred. */
export const defaultMaxLineBytes = 2 ** 20

/**
 * The most `--max-line-bytes` may raise the limit to: 256 MiB of text is as long a string as V8 makes
 * comfortably (its maximum is 2^29 - 24 UTF-16 units), and parsing such a line holds several times that.
 */
export const maxMaxLineBytes = 2 ** 28

const toBytes = (chunk: unknown): Buffer =>
  typeof chunk === 'string'
    ? Buffer.from(chunk, 'utf8')
    : Buffer.isBuffer(chunk)
      ? chunk
      : Buffer.from((chunk as Uint8Array).buffer, (chunk as Uint8Array).byteOffset, (chunk as Uint8Array).byteLength)

/**
 * The lines of a stream, split on the byte `\n` and decoded as UTF-8 one line at a time (a line break never
 * falls inside a character; white space, a trailing `\r` and a byte-order mark trimmed; blanks numbered but
 * not yielded), without buffering the input: what a million-line capture needs. Lines come in batches, one per
 * chunk read, so the per-line cost is a loop step rather than an `await`.
 *
 * Memory is bounded by `maxLineBytes` plus a chunk, whatever the input: the start of a line is held until
 * its end arrives, and once it passes the limit its bytes are only counted (an endless line, such as
 * `/dev/zero`, is read in constant memory). A line that spans many chunks is joined once, when it ends.
 */
export async function* readLineBatches(input: AsyncIterable<unknown>, options: LineOptions = {}): AsyncGenerator<ReadonlyArray<InputLine>> {
  const maxLineBytes = options.maxLineBytes ?? defaultMaxLineBytes
  // The line under way: its bytes so far, held in `parts` while within the limit (dropped once past it).
  let parts: Buffer[] = []
  let length = 0
  let number = 0
  const lineOf = (text: string): NumberedLine | undefined => {
    const trimmed = text.trim()
    return trimmed.length > 0 ? { number, text: trimmed } : undefined
  }
  for await (const chunk of input) {
    const bytes = toBytes(chunk)
    const batch: InputLine[] = []
    let start = 0
    let end = bytes.indexOf(10)
    while (end !== -1) {
      number++
      const total = length + end - start
      if (total > maxLineBytes) batch.push({ number, overlongBytes: total })
      else {
        const line = lineOf(length === 0 ? bytes.toString('utf8', start, end) : Buffer.concat([...parts, bytes.subarray(start, end)]).toString('utf8'))
        if (line !== undefined) batch.push(line)
      }
      parts = []
      length = 0
      start = end + 1
      end = bytes.indexOf(10, start)
    }
    if (start < bytes.length) {
      length += bytes.length - start
      if (length <= maxLineBytes) parts.push(start === 0 ? bytes : bytes.subarray(start))
      else parts = []
    }
    if (batch.length > 0) yield batch
  }
  if (length > 0) {
    number++
    if (length > maxLineBytes) yield [{ number, overlongBytes: length }]
    else {
      const line = lineOf(Buffer.concat(parts).toString('utf8'))
      if (line !== undefined) yield [line]
    }
  }
}
