import { createNormalizer } from '@faultline/core'
import { bundledAdapters } from './adapters'

const bundled = /*#__PURE__*/ createNormalizer(bundledAdapters)

/**
 * Any vendor failure, in any form (a response, a bare vendor body, a thrown SDK, axios or network error),
 * as one `CanonicalError`; `null` only for a successful response. Total: never throws.
 *
 * @example
 * normalizeError('medblocks', {
 *   status: 401,
 *   body: { error: { type: 'authentication_error', code: 'invalid_api_key', message: 'API key invalid' } },
 * })
 * // -> { kind: 'authentication', reason: 'invalid_credentials', vendorCode: 'invalid_api_key', status: 401, ... }
 */
export const normalizeError = bundled.normalizeError

/**
 * `normalizeError` for a response whose body is still a stream: a fetch `Response` (a clone is read, so the
 * caller can still read the body), a ky `HTTPError`, undici's `request()` result, a Node `IncomingMessage`. At
 * most `maxBodyBytes` of the body are read (default 1 MiB); a body that fails mid-read is a `transport` error
 * unless what was read holds the vendor's error. Any other input is answered as `normalizeError` answers it.
 * Never rejects.
 *
 * @example
 * const response = await fetch(url)
 * const error = await normalizeResponse('medipim', response)
 * if (error !== null) throw toError(error)
 */
export const normalizeResponse = bundled.normalizeResponse

/**
 * The vendor's own wire form of a canonical error (`{ status, headers, body }`): for test doubles, proxies and
 * replaying captured traffic.
 *
 * @example
 * encodeError('scribe', error) // -> { status: 404, headers: {}, body: { error: { type, code, message } } }
 */
export const encodeError = bundled.encodeError

/**
 * The retry behaviour a vendor documents (Medblocks: its SDK's; scribe: 503; ...), as data.
 *
 * @example
 * retryPolicy('medblocks').retryOn.statuses // [429, 502, 503, 504]
 */
export const retryPolicy = bundled.retryPolicy

/**
 * Runs an async vendor call with the vendor's retry policy, waiting `Retry-After` (capped by
 * `maxRetryAfterSeconds`) or the policy's backoff with jitter; rejects with the typed error of the last attempt.
 *
 * @example
 * const patient = await withRetry(() => fetch(`${base}/patients/${id}`), {
 *   vendor: 'medblocks',
 *   signal: AbortSignal.timeout(30_000),
 *   onRetry: ({ attempt, error, delayMs }) => log.warn({ attempt, kind: error.kind, delayMs }),
 * })
 */
export const withRetry = bundled.withRetry
