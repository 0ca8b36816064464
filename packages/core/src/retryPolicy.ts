import type { Meaning } from './catalog'
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


/** What {@link retryDecider} answers: whether a policy retries an error of this kind, reason, status and code. */
export type RetryDecision = (kind: Kind, reason: string, status: number | null, vendorCode: string | null, retryable: boolean) => boolean

/**
 * The answer of `policy`, its lists made into sets once: what decoders ask for every error they build (so they
 * allocate nothing per error). An error is retried when ANY `retryOn` list matches it and its reason is not in
 * `neverReasons`; a policy with empty `retryOn` defers to the error's own `retryable`.
 */
export function retryDecider(policy: RetryPolicy): RetryDecision {
  const never = new Set(policy.neverReasons ?? [])
  const { statuses, kinds, vendorCodes } = policy.retryOn
  if (statuses === undefined && kinds === undefined && vendorCodes === undefined) {
    return (_kind, reason, _status, _vendorCode, retryable) => retryable && !never.has(reason)
  }
  const statusSet = new Set(statuses ?? [])
  const kindSet = new Set<string>(kinds ?? [])
  const codeSet = new Set(vendorCodes ?? [])
  return (kind, reason, status, vendorCode, _retryable) =>
    !never.has(reason) && ((status !== null && statusSet.has(status)) || kindSet.has(kind) || (vendorCode !== null && codeSet.has(vendorCode)))
}

/** `meaning` with the `retryable` `decide` gives an error of it at `status` with `vendorCode` (the same object when they agree). */
export function retryMeaning(decide: RetryDecision, meaning: Meaning, status: number | null, vendorCode: string | null): Meaning {
  const retryable = decide(meaning.kind, meaning.reason, status, vendorCode, meaning.retryable)
  return retryable === meaning.retryable ? meaning : { kind: meaning.kind, reason: meaning.reason, retryable, recognized: meaning.recognized }
}

// One decider per policy, for `shouldRetry` (policies are data declared once per vendor).
const decisions = /*#__PURE__*/ new WeakMap<RetryPolicy, RetryDecision>()

/** Whether `policy` retries `error`: {@link retryDecider}'s answer, the one rule every retry question asks. */
export function shouldRetry(policy: RetryPolicy, error: RetryFacts): boolean {
  let decide = decisions.get(policy)
  if (decide === undefined) decisions.set(policy, (decide = retryDecider(policy)))
  return decide(error.kind, error.reason, error.status, error.vendorCode, error.retryable)
}

/** The backoff wait in ms before retry number `retry` (0-based), with `random` in [0, 1) for the jitter. */
export function backoffDelay(policy: RetryPolicy, retry: number, random: number): number {
  const step = policy.backoff[Math.min(retry, policy.backoff.length - 1)] ?? [0, 0]
  const [min, max] = step
  return Math.round(min + (max - min) * random)
}
