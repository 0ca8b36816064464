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

// An own member, read as a plain read would be: an input that cannot be read at all (`null`, a Proxy whose traps
// throw) throws here, and each decoder answers it with an `unknown` error.
const ownMember = (input: ResponseInput, key: keyof ResponseInput): unknown =>
  Object.prototype.hasOwnProperty.call(input, key) ? input[key] : undefined

/**
 * Coerces a response-like input (or, with `status` absent, a bare vendor body wrapped as `{ body }`).
 * Reads its own `status`, `headers` and `body` only, each once; throws only for an input that cannot be read
 * at all (`null`, a Proxy whose traps throw), which decoders answer with an `unknown` error.
 */
export function readResponse(input: ResponseInput): HttpResponse {
  // Own members only (contract §7): a polluted `Object.prototype.status` never makes a bare body a response.
  const headers = readHeaders(ownMember(input, 'headers'))
  const ownStatus = ownMember(input, 'status')
  const status = isHttpStatus(ownStatus) ? ownStatus : null
  const body = ownMember(input, 'body')
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
