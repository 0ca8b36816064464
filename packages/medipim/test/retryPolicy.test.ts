import { shouldRetry } from '@faultline/core'
import { medipimWireResponse, retryTruth } from '@faultline/testing'
import { describe, expect, it } from 'vitest'
import { medipimAdapter as adapter } from '../src/adapter'
import { medipimCatalog } from '../src/catalog'
import { medipimRetryPolicy as policy } from '../src/retryPolicy'

const now = Date.UTC(2026, 10, 23, 12, 0, 0)
const truth = retryTruth(adapter, { now })
const { normalizeError } = truth

const envelope = (code: string, status?: number) => ({ error: { status, code, message: 'x' } })

describe('Medipim: retryable and the retry policy are one truth', { timeout: 30_000 }, () => {
  it('is the policy withRetry follows', truth.policyIsTheAdapters)

  it('agree on every status 100-599 with an empty, an HTML or no body', truth.everyStatus)

  it('retries a 503 without a body, which the policy refused while the field said yes (issue #18)', () => {
    const error = normalizeError('medipim', { status: 503, body: '' })!
    expect([error.kind, error.retryable, shouldRetry(policy, error)]).toEqual(['unavailable', true, true])
  })

  it('agree on every catalog code and unknown codes, at every status, in a 200 stream and without a status', () => {
    const codes = [...medipimCatalog.entries.map((entry) => entry.code), 'authentication.token_revoked', 'billing.card_declined', 'brand_new']
    truth.everyBody(codes, envelope)
    const streams = codes.map((code) =>
      normalizeError('medipim', { status: 200, headers: { 'content-type': 'application/x-json-stream' }, body: `{"id":1}\n${JSON.stringify(envelope(code, 429))}\n` }),
    )
    expect(streams.every((error) => error !== null)).toBe(true)
    truth.agree(streams)
  })

  it('agree on transport failures', () => {
    const errors = [
      new TypeError('fetch failed', { cause: Object.assign(new Error('connect ETIMEDOUT'), { code: 'ETIMEDOUT' }) }),
      new DOMException('The operation was aborted.', 'AbortError'),
    ].map((value) => normalizeError('medipim', value))
    expect(errors.map((error) => [error?.kind, error?.retryable])).toEqual([
      ['transport', true],
      ['transport', false],
    ])
    truth.agree(errors)
  })

  it('agree on any response Medipim (or a proxy) may send (property)', () => truth.anyResponse(medipimWireResponse({ now }), 500))

  it('show on the docs page what the decoder says at each code\'s documented status', () => {
    truth.documentedStatuses(medipimCatalog, (entry) => envelope(entry.code, entry.status ?? undefined))
  })
})
