import type { RetryPolicy } from '@faultline/core'

/**
 * The scribe documents one transient status, 503 `service_unavailable` ("an external dependency is temporarily
 * down"), retried whatever the code; its `api_error` at 502, 503 or 504 is an upstream's failure (`unavailable`).
 * Nothing is documented about 429, timeouts or network failures, so the kinds' defaults stand (contract §3):
 * `rate_limited`, `timeout`, `unavailable` and `transport` (but an abort) are retried. Exponential backoff,
 * honouring a `Retry-After` if one is sent. The one statement of what is retried: the decoder sets `retryable`
 * from it (decision 020).
 */
export const scribeRetryPolicy: RetryPolicy = {
  maxRetries: 3,
  retryOn: { statuses: [503], kinds: ['rate_limited', 'timeout', 'unavailable', 'transport'] },
  neverReasons: ['aborted'],
  backoff: [
    [500, 1000],
    [1000, 2000],
    [2000, 4000],
  ],
  honoursRetryAfter: true,
  source: 'scribe error reference (503 service_unavailable; api_error "internal or upstream")',
}
