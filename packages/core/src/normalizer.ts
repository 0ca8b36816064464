import type { CanonicalError } from './CanonicalError'
import type { Adapter, NormalizeOptions } from './adapter'
import { canonicalError, nonBlank } from './build'
import { meaningOfStatus } from './catalog'
import { decodeByStatus } from './decodeHelpers'
import { isFaultlineError } from './errors'
import { hasOwnMember, isPlainObject, readOwnData } from './json'
import type { HeadersInput } from './headers'
import { readPlainResponse, type PlainResponse } from './plainResponse'
import { ownResponse, readResponse, type ResponseInput, type WireResponse } from './response'
import { readResponseText } from './responseBody'
import { retryCall, type RetryOptions } from './retry'
import { defaultRetryPolicy, type RetryPolicy } from './retryPolicy'
import { isHttpStatus } from './statusFallback'
import { decodeTransportError, transportError } from './transport'

/** A vendor id: one of the bundled adapters (four vendors, two standards), or the id of an adapter the user registered. */
export type VendorId = 'medblocks' | 'scribe' | 'medipim' | 'medable' | 'problem' | 'fhir' | (string & {})

/** Options of `normalizeResponse`. */
export interface NormalizeResponseOptions extends NormalizeOptions {
  /**
   * At most this many bytes of the body are kept (default 1 MiB): a larger body is judged by its status and
   * what was read; a stream body (NDJSON, JSON-stream) is read through, keeping its error lines and its last
   * `maxBodyBytes`, never buffered whole.
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
  /** Reads a clone of a WHATWG `Response` (bounded by `maxBodyBytes`) and normalizes it. Never rejects. */
  normalizeResponse(vendor: VendorId, response: Response, options?: NormalizeResponseOptions): Promise<CanonicalError | null>
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

// Node defines `Response` as a lazy global accessor (it loads undici): looked up once, on first use.
let responseClass: typeof Response | null | undefined
const isFetchResponse = (value: object): value is Response => {
  if (responseClass === undefined) responseClass = typeof Response === 'undefined' ? null : Response
  return responseClass !== null && value instanceof responseClass
}

// axios marks its errors with `isAxiosError` (own in axios 1.x; a prototype getter is accepted too, §7).
const isAxiosError = (value: object): boolean => (value as { isAxiosError?: unknown }).isAxiosError === true

const isErrorLike = (value: object): boolean =>
  value instanceof Error || hasOwnMember(value, 'statusCode') || hasOwnMember(value, 'requestId') || hasOwnMember(value, 'retryAfter')

/** An error decided by the status alone, for a thrown response whose status says success. */
const statusOnlyError = (vendor: string, status: number | null | undefined): CanonicalError =>
  canonicalError({ ...meaningOfStatus(isHttpStatus(status) ? status : null), vendor, status: isHttpStatus(status) ? status : null })

// An SDK error's own retry delay wins over what its envelope said (contract §4).
const withSdkFields = (error: CanonicalError, thrown: object): CanonicalError => {
  const retryAfter = readOwnData(thrown, 'retryAfter')
  return typeof retryAfter === 'number' && Number.isFinite(retryAfter) && retryAfter >= 0 ? { ...error, retryAfter: retryAfter + 0 } : error
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

// A fetch `Response` of this realm or of another library. A plain object (the usual input) is never one: its
// class is Object, so neither undici's `instanceof` brand check nor the duck-typed reads are needed.
const isAnyFetchResponse = (value: object): value is Response => !isPlainObject(value) && (isFetchResponse(value) || isFetchLike(value))

/**
 * A plain response the adapter's fast path declined, as `ownResponse` reads it but with the body the fast path
 * read: JSON text is not parsed a second time (`Adapter.decodeGeneral` decodes JSON text and the same JSON
 * parsed alike). Its status is valid (100-599), so the general path may answer `null`.
 */
const declinedResponse = (input: object, plain: PlainResponse): ResponseInput => ({
  status: plain.status,
  headers: (readOwnData(input, 'headers') ?? null) as HeadersInput | null,
  body: plain.body,
})

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

  const decodeResponse = (vendor: string, adapter: Adapter | undefined, input: ResponseInput, options?: NormalizeOptions) => {
    const result = adapter === undefined ? decodeByStatus(vendor, readResponse(input), options) : adapter.decode(input, options)
    // `null` says "success", which only a response with a real status below 400 may be told (contract §1).
    if (result === null && !isHttpStatus(input.status)) return unknownError(vendor, undefined)
    return result
  }

  // A bare body (or a thrown value) that decodes to "no error" is still an error: the caller caught it (§1).
  const decodeBody = (vendor: string, adapter: Adapter | undefined, body: unknown, options?: NormalizeOptions) =>
    adapter === undefined
      ? unknownError(vendor, body, noAdapter(vendor))
      : (adapter.decode({ body }, options) ?? unknownError(vendor, body))

  // A thrown value is never "no error" (§1): a thrown success response is an error of its status.
  const thrownResponse = (vendor: string, adapter: Adapter | undefined, response: ResponseInput, options?: NormalizeOptions) =>
    decodeResponse(vendor, adapter, response, options) ?? statusOnlyError(vendor, response.status)

  const classify = (vendor: string, input: unknown, options?: NormalizeOptions): CanonicalError | null => {
    const adapter = byId.get(vendor)
    if (typeof input !== 'object' || input === null) return decodeBody(vendor, adapter, input, options)
    // The order of contract §7: a response, a Medable fault, an axios error, an SDK or transport error, a body.
    // The usual input, a plain response object, on the adapter's fast path when it has one.
    const plain = adapter?.decodePlain === undefined || !isPlainObject(input) ? undefined : readPlainResponse(input)
    if (plain !== undefined) {
      const fast = adapter!.decodePlain!(plain, options)
      if (fast !== undefined) return fast
      // Declined (a failed status whose body holds no error, a member that throws): the adapter's general path
      // decides, once, from the body the fast path read. An adapter without one is asked through `decode`, below.
      if (adapter!.decodeGeneral !== undefined) return adapter!.decodeGeneral(declinedResponse(input, plain), options)
    }
    if (isAnyFetchResponse(input)) {
      // The body of a fetch Response cannot be read synchronously: normalizeResponse reads it.
      return decodeResponse(vendor, adapter, { status: input.status, headers: input.headers }, options)
    }
    const response = ownResponse(input)
    if (response !== undefined) return decodeResponse(vendor, adapter, response, options)
    if (readOwnData(input, 'object') === 'fault') return decodeBody(vendor, adapter, input, options)
    // A faultline error thrown back at us (by withRetry, or a caller who rethrew) already says what it is.
    if (isFaultlineError(input)) return input.canonical
    if (isAxiosError(input)) {
      const answer = readOwnData(input, 'response')
      const axiosResponse = typeof answer === 'object' && answer !== null ? ownResponse(answer, 'data') : undefined
      if (axiosResponse !== undefined) return thrownResponse(vendor, adapter, axiosResponse, options)
      return decodeTransportError(input, vendor) ?? transportError(vendor, 'network_error', undefined)
    }
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
  const decodeThrownBody = (vendor: string, adapter: Adapter | undefined, input: object, options?: NormalizeOptions) => {
    const statusCode = readOwnData(input, 'statusCode')
    if (!isHttpStatus(statusCode)) return decodeBody(vendor, adapter, input, options)
    return thrownResponse(vendor, adapter, { status: statusCode, body: input }, options)
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

  const normalizeResponse: Normalizer['normalizeResponse'] = async (vendor, response, options) => {
    let body: string | undefined
    try {
      body = await readResponseText(response, options?.maxBodyBytes ?? defaultMaxBodyBytes)
    } catch {
      body = undefined
    }
    let status: unknown
    let headers: unknown
    try {
      status = response.status
      headers = response.headers
    } catch {
      return unknownError(String(vendor), undefined)
    }
    return normalizeError(vendor, { status, headers, body }, options)
  }

  const encodeError: Normalizer['encodeError'] = (vendor, error) => {
    const adapter = byId.get(vendor)
    if (adapter === undefined) throw new TypeError(noAdapter(vendor))
    return adapter.encode(error)
  }

  const retryPolicy: Normalizer['retryPolicy'] = (vendor) => byId.get(vendor)?.retryPolicy ?? defaultRetryPolicy

  const withRetry: Normalizer['withRetry'] = (call, options) =>
    retryCall(call, {
      ...options,
      policy: options.policy ?? retryPolicy(options.vendor),
      normalize: async ({ thrown, value }) => {
        if (thrown) return normalizeError(options.vendor, value, options) ?? unknownError(String(options.vendor), value)
        if (typeof value === 'object' && value !== null && isAnyFetchResponse(value)) return normalizeResponse(options.vendor, value, options)
        return typeof value === 'object' && value !== null && ownResponse(value) !== undefined ? normalizeError(options.vendor, value, options) : null
      },
    })

  return { normalizeError, normalizeResponse, encodeError, retryPolicy, withRetry, adapters: byId }
}
