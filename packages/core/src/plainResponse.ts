import { isPlainJsonType } from './body'
import { headerSlot, readKnownHeaders } from './headers'
import type { CanonicalError } from './CanonicalError'
import type { NormalizeOptions } from './adapter'
import type { ResponseInput } from './response'
import { parseRetryAfter } from './retryAfter'
import { isPlainObject } from './json'
import { isHttpStatus } from './statusFallback'
import { nonBlank } from './build'

/**
 * A response in the form almost every caller gives, read in one step: a status line from 100 to 599, a plain
 * header record (or none), and a JSON object body, parsed already or as short JSON text. Adapters decode it on a
 * fast path that skips the general path's intermediate objects (`HttpResponse`, `Body`, a header map); it reads
 * the same own members {@link readResponse} reads, and a property test per adapter proves both paths answer alike.
 */
export interface PlainResponse {
  readonly status: number
  /** The values of the headers adapters read, by their slot in `readHeaderNames` (see {@link plainHeader}). */
  readonly headers: ReadonlyArray<string | undefined>
  /** The body: a JSON object (prototype `Object.prototype` or `null`), never an array. */
  readonly body: object
}

/** Text bodies longer than this (in characters) are left to the general path (an error document is a few hundred). */
const maxPlainText = 64 * 1024

const noHeaderValues: ReadonlyArray<string | undefined> = /*#__PURE__*/ readKnownHeaders({})

/**
 * `input` as a {@link PlainResponse}, or `undefined` when it is in any other form (no valid status, headers
 * as a `Headers` or a map, a body that is text but not one JSON object, bytes, a stream, an array...), which the
 * general path reads instead. Reads each member once; never throws.
 */
export function readPlainResponse(input: ResponseInput): PlainResponse | undefined {
  try {
    // Own members only (contract §7), as `ownResponse` reads a response.
    if (!Object.prototype.hasOwnProperty.call(input, 'status')) return undefined
    const status = input.status
    if (!isHttpStatus(status)) return undefined
    const headerInput = Object.prototype.hasOwnProperty.call(input, 'headers') ? input.headers : undefined
    let headers = noHeaderValues
    if (headerInput !== undefined && headerInput !== null) {
      // What `readHeaders` reads as a record: a plain object without an own `get`.
      if (typeof headerInput !== 'object' || !isPlainObject(headerInput) || Object.prototype.hasOwnProperty.call(headerInput, 'get')) return undefined
      headers = readKnownHeaders(headerInput)
    }
    const body = Object.prototype.hasOwnProperty.call(input, 'body') ? plainBody(input.body, headers[contentTypeSlot]) : undefined
    return body === undefined ? undefined : { status, headers, body }
  } catch {
    return undefined
  }
}

// A JSON object body, as `readBody` would classify it: a plain object as it is, or short text that is one JSON
// object under no content type or a plain JSON one (a stream type makes it lines, not JSON).
function plainBody(body: unknown, contentType: string | undefined): object | undefined {
  if (typeof body === 'string') {
    if (body.length > maxPlainText || body.charCodeAt(0) !== 123 /* { */) return undefined
    if (contentType !== undefined && !isPlainJsonType(contentType)) return undefined
    let value: unknown
    try {
      value = JSON.parse(body)
    } catch {
      return undefined
    }
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? value : undefined
  }
  return typeof body === 'object' && body !== null && !Array.isArray(body) && isPlainObject(body) ? body : undefined
}

// The slots of the headers read here, looked up once.
const contentTypeSlot = /*#__PURE__*/ headerSlot('content-type')
const retryAfterSlot = /*#__PURE__*/ headerSlot('retry-after')
const dateSlot = /*#__PURE__*/ headerSlot('date')
const xRequestIdSlot = /*#__PURE__*/ headerSlot('x-request-id')
const requestIdSlot = /*#__PURE__*/ headerSlot('request-id')

/** A header's value on a plain response; `name` is one of the headers adapters read, in lower case. */
export const plainHeader = (response: PlainResponse, name: string): string | undefined => response.headers[headerSlot(name)]

/** The request id of the response's headers (`X-Request-Id`, then `Request-Id`), as `findRequestId` reads them. */
export const plainHeaderRequestId = (response: PlainResponse): string | undefined =>
  nonBlank(response.headers[xRequestIdSlot]) ?? nonBlank(response.headers[requestIdSlot])

/** `Retry-After` in seconds, as `retryAfterOf` reads it. */
export function plainRetryAfter(response: PlainResponse, options: NormalizeOptions | undefined): number | null {
  const value = response.headers[retryAfterSlot]
  if (value === undefined) return null
  return parseRetryAfter(value, response.headers[dateSlot], options?.now ?? Date.now())
}

/**
 * Runs a fast-path decoder. A member that throws when read (a hostile getter) makes it answer `undefined`,
 * so the general path, which reads such a member as absent, decides.
 */
export function plainOrUndefined<T>(
  decode: (response: PlainResponse, options?: NormalizeOptions) => T | undefined,
  response: PlainResponse,
  options: NormalizeOptions | undefined,
): T | undefined {
  try {
    return decode(response, options)
  } catch {
    return undefined
  }
}

/**
 * An adapter's `decode` that takes its fast path first: `decodePlain` on the input read as a
 * {@link PlainResponse} when it is one, else (or when the fast path answers `undefined`) `decode`.
 */
export function plainFirst(
  decodePlain: (response: PlainResponse, options?: NormalizeOptions) => CanonicalError | undefined,
  decode: (input: ResponseInput, options?: NormalizeOptions) => CanonicalError | null,
): (input: ResponseInput, options?: NormalizeOptions) => CanonicalError | null {
  return (input, options) => {
    const response = readPlainResponse(input)
    const fast = response === undefined ? undefined : plainOrUndefined(decodePlain, response, options)
    return fast !== undefined ? fast : decode(input, options)
  }
}
