import { retryDecider, type RetryPolicy } from '@faultline/core'

/**
 * What Medipim's own PHP client does: a 429 (limit 100 requests a minute) is retried three times, after 1 s, 2 s
 * and 3 s, whatever the body says. Medipim documents nothing about other transient failures, so the kinds'
 * defaults stand (contract §3): a 503 or 502 from a proxy, a timeout and a transport failure (an abort excepted)
 * are retried on the same schedule. Medipim documents no `Retry-After`; one is honoured if it is ever sent. The one
 * statement of what is retried: the decoder sets `retryable` from it (decision 020).
 */
export const medipimRetryPolicy: RetryPolicy = {
  maxRetries: 3,
  retryOn: { statuses: [429], kinds: ['rate_limited', 'timeout', 'unavailable', 'transport'] },
  neverReasons: ['aborted'],
  backoff: [
    [1000, 1000],
    [2000, 2000],
    [3000, 3000],
  ],
  honoursRetryAfter: true,
  source: "Medipim's PHP client (3 retries of a 429, 1 s, 2 s, 3 s)",
}

/** The policy's answer, its lists made into sets once: what the decoder asks for every error. */
export const decideMedipimRetry = /*#__PURE__*/ retryDecider(medipimRetryPolicy)
