import type { RetryPolicy } from '@faultline/core'

/**
 * Medable's transient faults: `kThrottled` (429), `kTooBusy` (503: "clients should scale back requests for a
 * while"), `kTimeout` (408), and `kMediaNotReady` (202: file processing is asynchronous, so the file is polled).
 * Medable documents no retry schedule: exponential backoff with jitter, five retries, so a media file gets
 * about 20 s to become ready.
 */
export const medableRetryPolicy: RetryPolicy = {
  maxRetries: 5,
  retryOn: { vendorCodes: ['kThrottled', 'kTooBusy', 'kTimeout', 'kMediaNotReady'] },
  backoff: [
    [500, 1000],
    [1000, 2000],
    [2000, 4000],
    [4000, 8000],
  ],
  honoursRetryAfter: true,
  source: 'Medable fault table (kThrottled, kTooBusy, kTimeout; kMediaNotReady polling)',
}
