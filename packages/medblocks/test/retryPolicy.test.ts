import { medblocksWireResponse, retryTruth } from '@faultline/testing'
import { describe, expect, it } from 'vitest'
import { medblocksAdapter as adapter } from '../src/adapter'
import { medblocksCatalog, medblocksTypes } from '../src/catalog'

const now = Date.UTC(2026, 10, 23, 12, 0, 0)
const truth = retryTruth(adapter, { now })
const { normalizeError } = truth

const envelope = (type: string | undefined, code: string) => ({ error: { type, code, message: 'x' } })

describe('Medblocks: retryable and the retry policy are one truth', { timeout: 30_000 }, () => {
  it('is the policy withRetry follows', truth.policyIsTheAdapters)

  it('agree on every status 100-599 with an empty, an HTML or no body', truth.everyStatus)

  it('agree on every catalog code and every unknown code of a known type, at every status and without one', () => {
    truth.everyBody([...medblocksCatalog.entries.map((entry) => envelope(entry.group, entry.code)), ...medblocksTypes.map((entry) => envelope(entry.type, 'new_code'))])
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
    truth.agree(errors)
  })

  it('agree on any response Medblocks (or a proxy) may send (property)', () => truth.anyResponse(medblocksWireResponse({ now })))

  it('show on the docs page what the decoder says at each code\'s documented status', () => {
    truth.documentedStatuses(medblocksCatalog, (entry) => envelope(entry.group, entry.code))
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
