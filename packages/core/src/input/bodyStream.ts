import type { BodyStream } from './ResponseSource'
import { isWebStream } from './streams'

/** What reading a body stream gave: its UTF-8 text up to the byte bound, and how the read ended. */
export interface StreamRead {
  readonly text: string
  /** Bytes read (after any `Content-Encoding` was undone), at most the bound. */
  readonly bytes: number
  /** Whether the read stopped at the bound, the rest of the body unread. */
  readonly cut: boolean
  /** What the stream failed with mid-read (a reset connection, a timeout); `undefined` when it did not. */
  readonly failure: unknown
}

const decompressible: ReadonlySet<string> = new Set(['gzip', 'x-gzip', 'deflate'])

/** The format `DecompressionStream` undoes for a `Content-Encoding`, when there is exactly one it can undo. */
export function decompressionOf(contentEncoding: string | undefined): CompressionFormat | undefined {
  if (contentEncoding === undefined) return undefined
  const coding = contentEncoding.trim().toLowerCase()
  if (!decompressible.has(coding) || typeof DecompressionStream === 'undefined') return undefined
  return coding === 'deflate' ? 'deflate' : 'gzip'
}

const encoder = /*#__PURE__*/ new TextEncoder()
const noBytes = /*#__PURE__*/ new Uint8Array(0)

const toBytes = (chunk: unknown): Uint8Array => {
  if (chunk instanceof Uint8Array) return chunk
  if (typeof chunk === 'string') return encoder.encode(chunk)
  if (ArrayBuffer.isView(chunk)) return new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength)
  return noBytes
}

/** The chunks of a stream as bytes (a Node stream may hand out strings). */
async function* chunksOf(stream: BodyStream): AsyncGenerator<Uint8Array> {
  if (isWebStream(stream)) {
    const reader = stream.getReader()
    try {
      for (;;) {
        const { done, value } = await reader.read()
        if (done) return
        yield toBytes(value)
      }
    } finally {
      // Not awaited: cancelling one branch of a tee settles only when the caller's branch is cancelled too.
      reader.cancel().catch(() => undefined)
    }
  } else {
    // A Node stream: leaving its iterator early destroys it, which releases its connection.
    for await (const chunk of stream) yield toBytes(chunk)
  }
}

/** The chunks of a stream with its `Content-Encoding` undone, through a `DecompressionStream`. */
async function* decompressed(stream: BodyStream, format: CompressionFormat): AsyncGenerator<Uint8Array> {
  const decompression = new DecompressionStream(format)
  const writer = decompression.writable.getWriter()
  const source = chunksOf(stream)
  const pump = (async () => {
    try {
      for await (const chunk of source) {
        await writer.ready
        await writer.write(chunk as Uint8Array<ArrayBuffer>)
      }
      await writer.close()
    } catch (error) {
      await writer.abort(error).catch(() => undefined)
    }
  })()
  try {
    yield* chunksOf(decompression.readable)
  } finally {
    // Stops the pump (and so the source) when the reader stopped early.
    await source.return(undefined).catch(() => undefined)
    writer.abort().catch(() => undefined)
    await pump.catch(() => undefined)
  }
}

/**
 * Reads at most `maxBytes` of a body stream as UTF-8 text, then stops: an endless stream settles within the bound,
 * and nothing holds more than it. A stream that fails mid-read answers what it gave before, with the failure.
 * Never rejects.
 */
export async function readStreamText(stream: BodyStream, maxBytes: number, decompression?: CompressionFormat): Promise<StreamRead> {
  const decoder = new TextDecoder('utf-8')
  let text = ''
  let bytes = 0
  let cut = false
  let failure: unknown
  try {
    for await (const chunk of decompression === undefined ? chunksOf(stream) : decompressed(stream, decompression)) {
      const room = maxBytes - bytes
      if (chunk.byteLength > room) {
        // More than the bound holds (or anything after it is full): the rest of the body stays unread.
        cut = true
        bytes += room
        text += decoder.decode(chunk.subarray(0, room), { stream: true })
        break
      }
      bytes += chunk.byteLength
      text += decoder.decode(chunk, { stream: true })
    }
  } catch (error) {
    failure = error ?? new Error('the body stream failed')
  }
  // A body cut at the bound may end inside a character: its first bytes are dropped, not made a U+FFFD.
  return { text: cut ? text : text + decoder.decode(), bytes, cut, failure }
}
