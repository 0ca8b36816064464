import type { BodyStream } from './ResponseSource'

/** Whether `value` is a WHATWG `ReadableStream` of any realm (fetch bodies, `Blob#stream()`). */
export const isWebStream = (value: object): value is ReadableStream<Uint8Array> =>
  typeof (value as { getReader?: unknown }).getReader === 'function' && typeof (value as { tee?: unknown }).tee === 'function'

/**
 * Whether `value` is a Node `Readable` (an `IncomingMessage`, undici's `BodyReadable`): a stream that pipes and
 * iterates asynchronously.
 */
export const isNodeStream = (value: object): value is AsyncIterable<unknown> =>
  typeof (value as { pipe?: unknown }).pipe === 'function' &&
  typeof (value as { on?: unknown }).on === 'function' &&
  typeof (value as { [Symbol.asyncIterator]?: unknown })[Symbol.asyncIterator] === 'function'

/** Whether `value` is a `Blob` (or `File`) of any realm: bytes read through `stream()`. */
const isBlob = (value: object): value is Blob =>
  typeof (value as { stream?: unknown }).stream === 'function' &&
  typeof (value as { arrayBuffer?: unknown }).arrayBuffer === 'function' &&
  typeof (value as { size?: unknown }).size === 'number'

/** How to open a body that can only be read asynchronously; `undefined` for any other body. Never throws. */
export function streamOpener(body: unknown): (() => BodyStream | null) | undefined {
  if (typeof body !== 'object' || body === null) return undefined
  try {
    // The usual body, parsed JSON, is no stream: told by its prototype alone.
    const proto: unknown = Object.getPrototypeOf(body)
    if (proto === Object.prototype || proto === Array.prototype || proto === null) return undefined
    if (isWebStream(body)) return () => body
    if (isNodeStream(body)) return () => body
    if (isBlob(body)) return () => body.stream()
  } catch {
    // A body that throws when looked at is no stream.
  }
  return undefined
}
