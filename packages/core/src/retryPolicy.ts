import type { CanonicalError } from './CanonicalError'
import type { Kind } from './kinds'

/** A wait range in milliseconds; the wait is drawn uniformly inside it (jitter). */
export type BackoffStep = readonly [minMs: number, maxMs: number]

/**
 * When and how a vendor's calls are retried, as data: each adapter declares the behaviour its vendor
 * documents, and `withRetry` follows it. An error is retried when ANY `retryOn` list matches it.
 */
export interface RetryPolicy {
  /** Retries after the first attempt (so at most `maxRetries + 1` calls). */
  readonly maxRetries: number
  readonly retryOn: {
    readonly statuses?: ReadonlyArray<number>
    readonly kinds?: ReadonlyArray<Kind>
    readonly vendorCodes?: ReadonlyArray<string>
  }
  /** Never retried, whatever `retryOn` says (e.g. transport `aborted`: the caller gave up). */
  readonly neverReasons?: ReadonlyArray<string>
  /** The wait before retry i is drawn from `backoff[min(i, backoff.length - 1)]`. */
  readonly backoff: ReadonlyArray<BackoffStep>
  /** Whether a `retryAfter` the vendor sent replaces the backoff wait. */
  readonly honoursRetryAfter: boolean
  /** Where the vendor documents it, for the docs page. */
  readonly source: string
}

/** The policy for vendors that document none: the canonical `retryable` decides, exponential backoff. */
export const defaultRetryPolicy: RetryPolicy = {
  maxRetries: 3,
  retryOn: {},
  backoff: [
    [250, 500],
    [500, 1000],
    [1000, 2000],
  ],
  honoursRetryAfter: true,
  source: 'faultline default: retry what the canonical error calls retryable',
}

const includes = <T>(list: ReadonlyArray<T> | undefined, value: T): boolean => list !== undefined && list.includes(value)

/** Whether `policy` retries `error`. A policy with empty `retryOn` defers to the error's own `retryable`. */
export function shouldRetry(policy: RetryPolicy, error: CanonicalError): boolean {
  if (includes(policy.neverReasons, error.reason)) return false
  const { statuses, kinds, vendorCodes } = policy.retryOn
  if (statuses === undefined && kinds === undefined && vendorCodes === undefined) return error.retryable
  return (
    (error.status !== null && includes(statuses, error.status)) ||
    includes(kinds, error.kind) ||
    (error.vendorCode !== null && includes(vendorCodes, error.vendorCode))
  )
}

/** The backoff wait in ms before retry number `retry` (0-based), with `random` in [0, 1) for the jitter. */
export function backoffDelay(policy: RetryPolicy, retry: number, random: number): number {
  const step = policy.backoff[Math.min(retry, policy.backoff.length - 1)] ?? [0, 0]
  const [min, max] = step
  return Math.round(min + (max - min) * random)
}
