import type { RetryPolicy } from '@faultline/core'

/**
 * What Medipim's own PHP client does: a 429 `too_many_requests` (limit 100 requests a minute) is retried three
 * times, after 1 s, 2 s and 3 s. Medipim documents no `Retry-After`; one is honoured if it is ever sent.
 */
export const medipimRetryPolicy: RetryPolicy = {
  maxRetries: 3,
  retryOn: { statuses: [429], vendorCodes: ['too_many_requests'] },
  backoff: [
    [1000, 1000],
    [2000, 2000],
    [3000, 3000],
  ],
  honoursRetryAfter: true,
  source: "Medipim's PHP client (3 retries of a 429, 1 s, 2 s, 3 s)",
}
