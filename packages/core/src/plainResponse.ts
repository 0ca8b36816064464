import { isPlainJsonType } from './body'
import { headerSlot, noKnownHeaders, readKnownHeaders } from './headers'
import type { CanonicalError } from './CanonicalError'
import type { Adapter, NormalizeOptions } from './adapter'
import type { ResponseInput } from './response'
import { requestIdOf } from './requestId'
import { retryAfterAt } from './retryAfter'
import { isPlainObject } from './json'
import { isHttpStatus } from './statusFallback'

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
    let headers = noKnownHeaders
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

/** The request id of a plain response, as `findRequestId` finds it: the body's own first, then the headers'. */
export const plainRequestId = (response: PlainResponse, fromBody: unknown): string | null =>
  requestIdOf(fromBody, undefined, response.headers[xRequestIdSlot], response.headers[requestIdSlot])

/** `Retry-After` in seconds, as `retryAfterOf` reads it. */
export const plainRetryAfter = (response: PlainResponse, options: NormalizeOptions | undefined): number | null =>
  retryAfterAt(response.headers[retryAfterSlot], response.headers[dateSlot], options?.now)

/**
 * What a fast path answers for a response whose body holds no error: `null` (a success) below 400, as every
 * general path does (contract §5), else `undefined`: the general path decides a failed status without an
 * error in the body by the status, reading the headers. A client that normalizes every response, to catch
 * the faults some vendors send with a 2xx, mostly meets successes.
 */
export const withoutError = (response: PlainResponse): null | undefined => (response.status < 400 ? null : undefined)

/**
 * An adapter's decoders from its fast path (`plain`) and its general one: `decodePlain` answers `undefined`
 * where `plain` does or where a member throws when read (the general path, which reads such a member as absent,
 * then decides); `decode` takes the fast path first when the input is a {@link PlainResponse}; `decodeGeneral`
 * is `general`, for the responses `decodePlain` declined.
 */
export function withFastPath(
  plain: (response: PlainResponse, options?: NormalizeOptions) => CanonicalError | null | undefined,
  general: (input: ResponseInput, options?: NormalizeOptions) => CanonicalError | null,
): Pick<Adapter, 'decode'> & Required<Pick<Adapter, 'decodePlain' | 'decodeGeneral'>> {
  const decodePlain = (response: PlainResponse, options?: NormalizeOptions): CanonicalError | null | undefined => {
    try {
      return plain(response, options)
    } catch {
      return undefined
    }
  }
  const decode = (input: ResponseInput, options?: NormalizeOptions): CanonicalError | null => {
    const response = readPlainResponse(input)
    const fast = response === undefined ? undefined : decodePlain(response, options)
    return fast !== undefined ? fast : general(input, options)
  }
  return { decode, decodePlain, decodeGeneral: general }
}
