import { isJsonSpace, toBytes } from './bytes'

/** What an input holds: a HAR 1.2 document, or the CLI's own capture lines. */
export type InputFormat = 'har' | 'ndjson'

/** An input whose format is known, with every byte of it still to read (the ones looked at are given again). */
export interface SniffedInput {
  readonly format: InputFormat
  readonly chunks: AsyncIterable<Buffer>
}

/**
 * At most this many bytes are held while deciding: an input still undecided after them (a megabyte of white
 * space) is read as capture lines, which take any amount of white space in constant memory.
 */
export const maxSniffBytes = 2 ** 20

const logKey = [0x22, 0x6c, 0x6f, 0x67, 0x22] // "log"
const bom = [0xef, 0xbb, 0xbf]

/**
 * Decides by content whether an input is a HAR document: its first text other than white space (and a UTF-8
 * byte-order mark, whole) is `{`, followed, after any white space, by the member name `"log"`, written plainly
 * (not with escapes such as `"\u006cog"`: the scanner, too, recognizes only the plain name). Anything else is read
 * as capture lines (NDJSON), whose lines start with `{"vendor"`, `{"status"`, ... The bytes read to decide are
 * held (a few, or up to {@link maxSniffBytes}) and given first by `chunks`, followed by the rest of the input.
 */
export async function sniffInput(input: AsyncIterable<unknown>): Promise<SniffedInput> {
  const iterator = input[Symbol.asyncIterator]()
  const held: Buffer[] = []
  let offset = 0
  // 0: before the `{`; 1: after it, before the name; 2 + k: k bytes of `"log"` matched.
  let state = 0
  // How many bytes of a byte-order mark the input starts with.
  let bomMatched = 0
  let format: InputFormat | undefined
  while (format === undefined) {
    const next = await iterator.next()
    if (next.done === true) {
      format = 'ndjson'
      break
    }
    const bytes = toBytes(next.value)
    held.push(bytes)
    for (let i = 0; i < bytes.length && format === undefined; i++, offset++) {
      const byte = bytes[i]!
      if (state === 0) {
        // A byte-order mark is skipped only whole, at the very start (as the scanner does): `EF` then `{` is not HAR.
        if (offset === bomMatched && bomMatched < bom.length) {
          if (byte === bom[bomMatched]) {
            bomMatched++
            continue
          }
          if (bomMatched > 0) {
            format = 'ndjson'
            continue
          }
        }
        if (isJsonSpace(byte)) continue
        if (byte === 0x7b) state = 1
        else format = 'ndjson'
      } else if (state === 1) {
        if (isJsonSpace(byte)) continue
        if (byte === logKey[0]) state = 3
        else format = 'ndjson'
      } else if (byte === logKey[state - 2]) {
        state++
        if (state === 2 + logKey.length) format = 'har'
      } else format = 'ndjson'
    }
    if (format === undefined && offset >= maxSniffBytes) format = 'ndjson'
  }
  return { format, chunks: resume(held, iterator) }
}

async function* resume(held: Buffer[], iterator: AsyncIterator<unknown>): AsyncGenerator<Buffer> {
  try {
    // Given once each, then let go.
    for (let bytes = held.shift(); bytes !== undefined; bytes = held.shift()) yield bytes
    for (;;) {
      const next = await iterator.next()
      if (next.done === true) return
      yield toBytes(next.value)
    }
  } finally {
    // A reader that stops early (or fails) closes the input, as leaving a `for await` over it would.
    await iterator.return?.()
  }
}
