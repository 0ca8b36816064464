/**
 * A body that is still to be read, asynchronously: a WHATWG `ReadableStream` (fetch), or a Node `Readable` /
 * any async iterable of byte chunks (`IncomingMessage`, undici's `BodyReadable`).
 */
export type BodyStream = ReadableStream<Uint8Array> | AsyncIterable<unknown>

/**
 * What a reader found a client's value to be: a response, its members still as the client holds them.
 * `viewOf` coerces it into the one {@link ResponseView} adapters decode.
 */
export interface ResponseSource {
  /** The status as the client holds it; only an integer from 100 to 599 is a status line. */
  readonly status: unknown
  /** The headers in any accepted form (`Headers`, a record, `[name, value]` pairs, AxiosHeaders). */
  readonly headers: unknown
  /** The body when it can be read synchronously (parsed, text or bytes); `undefined` when absent or still a stream. */
  readonly body: unknown
  /**
   * Opens the body that is still a stream, for `normalizeResponse`; `undefined` when there is none (the body is
   * in {@link body}, was consumed, or the response had none). May answer `null` when it turns out unreadable.
   */
  readonly openStream: (() => BodyStream | null) | undefined
  /** Whether the stream's bytes are as they came off the wire, their `Content-Encoding` still to be undone. */
  readonly encoded: boolean
  /** Whether a client threw it (an HTTP error class): a thrown response is an error whatever its status. */
  readonly thrown: boolean
}

/** A reader of one input form: the response a value is, or `undefined` when the value is not of its form. */
export type ResponseReader = (value: object) => ResponseSource | undefined
