import { describe, expect, it } from 'vitest'
import { canonicalError } from '../src/build'
import type { CanonicalError } from '../src/CanonicalError'
import { RateLimitedError, UnavailableError, InternalError, isFaultlineError } from '../src/errors'
import { retryCall, type RetryAttempt } from '../src/retry'
import { backoffDelay, defaultRetryPolicy, shouldRetry, type RetryPolicy } from '../src/retryPolicy'

const policy: RetryPolicy = {
  maxRetries: 3,
  retryOn: { statuses: [429, 503], kinds: ['transport'] },
  neverReasons: ['aborted'],
  backoff: [
    [10, 20],
    [30, 40],
  ],
  honoursRetryAfter: true,
  source: 'test',
}
const error = (kind: CanonicalError['kind'], status: number | null, extra: Partial<CanonicalError> = {}) =>
  ({ ...canonicalError({ kind, reason: kind === 'transport' ? 'timeout' : 'unrecognized', vendor: 'v', status }), ...extra }) as CanonicalError

// Each call answers the next scripted outcome: an error thrown, or a value returned.
const scripted = (outcomes: ReadonlyArray<CanonicalError | 'ok'>) => {
  let calls = 0
  const call = async () => {
    const outcome = outcomes[calls++]
    if (outcome === 'ok') return 'result'
    throw outcome
  }
  return { call, calls: () => calls }
}
const normalize = async ({ value }: { value: unknown }) => (value === 'result' ? null : (value as CanonicalError))

describe('shouldRetry', () => {
  it('retries what the policy lists, and nothing else', () => {
    expect(shouldRetry(policy, error('rate_limited', 429))).toBe(true)
    expect(shouldRetry(policy, error('internal', 500))).toBe(false)
    expect(shouldRetry(policy, error('transport', null))).toBe(true)
    expect(shouldRetry(policy, error('transport', null, { reason: 'aborted' }))).toBe(false)
  })

  it('defers to the error\'s retryable when the policy lists nothing', () => {
    expect(shouldRetry(defaultRetryPolicy, error('unavailable', 503))).toBe(true)
    expect(shouldRetry(defaultRetryPolicy, error('internal', 500))).toBe(false)
    expect(shouldRetry(defaultRetryPolicy, error('internal', 500, { retryable: true }))).toBe(true)
  })

  it('ignores the error\'s own retryable when the policy lists something: the policy is the truth (decision 020)', () => {
    expect(shouldRetry(policy, error('timeout', 408))).toBe(false)
    expect(shouldRetry(policy, error('internal', 503))).toBe(true)
    expect(shouldRetry({ ...policy, retryOn: { vendorCodes: ['kTooBusy'] } }, error('unavailable', 503, { vendorCode: 'kTooBusy' }))).toBe(true)
    expect(shouldRetry({ ...policy, retryOn: { vendorCodes: ['kTooBusy'] } }, error('unavailable', 503))).toBe(false)
  })

  it('answers a decoder from the facts it holds before it builds the error, as it answers for the error', () => {
    const built = error('rate_limited', 429, { vendorCode: 'throttled' })
    const facts = { kind: built.kind, reason: built.reason, status: built.status, vendorCode: built.vendorCode, retryable: built.retryable }
    for (const each of [policy, defaultRetryPolicy]) expect(shouldRetry(each, facts)).toBe(shouldRetry(each, built))
    expect(shouldRetry(policy, { ...facts, status: 400 })).toBe(false)
  })
})

describe('backoffDelay', () => {
  it('draws inside the step of the retry, repeating the last step', () => {
    expect(backoffDelay(policy, 0, 0)).toBe(10)
    expect(backoffDelay(policy, 0, 0.5)).toBe(15)
    expect(backoffDelay(policy, 1, 0.999)).toBe(40)
    expect(backoffDelay(policy, 7, 0)).toBe(30)
  })
})

describe('retryCall', () => {
  it('retries until success, waiting Retry-After when told, else the backoff', async () => {
    const { call, calls } = scripted([error('unavailable', 503, { retryAfter: 0.05 }), error('rate_limited', 429), 'ok'])
    const attempts: RetryAttempt[] = []
    const started = Date.now()
    await expect(retryCall(call, { policy, normalize, random: () => 0, onRetry: (a) => attempts.push(a) })).resolves.toBe('result')
    expect(calls()).toBe(3)
    expect(attempts.map(({ attempt, delayMs, fromRetryAfter }) => ({ attempt, delayMs, fromRetryAfter }))).toEqual([
      { attempt: 1, delayMs: 50, fromRetryAfter: true },
      { attempt: 2, delayMs: 30, fromRetryAfter: false },
    ])
    expect(Date.now() - started).toBeGreaterThanOrEqual(75)
  })

  it('caps Retry-After at maxRetryAfterSeconds', async () => {
    const { call } = scripted([error('rate_limited', 429, { retryAfter: 3600 }), 'ok'])
    const delays: number[] = []
    await retryCall(call, { policy, normalize, maxRetryAfterSeconds: 0.01, onRetry: ({ delayMs }) => delays.push(delayMs) })
    expect(delays).toEqual([10])
  })

  it('throws the typed error of the last attempt when retries run out', async () => {
    const { call, calls } = scripted([error('unavailable', 503), error('unavailable', 503), error('unavailable', 503), error('unavailable', 503), 'ok'])
    const thrown = await retryCall(call, { policy, normalize, random: () => 0 }).catch((e: unknown) => e)
    expect(thrown).toBeInstanceOf(UnavailableError)
    expect(calls()).toBe(4)
  })

  it('does not retry what the policy does not list', async () => {
    const { call, calls } = scripted([error('internal', 500), 'ok'])
    await expect(retryCall(call, { policy, normalize })).rejects.toBeInstanceOf(InternalError)
    expect(calls()).toBe(1)
  })

  it('stops waiting when the signal aborts', async () => {
    const { call, calls } = scripted([error('rate_limited', 429, { retryAfter: 30 }), 'ok'])
    const controller = new AbortController()
    setTimeout(() => controller.abort(new Error('caller gave up')), 20)
    await expect(retryCall(call, { policy, normalize, signal: controller.signal })).rejects.toThrow('caller gave up')
    expect(calls()).toBe(1)
  })

  it('keeps the last thrown value as the cause', async () => {
    const last = error('rate_limited', 429)
    const thrown = await retryCall(scripted([last]).call, { policy: { ...policy, maxRetries: 0 }, normalize }).catch((e: unknown) => e)
    expect(thrown).toBeInstanceOf(RateLimitedError)
    expect(isFaultlineError(thrown) && thrown.cause).toBe(last)
  })
})
