import type { RetryPolicy } from '@faultline/core'

/**
 * What the Medblocks SDK does (medblocks-sdk-errors.txt, FACTS.md): retries network failures and timeouts,
 * 429 honouring Retry-After, 502, 503 and 504; never 500 or another 4xx; 3 retries; backoff with jitter
 * 250-500 ms, 500-750 ms, 1000-1250 ms, 2000-2250 ms. The SDK decides by status, so an error's kind does not
 * make it retryable: a 408 `timeout`, or a `rate_limit_error` at 400, is not retried. This policy is the one
 * statement of what is retried: the decoder sets `retryable` from it (decision 020).
 */
export const medblocksRetryPolicy: RetryPolicy = {
  maxRetries: 3,
  retryOn: { statuses: [429, 502, 503, 504], kinds: ['transport'] },
  neverReasons: ['aborted'],
  backoff: [
    [250, 500],
    [500, 750],
    [1000, 1250],
    [2000, 2250],
  ],
  honoursRetryAfter: true,
  source: 'Medblocks SDK (maxNetworkRetries 3)',
}
