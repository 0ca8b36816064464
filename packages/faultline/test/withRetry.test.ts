import { createServer, type Server } from 'node:http'
import { isFaultlineError, UnavailableError, type RetryAttempt } from '@faultline/core'
import { afterEach, describe, expect, it } from 'vitest'
import { retryPolicy, withRetry } from '../src/normalize'

type Answer = { status: number; headers?: Record<string, string>; body: string }

// A local server that answers the scripted responses in order, then 200s.
async function flakyServer(answers: ReadonlyArray<Answer>): Promise<{ url: string; server: Server; hits: () => number }> {
  let hits = 0
  const server = createServer((_request, response) => {
    const answer = answers[hits++] ?? { status: 200, headers: { 'content-type': 'application/json' }, body: '{"id":"pat_1"}' }
    response.writeHead(answer.status, answer.headers).end(answer.body)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return { url: `http://127.0.0.1:${(server.address() as { port: number }).port}/patients/pat_1`, server, hits: () => hits }
}

let running: Server | undefined
afterEach(() => new Promise<void>((resolve) => (running ? running.close(() => resolve()) : resolve())))

describe('withRetry against a flaky server', () => {
  it('succeeds after a 503 and a 429, waiting what each Retry-After said', async () => {
    const { url, server, hits } = await flakyServer([
      { status: 503, headers: { 'retry-after': '1' }, body: '' },
      { status: 429, headers: { 'retry-after': '1', 'content-type': 'application/json' }, body: '{"error":{"type":"rate_limit_error","code":"throttled","message":"Too many requests."}}' },
    ])
    running = server
    const attempts: RetryAttempt[] = []
    const started = Date.now()
    const response = await withRetry(() => fetch(url), { vendor: 'medblocks', onRetry: (attempt) => attempts.push(attempt) })
    const elapsed = Date.now() - started
    expect(await response.json()).toEqual({ id: 'pat_1' })
    expect(hits()).toBe(3)
    expect(attempts.map(({ attempt, error, delayMs, fromRetryAfter }) => ({ attempt, kind: error.kind, delayMs, fromRetryAfter }))).toEqual([
      { attempt: 1, kind: 'unavailable', delayMs: 1000, fromRetryAfter: true },
      { attempt: 2, kind: 'rate_limited', delayMs: 1000, fromRetryAfter: true },
    ])
    expect(elapsed).toBeGreaterThanOrEqual(2000)
  })

  it('gives up after the policy\'s retries and throws the typed error of the last attempt', async () => {
    const { url, server, hits } = await flakyServer(Array.from({ length: 10 }, () => ({ status: 503, headers: { 'retry-after': '0' }, body: '' })))
    running = server
    const thrown = await withRetry(() => fetch(url), { vendor: 'medblocks' }).catch((error: unknown) => error)
    expect(thrown).toBeInstanceOf(UnavailableError)
    expect(isFaultlineError(thrown) && thrown.status).toBe(503)
    expect(hits()).toBe(1 + retryPolicy('medblocks').maxRetries)
  })

  it('never retries a Medblocks 500, as the SDK never does', async () => {
    const { url, server, hits } = await flakyServer([
      { status: 500, headers: { 'content-type': 'application/json' }, body: '{"error":{"type":"api_error","code":"internal_error","message":"Boom"}}' },
    ])
    running = server
    await expect(withRetry(() => fetch(url), { vendor: 'medblocks' })).rejects.toMatchObject({ kind: 'internal', vendorCode: 'internal_error' })
    expect(hits()).toBe(1)
  })

  it('retries a connection failure with the backoff', async () => {
    const { url, server } = await flakyServer([])
    await new Promise<void>((resolve) => server.close(() => resolve()))
    const delays: number[] = []
    const thrown = await withRetry(() => fetch(url), { vendor: 'medblocks', random: () => 0, onRetry: ({ delayMs }) => delays.push(delayMs) }).catch((e: unknown) => e)
    expect(thrown).toMatchObject({ kind: 'transport', reason: 'connection_failed' })
    expect(delays).toEqual([250, 500, 1000])
  })
})

describe('retryPolicy', () => {
  it('holds what each vendor documents', () => {
    expect(retryPolicy('medblocks')).toMatchObject({ maxRetries: 3, retryOn: { statuses: [429, 502, 503, 504], kinds: ['transport'] } })
    expect(retryPolicy('medblocks').backoff).toEqual([[250, 500], [500, 750], [1000, 1250], [2000, 2250]])
    expect(retryPolicy('scribe').retryOn.statuses).toEqual([503])
    expect(retryPolicy('unknown-vendor').source).toContain('default')
  })
})
