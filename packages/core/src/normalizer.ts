import type { CanonicalError } from './CanonicalError'
import type { Adapter, NormalizeOptions } from './adapter'
import { isStreamContentType } from './body'
import { canonicalError, canonicalErrorOf, nonBlank, statusRead } from './build'
import { meaningOfStatus } from './catalog'
import { decodeByStatus } from './decodeHelpers'
import { isFaultlineError } from './errors'
import { readHeaders } from './headers'
import { decompressionOf, readStreamText, type StreamRead } from './input/bodyStream'
import { readResponseSource } from './input/readers'
import type { BodyStream, ResponseSource } from './input/ResponseSource'
import { bodyView, responseView, viewOf, viewWithHeaders, type ResponseView } from './input/view'
import { hasOwnMember, readOwnData } from './json'
import type { WireResponse } from './response'
import { retryCall, type RetryOptions } from './retry'
import { defaultRetryPolicy, type RetryPolicy } from './retryPolicy'
import { isHttpStatus } from './statusFallback'
import { decodeTransportError, transportError } from './transport'

/** A vendor id: one of the bundled adapters (four vendors, two standards), or the id of an adapter the user registered. */
export type VendorId = 'medblocks' | 'scribe' | 'medipim' | 'medable' | 'problem' | 'fhir' | (string & {})

/** Options of `normalizeResponse`. */
export interface NormalizeResponseOptions extends NormalizeOptions {
  /**
   * At most this many bytes of a body still to be read are read (default 1 MiB), after any `Content-Encoding` is
   * undone; the rest stays unread. A longer body is judged by its status and what was read: the complete lines of
   * a stream body (NDJSON, JSON-stream), the text of any other.
   */
  readonly maxBodyBytes?: number
}

/** `normalizeError`, `normalizeResponse` and `encodeError` over one set of adapters. */
export interface Normalizer {
  /**
   * Any vendor failure, in any form, as one {@link CanonicalError}; `null` only for a successful response.
   * Total: never throws, whatever `input` is.
   */
  normalizeError(vendor: VendorId, input: unknown, options?: NormalizeOptions): CanonicalError | null
  /**
   * `normalizeError` for a response whose body is still a stream: a fetch `Response` (a clone is read, so the
   * caller can still read the body), a Node `IncomingMessage`, undici's `request()` result, a ky `HTTPError`...
   * At most `maxBodyBytes` of the body are read, then reading stops. A body that fails mid-read after a success
   * status is a `transport` error unless what was read holds the vendor's error. Any other input is answered as
   * `normalizeError` answers it. Never rejects.
   */
  normalizeResponse(vendor: VendorId, response: unknown, options?: NormalizeResponseOptions): Promise<CanonicalError | null>
  /** The vendor's own wire form of a canonical error. Throws only for a vendor with no adapter. */
  encodeError(vendor: VendorId, error: CanonicalError): WireResponse
  /** The retry behaviour the vendor documents, else {@link defaultRetryPolicy}. */
  retryPolicy(vendor: VendorId): RetryPolicy
  /**
   * Runs an async call with the vendor's retry policy: what it throws is normalized, and what it returns too
   * when it is a response (a fetch `Response` or `{ status, ... }`); resolves with the first success, rejects
   * with the typed error (`FaultlineError` subclass) of the last attempt.
   */
  withRetry<T>(call: (attempt: number) => Promise<T>, options: WithRetryOptions): Promise<T>
  /** The registered adapters by id. */
  readonly adapters: ReadonlyMap<string, Adapter>
}

/** Options of `withRetry`: the vendor, and optionally a policy and the knobs of {@link RetryOptions}. */
export interface WithRetryOptions extends Omit<RetryOptions, 'normalize' | 'policy'>, NormalizeResponseOptions {
  readonly vendor: VendorId
  /** Overrides the vendor's documented policy. */
  readonly policy?: RetryPolicy
}

const defaultMaxBodyBytes = 1024 * 1024
const maxDetailLength = 1_000

// axios marks its errors with `isAxiosError` (own in axios 1.x; a prototype getter is accepted too, §7).
const isAxiosError = (value: object): boolean => (value as { isAxiosError?: unknown }).isAxiosError === true

// axios' code for a response it could not take in (a 5xx, or a body cut off or too long).
const badResponse = (value: object): boolean => readOwnData(value, 'code') === 'ERR_BAD_RESPONSE'

const isErrorLike = (value: object): boolean =>
  value instanceof Error || hasOwnMember(value, 'statusCode') || hasOwnMember(value, 'requestId') || hasOwnMember(value, 'retryAfter')

/** An error decided by the status alone, for a thrown response whose status says success. */
const statusOnlyError = (vendor: string, status: number | null): CanonicalError =>
  canonicalErrorOf(meaningOfStatus(status), statusRead(vendor, status))

// An SDK error's own retry delay wins over what its envelope said (contract §4).
const withSdkFields = (error: CanonicalError, thrown: object): CanonicalError => {
  const retryAfter = readOwnData(thrown, 'retryAfter')
  return typeof retryAfter === 'number' && Number.isFinite(retryAfter) && retryAfter >= 0 ? { ...error, retryAfter: retryAfter + 0 } : error
}

// A body cut off mid-read after a status line: the text before the last newline of a stream type, whose last
// line is incomplete; any other text as it is (a cut JSON document reads as text, and the status decides).
const readText = (read: StreamRead, contentType: string | undefined): string =>
  read.cut && isStreamContentType(contentType) ? read.text.slice(0, read.text.lastIndexOf('\n') + 1) : read.text

/** The `unknown` error of an input that carries nothing recognizable; an Error's own message becomes `detail`. */
function unknownError(vendor: string, input: unknown, note?: string): CanonicalError {
  const message = typeof input === 'object' && input !== null ? nonBlank(readOwnData(input, 'message')) : undefined
  const detail = note ?? (message === undefined ? undefined : message.slice(0, maxDetailLength))
  return canonicalError({ kind: 'unknown', reason: 'unrecognized', vendor, recognized: false, detail })
}

/**
 * Builds the entry points over a set of adapters (the `faultline` package registers its six bundled ones).
 *
 * @example
 * const { normalizeError } = createNormalizer([medblocksAdapter, myAdapter])
 * normalizeError('my-vendor', { status: 503, headers: { 'retry-after': '30' }, body: '' })
 */
export function createNormalizer(adapters: ReadonlyArray<Adapter>): Normalizer {
  const byId = new Map<string, Adapter>()
  for (const adapter of adapters) byId.set(adapter.id, adapter)

  const noAdapter = (vendor: string) =>
    `No adapter is registered for vendor "${vendor.slice(0, 100)}"; registered: ${[...byId.keys()].join(', ')}.`

  const decodeView = (vendor: string, adapter: Adapter | undefined, view: ResponseView, options: NormalizeOptions | undefined) =>
    adapter === undefined ? decodeByStatus(vendor, view, options) : adapter.decode(view, options)

  // A bare body (or a thrown value) that decodes to "no error" is still an error: the caller caught it (§1).
  const decodeBody = (vendor: string, adapter: Adapter | undefined, body: unknown, options: NormalizeOptions | undefined) =>
    adapter === undefined ? unknownError(vendor, body, noAdapter(vendor)) : (adapter.decode(bodyView(body), options) ?? unknownError(vendor, body))

  /**
   * The error of a response view; `null` (success) only for a real status line below 400 that is not `thrown`.
   * A thrown response failed in transport when the client's error names a transport failure (got's `ReadError`
   * on a reset), or when its body never arrived and either its status says success or the client says the
   * response broke (axios' "stream has been aborted", `ERR_BAD_RESPONSE` with no `data`); a thrown success status
   * otherwise is an error of its status (got's 3xx).
   */
  const decodeResponse = (
    vendor: string,
    adapter: Adapter | undefined,
    view: ResponseView,
    thrown: { readonly value: object; readonly bodyArrived: boolean } | undefined,
    options: NormalizeOptions | undefined,
  ): CanonicalError | null => {
    if (thrown !== undefined) {
      const transport = decodeTransportError(thrown.value, vendor, { status: view.status })
      if (transport !== undefined) return transport
      if (!thrown.bodyArrived && (view.status === null || view.status < 400 || badResponse(thrown.value))) {
        return transportError(vendor, 'connection_failed', undefined, { status: view.status })
      }
    }
    const decoded = decodeView(vendor, adapter, view, options)
    if (decoded !== null) return decoded
    if (view.status === null) return unknownError(vendor, undefined)
    return thrown === undefined ? null : statusOnlyError(vendor, view.status)
  }

  const decodeSource = (vendor: string, adapter: Adapter | undefined, source: ResponseSource, input: object, options: NormalizeOptions | undefined) =>
    decodeResponse(vendor, adapter, viewOf(source), thrownOf(source, input), options)

  const thrownOf = (source: ResponseSource, input: object) =>
    source.thrown ? { value: input, bodyArrived: source.body !== undefined || source.openStream !== undefined } : undefined

  const classify = (vendor: string, input: unknown, options?: NormalizeOptions): CanonicalError | null => {
    const adapter = byId.get(vendor)
    if (typeof input !== 'object' || input === null) return decodeBody(vendor, adapter, input, options)
    // The order of contract §7: a response in any client's form, a Medable fault, an SDK or transport error, a body.
    const source = readResponseSource(input)
    if (source !== undefined) return decodeSource(vendor, adapter, source, input, options)
    // A faultline error thrown back at us (by withRetry, or a caller who rethrew) already says what it is.
    if (isFaultlineError(input)) return input.canonical
    if (readOwnData(input, 'object') === 'fault') return decodeBody(vendor, adapter, input, options)
    if (isAxiosError(input)) return decodeTransportError(input, vendor) ?? transportError(vendor, 'network_error', undefined)
    if (isErrorLike(input)) {
      const fromSdk = adapter?.decodeThrown?.(input, options)
      if (fromSdk !== undefined) return fromSdk
      const transport = decodeTransportError(input, vendor)
      if (transport !== undefined) return transport
      if (!hasOwnMember(input, 'error')) return unknownError(vendor, input)
      return withSdkFields(decodeThrownBody(vendor, adapter, input, options), input)
    }
    return decodeBody(vendor, adapter, input, options)
  }

  // An error object carrying a vendor envelope (`{ statusCode, retryAfter, error: {...} }`): its own status.
  const decodeThrownBody = (vendor: string, adapter: Adapter | undefined, input: object, options: NormalizeOptions | undefined) => {
    const statusCode = readOwnData(input, 'statusCode')
    if (!isHttpStatus(statusCode)) return decodeBody(vendor, adapter, input, options)
    return decodeResponse(vendor, adapter, responseView(statusCode, undefined, input), { value: input, bodyArrived: true }, options)!
  }

  const normalizeError: Normalizer['normalizeError'] = (vendor, input, options) => {
    let id = 'unknown'
    try {
      id = typeof vendor === 'string' ? vendor : String(vendor)
      return classify(id, input, options)
    } catch {
      // Hostile input (a Proxy whose getters throw, a broken iterator): still an answer, never a throw.
      return unknownError(id, undefined)
    }
  }

  // The body of a response that is still a stream, read within `maxBodyBytes`, then decoded as any response is.
  const decodeStreamed = async (
    vendor: string,
    source: ResponseSource,
    stream: BodyStream,
    input: object,
    options: NormalizeResponseOptions | undefined,
  ): Promise<CanonicalError | null> => {
    const adapter = byId.get(vendor)
    const headers = readHeaders(source.headers)
    const decompression = source.encoded ? decompressionOf(headers.get('content-encoding')) : undefined
    const read = await readStreamText(stream, options?.maxBodyBytes ?? defaultMaxBodyBytes, decompression)
    const view = viewWithHeaders(source.status, headers, readText(read, headers.get('content-type')))
    const decoded = decodeResponse(vendor, adapter, view, thrownOf(source, input), options)
    if (read.failure === undefined) return decoded
    // The body failed mid-read: what was read decides only when it holds a vendor error (a fault, an error line
    // before the failure); anything else is the failure itself, never a success, and says what had arrived.
    if (decoded !== null && decoded.recognized) return decoded
    const failure = read.failure
    const coded = typeof failure === 'object' && failure !== null ? decodeTransportError(failure, vendor) : undefined
    const code = coded?.extensions.code
    return transportError(vendor, coded?.reason ?? 'connection_failed', typeof code === 'string' ? code : undefined, { status: view.status, bytesRead: read.bytes })
  }

  const normalizeResponse: Normalizer['normalizeResponse'] = async (vendor, input, options) => {
    const id = typeof vendor === 'string' ? vendor : String(vendor)
    try {
      const source = typeof input === 'object' && input !== null ? readResponseSource(input) : undefined
      const stream = source?.openStream?.() ?? null
      if (source === undefined || stream === null) return normalizeError(id, input, options)
      return await decodeStreamed(id, source, stream, input as object, options)
    } catch {
      return unknownError(id, undefined)
    }
  }

  const encodeError: Normalizer['encodeError'] = (vendor, error) => {
    const adapter = byId.get(vendor)
    if (adapter === undefined) throw new TypeError(noAdapter(vendor))
    return adapter.encode(error)
  }

  const retryPolicy: Normalizer['retryPolicy'] = (vendor) => byId.get(vendor)?.retryPolicy ?? defaultRetryPolicy

  // What a call returned is a failure only when it is a response (in any client's form) that says so.
  const isResponse = (value: unknown): boolean => {
    try {
      return typeof value === 'object' && value !== null && readResponseSource(value) !== undefined
    } catch {
      return false
    }
  }

  const withRetry: Normalizer['withRetry'] = (call, options) =>
    retryCall(call, {
      ...options,
      policy: options.policy ?? retryPolicy(options.vendor),
      normalize: async ({ thrown, value }) => {
        if (thrown) return (await normalizeResponse(options.vendor, value, options)) ?? unknownError(String(options.vendor), value)
        return isResponse(value) ? normalizeResponse(options.vendor, value, options) : null
      },
    })

  return { normalizeError, normalizeResponse, encodeError, retryPolicy, withRetry, adapters: byId }
}
