import type { RetryPolicy } from '@faultline/core'

/**
 * What the Medblocks SDK does (medblocks-sdk-errors.txt, FACTS.md): retries network failures and timeouts,
 * 429 honouring Retry-After, 502, 503 and 504; never 500 or another 4xx; 3 retries; backoff with jitter
 * 250-500 ms, 500-750 ms, 1000-1250 ms, 2000-2250 ms.
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

/**
 * What the SDK decides by status alone, read off the policy above: the statuses it retries are retryable
 * whatever the code, and 500, which it never retries, is not.
 */
export const medblocksRetryableByStatus: ReadonlyMap<number, boolean> = new Map([
  ...(medblocksRetryPolicy.retryOn.statuses ?? []).map((status) => [status, true] as const),
  [500, false] as const,
])
