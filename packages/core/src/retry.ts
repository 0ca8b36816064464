import type { CanonicalError } from './CanonicalError'
import { toError, type FaultlineError } from './errors'
import { backoffDelay, shouldRetry, type RetryPolicy } from './retryPolicy'

/** One retry about to happen, as `onRetry` hears of it. */
export interface RetryAttempt {
  /** The attempt that failed, from 1. */
  readonly attempt: number
  readonly error: CanonicalError
  /** How long `withRetry` waits before the next attempt. */
  readonly delayMs: number
  /** Whether the wait is the vendor's `Retry-After` (else the policy's backoff). */
  readonly fromRetryAfter: boolean
}

/** Options of {@link retryCall}. */
export interface RetryOptions {
  readonly policy: RetryPolicy
  /** Turns a thrown value or a returned value into an error, or `null` for a success. */
  readonly normalize: (outcome: { readonly thrown: true; readonly value: unknown } | { readonly thrown: false; readonly value: unknown }) => Promise<CanonicalError | null>
  /** A `Retry-After` longer than this is capped to it (default 60 s). */
  readonly maxRetryAfterSeconds?: number
  /** Stops waiting and retrying: the pending wait rejects with the signal's reason. */
  readonly signal?: AbortSignal
  readonly onRetry?: (attempt: RetryAttempt) => void
  /** The jitter source (default `Math.random`); inject a fixed one in tests. */
  readonly random?: () => number
}

const sleep = (ms: number, signal: AbortSignal | undefined): Promise<void> =>
  new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason)
    const onAbort = () => {
      clearTimeout(timer)
      reject(signal?.reason)
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort)
      resolve()
    }, ms)
    signal?.addEventListener('abort', onAbort, { once: true })
  })

/**
 * Runs `call` until it succeeds or the policy says stop, waiting `retryAfter` (capped) or the backoff with
 * jitter between attempts. Resolves with the successful result; rejects with the typed error of the last
 * attempt (`FaultlineError` subclass, with the last thrown value as `cause`).
 */
export async function retryCall<T>(call: (attempt: number) => Promise<T>, options: RetryOptions): Promise<T> {
  const { policy, normalize, signal, onRetry } = options
  const maxRetryAfterMs = (options.maxRetryAfterSeconds ?? 60) * 1000
  const random = options.random ?? Math.random
  for (let attempt = 1; ; attempt++) {
    if (signal?.aborted) throw signal.reason
    let result: T | undefined
    let error: CanonicalError | null
    let cause: unknown
    try {
      result = await call(attempt)
      cause = result
      error = await normalize({ thrown: false, value: result })
    } catch (thrown) {
      cause = thrown
      error = await normalize({ thrown: true, value: thrown })
    }
    if (error === null) return result as T
    const retriesUsed = attempt - 1
    if (retriesUsed >= policy.maxRetries || !shouldRetry(policy, error) || signal?.aborted) throw finalError(error, cause)
    const fromRetryAfter = policy.honoursRetryAfter && error.retryAfter !== null
    const delayMs = fromRetryAfter ? Math.min(error.retryAfter! * 1000, maxRetryAfterMs) : backoffDelay(policy, retriesUsed, random())
    onRetry?.({ attempt, error, delayMs, fromRetryAfter })
    await sleep(delayMs, signal)
  }
}

const finalError = (error: CanonicalError, cause: unknown): FaultlineError => toError(error, { cause })
