import type { HeaderMap } from './headers'
import { nonBlank } from './build'

/**
 * The correlation id of contract §4: the body's `request_id` first, then an SDK error's `requestId`,
 * then the `X-Request-Id` or `Request-Id` header.
 */
export function findRequestId(fromBody: unknown, fromSdk: unknown, headers: HeaderMap): string | null {
  return requestIdOf(fromBody, fromSdk, headers.get('x-request-id'), headers.get('request-id'))
}

/** {@link findRequestId} over header values already read (the fast path's, see `PlainResponse`). */
export function requestIdOf(fromBody: unknown, fromSdk: unknown, xRequestId: string | undefined, requestId: string | undefined): string | null {
  return nonBlank(fromBody) ?? nonBlank(fromSdk) ?? nonBlank(xRequestId) ?? nonBlank(requestId) ?? null
}
