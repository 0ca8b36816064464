import type { HeaderMap } from './headers'
import { nonBlank } from './build'

/**
 * The correlation id of contract §4: the body's `request_id` first, then an SDK error's `requestId`,
 * then the `X-Request-Id` or `Request-Id` header.
 */
export function findRequestId(fromBody: unknown, fromSdk: unknown, headers: HeaderMap): string | null {
  return nonBlank(fromBody) ?? nonBlank(fromSdk) ?? nonBlank(headers.get('x-request-id')) ?? nonBlank(headers.get('request-id')) ?? null
}
