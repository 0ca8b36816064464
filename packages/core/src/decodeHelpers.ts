import type { CanonicalError } from './CanonicalError'
import type { NormalizeOptions } from './adapter'
import { canonicalErrorOf, statusRead } from './build'
import { meaningOfStatus } from './catalog'
import { findRequestId } from './requestId'
import type { ResponseView } from './input/view'
import { retryAfterAt } from './retryAfter'

/** `Retry-After` of a response in seconds, read against its `Date` header, else `options.now`, else the clock. */
export function retryAfterOf(response: ResponseView, options: NormalizeOptions | undefined): number | null {
  return retryAfterAt(response.headers.get('retry-after'), response.headers.get('date'), options?.now)
}

/**
 * The error of a response whose body says nothing the adapter can read (an HTML 502 from a proxy, an empty
 * 503, plain text): its status alone decides (contract §3 rule 3), `recognized: false`. `null` below 400.
 */
export function decodeByStatus(
  vendor: string,
  response: ResponseView,
  options: NormalizeOptions | undefined,
): CanonicalError | null {
  if (response.status === null || response.status < 400) return null
  return canonicalErrorOf(
    meaningOfStatus(response.status),
    statusRead(vendor, response.status, findRequestId(undefined, undefined, response.headers), retryAfterOf(response, options)),
  )
}
