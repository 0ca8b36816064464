import type { Kind } from './kinds'

/** A wait range in milliseconds; the wait is drawn uniformly inside it (jitter). */
export type BackoffStep = readonly [minMs: number, maxMs: number]

/**
 * When and how a vendor's calls are retried, as data: each adapter declares the behaviour its vendor
 * documents. It is the one statement of what is retried (decision 020): the adapter's decoder sets every
 * error's `retryable` by asking {@link shouldRetry} of it, and `withRetry` asks the same question, so the field
 * and the policy cannot disagree. An error is retried when ANY `retryOn` list matches it.
 */
export interface RetryPolicy {
  /** Retries after the first attempt (so at most `maxRetries + 1` calls). */
  readonly maxRetries: number
  /** What is retried. A policy that lists nothing defers to each error's own `retryable`. */
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

/**
 * What {@link shouldRetry} reads of an error: a `CanonicalError` has it all, and a decoder has it all before it
 * builds one (its meaning's `retryable` is the answer of a policy that lists nothing).
 */
export interface RetryFacts {
  readonly kind: Kind
  readonly reason: string
  readonly status: number | null
  readonly vendorCode: string | null
  /** The error's own answer, which a policy with an empty `retryOn` defers to. */
  readonly retryable: boolean
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

// Whether `list` holds `value`: a loop, since every decoder asks once per error and the lists are a few entries long.
function listed<T>(list: ReadonlyArray<T> | undefined, value: T): boolean {
  if (list === undefined) return false
  for (let i = 0; i < list.length; i++) if (list[i] === value) return true
  return false
}

/**
 * Whether `policy` retries an error: never for a reason in `neverReasons`; the error's own `retryable` when
 * `retryOn` lists nothing; else whether its status, kind or vendor code is listed. The one answer for a vendor
 * (decision 020): the bundled decoders set `retryable` with it, `withRetry` follows it.
 *
 * @example
 * const policy = { ...defaultRetryPolicy, retryOn: { statuses: [429, 502, 503, 504], kinds: ['transport'] } } as const
 * shouldRetry(policy, { kind: 'timeout', reason: 'timeout', status: 408, vendorCode: null, retryable: true }) // false
 */
export function shouldRetry(policy: RetryPolicy, error: RetryFacts): boolean {
  if (listed(policy.neverReasons, error.reason)) return false
  const { statuses, kinds, vendorCodes } = policy.retryOn
  if (statuses === undefined && kinds === undefined && vendorCodes === undefined) return error.retryable
  const { status, vendorCode } = error
  return (status !== null && listed(statuses, status)) || listed(kinds, error.kind) || (vendorCode !== null && listed(vendorCodes, vendorCode))
}

/** The backoff wait in ms before retry number `retry` (0-based), with `random` in [0, 1) for the jitter. */
export function backoffDelay(policy: RetryPolicy, retry: number, random: number): number {
  const step = policy.backoff[Math.min(retry, policy.backoff.length - 1)] ?? [0, 0]
  const [min, max] = step
  return Math.round(min + (max - min) * random)
}
