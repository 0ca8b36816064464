import { isPlainObject, readOwnData } from '../json'
import type { ResponseSource } from './ResponseSource'
import { streamOpener } from './streams'

// Node defines `Response` as a lazy global accessor (it loads undici): looked up once, on first use.
let responseClass: typeof Response | null | undefined
const isThisRealmResponse = (value: object): value is Response => {
  if (responseClass === undefined) responseClass = typeof Response === 'undefined' ? null : Response
  return responseClass !== null && value instanceof responseClass
}

// Another realm's or library's fetch Response: prototype getters (allowed by §7), a Headers with get(), clone().
const isFetchLike = (value: object): value is Response => {
  const candidate = value as { status?: unknown; headers?: { get?: unknown } | null; clone?: unknown }
  return (
    typeof candidate.status === 'number' &&
    typeof candidate.clone === 'function' &&
    typeof candidate.headers === 'object' &&
    candidate.headers !== null &&
    typeof candidate.headers.get === 'function' &&
    readOwnData(value, 'status') === undefined
  )
}

/** Whether `value` is a fetch `Response` of this realm, another realm or another fetch library. */
export const isFetchResponse = (value: object): value is Response =>
  !isPlainObject(value) && (isThisRealmResponse(value) || isFetchLike(value))

// A clone, so that the caller can still read the body; a body already read (`bodyUsed`) cannot be read again.
const cloneBody = (response: Response) => (): ReadableStream<Uint8Array> | null =>
  response.bodyUsed ? null : response.clone().body

/**
 * The response of a fetch `Response`: its status and `Headers`; the body is a stream, read by `normalizeResponse`,
 * unless ofetch read it already and kept it parsed in its own `_data` (`ofetch.raw`, a `FetchError`'s response).
 */
export function fetchResponseSource(response: Response, thrown: boolean): ResponseSource {
  const parsed = readOwnData(response, '_data')
  if (parsed !== undefined) {
    // ofetch hands a stream type (`application/x-json-stream`) over as a Blob: still to be read.
    const openStream = streamOpener(parsed)
    return { status: response.status, headers: response.headers, body: openStream === undefined ? parsed : undefined, openStream, encoded: false, thrown }
  }
  return { status: response.status, headers: response.headers, body: undefined, openStream: cloneBody(response), encoded: false, thrown }
}

/** Reads a fetch `Response` (global `fetch`, undici's `fetch`, node-fetch, a browser's). */
export const readFetchResponse = (value: object): ResponseSource | undefined =>
  isFetchResponse(value) ? fetchResponseSource(value, false) : undefined
