import { createNormalizer, kindTable, readResponse, shouldRetry, type CanonicalError } from '@faultline/core'
import { medblocksWireResponse } from '@faultline/testing'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { medblocksAdapter as adapter } from '../src/adapter'
import { medblocksCatalog, medblocksTypes } from '../src/catalog'
import { medblocksRetryPolicy as policy } from '../src/retryPolicy'

const now = Date.UTC(2026, 10, 23, 12, 0, 0)
const { normalizeError, retryPolicy } = createNormalizer([adapter])
const statuses = Array.from({ length: 500 }, (_, i) => 100 + i)
const html = '<html><body><h1>502 Bad Gateway</h1><hr>nginx</body></html>'

// Every error whose `retryable` is not what the policy (the one truth, decision 020) says of it.
const disagreements = (errors: ReadonlyArray<CanonicalError | null>) =>
  errors
    .filter((error): error is CanonicalError => error !== null && shouldRetry(policy, error) !== error.retryable)
    .map(({ kind, reason, status, vendorCode, retryable }) => ({ kind, reason, status, vendorCode, retryable }))

const envelope = (type: string | undefined, code: string) => ({ error: { type, code, message: 'x' } })

describe('Medblocks: retryable and the retry policy are one truth', { timeout: 30_000 }, () => {
  it('is the policy withRetry follows', () => {
    expect(retryPolicy('medblocks')).toBe(policy)
  })

  it('agree on every status 100-599 with an empty, an HTML or no body', () => {
    const errors = statuses.flatMap((status) => [
      normalizeError('medblocks', { status, body: '' }),
      normalizeError('medblocks', { status, headers: { 'content-type': 'text/html' }, body: html }),
      normalizeError('medblocks', { status }),
    ])
    expect(errors.filter((error) => error !== null)).toHaveLength(3 * 200)
    expect(disagreements(errors)).toEqual([])
  })

  it('agree on every catalog code and every unknown code of a known type, at every status and without one', () => {
    const bodies = [...medblocksCatalog.entries.map((entry) => envelope(entry.group, entry.code)), ...medblocksTypes.map((entry) => envelope(entry.type, 'new_code'))]
    const errors = bodies.flatMap((body) => [...statuses.map((status) => normalizeError('medblocks', { status, body })), normalizeError('medblocks', body)])
    expect(errors.every((error) => error !== null)).toBe(true)
    expect(disagreements(errors)).toEqual([])
  })

  it('agree on SDK errors and transport failures', () => {
    const thrown = [
      Object.assign(new Error('Too many requests.'), { name: 'MedblocksRateLimitError', type: 'rate_limit_error', code: 'throttled', statusCode: 429, requestId: 'req_1', retryAfter: 2 }),
      Object.assign(new Error('Timeout'), { name: 'MedblocksError', type: 'api_error', code: 'request_timeout', statusCode: 408, requestId: 'req_2' }),
      { name: 'MedblocksSignatureError', reason: 'signature_mismatch', message: 'Webhook signature verification failed' },
      new TypeError('fetch failed', { cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }) }),
      new DOMException('The operation was aborted.', 'AbortError'),
      new DOMException('The operation timed out.', 'TimeoutError'),
    ]
    const errors = thrown.map((value) => normalizeError('medblocks', value))
    expect(errors.map((error) => [error?.kind, error?.retryable])).toEqual([
      ['rate_limited', true],
      ['internal', false],
      ['signature', false],
      ['transport', true],
      ['transport', false],
      ['transport', true],
    ])
    expect(disagreements(errors)).toEqual([])
  })

  it('agree on any response Medblocks (or a proxy) may send (property)', () => {
    fc.assert(
      fc.property(medblocksWireResponse({ now }), (wire) => {
        expect(disagreements([adapter.decode(readResponse(wire), { now })])).toEqual([])
      }),
      { numRuns: 1000 },
    )
  })

  it('show on the docs page what the decoder says at each code\'s documented status', () => {
    for (const entry of medblocksCatalog.entries) {
      const error = normalizeError('medblocks', { status: entry.status, body: envelope(entry.group, entry.code) })
      expect([entry.code, entry.retryable ?? kindTable[entry.kind].retryable]).toEqual([entry.code, error?.retryable])
    }
  })
})

describe('Medblocks: what the SDK retries (issue #18)', () => {
  const decode = (status: number | undefined, body: unknown) => normalizeError('medblocks', status === undefined ? body : { status, body })

  it('does not retry a 408: the SDK retries no 4xx but 429', () => {
    expect(decode(408, '')).toMatchObject({ kind: 'timeout', reason: 'timeout', retryable: false })
    expect(decode(408, envelope('api_error', 'request_timeout'))).toMatchObject({ kind: 'internal', retryable: false })
  })

  it('does not retry an unknown rate_limit_error code at 400, though its type says rate_limited', () => {
    expect(decode(400, envelope('rate_limit_error', 'burst_exceeded'))).toMatchObject({ kind: 'rate_limited', reason: 'unrecognized', recognized: false, retryable: false })
    expect(decode(429, envelope('rate_limit_error', 'burst_exceeded'))).toMatchObject({ kind: 'rate_limited', retryable: true })
  })

  it('retries 429, 502, 503 and 504 whatever the code, and never a 500', () => {
    for (const status of [429, 502, 503, 504]) expect(decode(status, envelope('permission_error', 'forbidden'))?.retryable).toBe(true)
    expect(decode(500, envelope('ehr_error', 'fhir_error'))).toMatchObject({ kind: 'unavailable', retryable: false })
  })

  it('does not retry an error without a status: the SDK decides by status', () => {
    expect(decode(undefined, envelope('rate_limit_error', 'throttled'))).toMatchObject({ kind: 'rate_limited', status: null, retryable: false })
  })
})
