import { retryDecider, type RetryPolicy } from '@faultline/core'

/**
 * Medable's transient faults: `kThrottled` (429), `kTooBusy` (503: "clients should scale back requests for a
 * while"), `kTimeout` (408), and `kMediaNotReady` (202: file processing is asynchronous, so the file is polled).
 * They are retried by their kinds (`rate_limited`, `unavailable`, `timeout`, `pending`), so a fault that names
 * them only by its errCode, a 429 or 503 without a fault, and a transport failure (an abort excepted) are
 * retried too. Medable documents no retry schedule: exponential backoff with jitter, five retries, so a media
 * file gets about 20 s to become ready. The one statement of what is retried: the decoder sets `retryable`
 * from it (decision 020).
 */
export const medableRetryPolicy: RetryPolicy = {
  maxRetries: 5,
  retryOn: { kinds: ['rate_limited', 'unavailable', 'timeout', 'pending', 'transport'] },
  neverReasons: ['aborted'],
  backoff: [
    [500, 1000],
    [1000, 2000],
    [2000, 4000],
    [4000, 8000],
  ],
  honoursRetryAfter: true,
  source: 'Medable fault table (kThrottled, kTooBusy, kTimeout; kMediaNotReady polling)',
}

/** The policy's answer, its lists made into sets once: what the decoder asks for every error. */
export const decideMedableRetry = /*#__PURE__*/ retryDecider(medableRetryPolicy)
