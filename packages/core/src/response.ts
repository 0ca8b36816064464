import { isTextOrBytes, readBody, type Body } from './body'
import { readHeaders, type HeaderMap, type HeadersInput } from './headers'
import { hasOwnMember, readOwnData } from './json'
import { isHttpStatus } from './statusFallback'

/** A response as users hold one: `status` and optional headers and body in any accepted form (contract §1). */
export interface ResponseInput {
  readonly status?: number | null
  readonly headers?: HeadersInput | null
  readonly body?: unknown
}

/** The wire form every encoder writes and every adapter reads. */
export interface WireResponse {
  readonly status: number
  readonly headers: Readonly<Record<string, string>>
  readonly body: unknown
}

/** A response coerced once: a valid status line or `null`, lower-cased headers, and a classified body. */
export interface HttpResponse {
  /** The status line when it is an integer from 100 to 599; `null` for a bare body or a nonsensical status. */
  readonly status: number | null
  readonly headers: HeaderMap
  readonly body: Body
}

/**
 * Coerces a response-like input (or, with `status` absent, a bare vendor body wrapped as `{ body }`).
 * Reads only what it needs, never throws on hostile input.
 */
export function readResponse(input: ResponseInput): HttpResponse {
  const headers = readHeaders(input.headers)
  const status = isHttpStatus(input.status) ? input.status : null
  const body = input.body
  // Only text and bytes are read by their content type: a parsed body skips the header lookup.
  return { status, headers, body: readBody(body, isTextOrBytes(body) ? headers.get('content-type') : undefined) }
}

/** Whether `value` is a response (contract §7): an object with a numeric `status` and a `body` or `headers`. */
export function isResponseLike(value: unknown): value is ResponseInput {
  if (typeof value !== 'object' || value === null) return false
  return typeof (value as { status?: unknown }).status === 'number' && ('body' in value || 'headers' in value)
}

/**
 * The response a plain object is, read from its OWN data members only (§7): a numeric `status` and a `body`
 * or `headers` member (`bodyKey` names the body: `data` for an axios response). `undefined` when it is none.
 */
export function ownResponse(value: object, bodyKey = 'body'): ResponseInput | undefined {
  const status = readOwnData(value, 'status')
  if (typeof status !== 'number') return undefined
  const headers = readOwnData(value, 'headers')
  const body = readOwnData(value, bodyKey)
  if (headers === undefined && body === undefined && !hasOwnMember(value, bodyKey) && !hasOwnMember(value, 'headers')) return undefined
  return { status, headers: (headers ?? null) as HeadersInput | null, body }
}
