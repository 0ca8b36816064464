import type { CanonicalError } from './CanonicalError'
import type { NormalizeOptions } from './adapter'
import { canonicalErrorOf, statusRead } from './build'
import { meaningOfStatus } from './catalog'
import { findRequestId } from './requestId'
import type { ResponseView } from './input/view'
import { retryAfterAt } from './retryAfter'
import { retryMeaning, type RetryDecision } from './retryPolicy'

/** `Retry-After` of a response in seconds, read against its `Date` header, else `options.now`, else the clock. */
export function retryAfterOf(response: ResponseView, options: NormalizeOptions | undefined): number | null {
  return retryAfterAt(response.headers.get('retry-after'), response.headers.get('date'), options?.now)
}

/**
 * The error of a response whose body says nothing the adapter can read (an HTML 502 from a proxy, an empty
 * 503, plain text): its status alone decides (contract §3 rule 3), `recognized: false`, `retryable` as the
 * vendor's retry policy says when `decide` is given. `null` below 400.
 */
export function decodeByStatus(
  vendor: string,
  response: ResponseView,
  options: NormalizeOptions | undefined,
  decide?: RetryDecision,
): CanonicalError | null {
  if (response.status === null || response.status < 400) return null
  const meaning = meaningOfStatus(response.status)
  return canonicalErrorOf(
    decide === undefined ? meaning : retryMeaning(decide, meaning, response.status, null),
    statusRead(vendor, response.status, findRequestId(undefined, undefined, response.headers), retryAfterOf(response, options)),
  )
}
