import type { RetryPolicy } from '@faultline/core'

/**
 * The scribe documents one transient code, `service_unavailable` (503: "an external dependency is temporarily
 * down"). Nothing is documented about 429 or network failures, so only 503 is retried, with exponential
 * backoff, honouring a `Retry-After` if one is sent.
 */
export const scribeRetryPolicy: RetryPolicy = {
  maxRetries: 3,
  retryOn: { statuses: [503], vendorCodes: ['service_unavailable'] },
  backoff: [
    [500, 1000],
    [1000, 2000],
    [2000, 4000],
  ],
  honoursRetryAfter: true,
  source: 'scribe error reference (503 service_unavailable)',
}
