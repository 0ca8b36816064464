import { createNormalizer, kindTable, readResponse, shouldRetry, type CanonicalError } from '@faultline/core'
import { medipimWireResponse } from '@faultline/testing'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { medipimAdapter as adapter } from '../src/adapter'
import { medipimCatalog } from '../src/catalog'
import { medipimRetryPolicy as policy } from '../src/retryPolicy'

const now = Date.UTC(2026, 10, 23, 12, 0, 0)
const { normalizeError, retryPolicy } = createNormalizer([adapter])
const statuses = Array.from({ length: 500 }, (_, i) => 100 + i)
const html = '<html><body><h1>502 Bad Gateway</h1><hr>nginx</body></html>'

// Every error whose `retryable` is not what the policy (the one truth, decision 020) says of it.
const disagreements = (errors: ReadonlyArray<CanonicalError | null>) =>
  errors
    .filter((error): error is CanonicalError => error !== null && shouldRetry(policy, error) !== error.retryable)
    .map(({ kind, reason, status, vendorCode, retryable }) => ({ kind, reason, status, vendorCode, retryable }))

const envelope = (code: string, status?: number) => ({ error: { status, code, message: 'x' } })

describe('Medipim: retryable and the retry policy are one truth', { timeout: 30_000 }, () => {
  it('is the policy withRetry follows', () => {
    expect(retryPolicy('medipim')).toBe(policy)
  })

  it('agree on every status 100-599 with an empty, an HTML or no body', () => {
    const errors = statuses.flatMap((status) => [
      normalizeError('medipim', { status, body: '' }),
      normalizeError('medipim', { status, headers: { 'content-type': 'text/html' }, body: html }),
      normalizeError('medipim', { status }),
    ])
    expect(errors.filter((error) => error !== null)).toHaveLength(3 * 200)
    expect(disagreements(errors)).toEqual([])
  })

  it('retries a 503 without a body, which the policy refused while the field said yes (issue #18)', () => {
    const error = normalizeError('medipim', { status: 503, body: '' })!
    expect([error.kind, error.retryable, shouldRetry(policy, error)]).toEqual(['unavailable', true, true])
  })

  it('agree on every catalog code and unknown codes, at every status, in a 200 stream and without a status', () => {
    const codes = [...medipimCatalog.entries.map((entry) => entry.code), 'authentication.token_revoked', 'billing.card_declined', 'brand_new']
    const errors = codes.flatMap((code) => [
      ...statuses.map((status) => normalizeError('medipim', { status, body: envelope(code, status) })),
      normalizeError('medipim', { status: 200, headers: { 'content-type': 'application/x-json-stream' }, body: `{"id":1}\n${JSON.stringify(envelope(code, 429))}\n` }),
      normalizeError('medipim', envelope(code)),
    ])
    expect(errors.every((error) => error !== null)).toBe(true)
    expect(disagreements(errors)).toEqual([])
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
    expect(disagreements(errors)).toEqual([])
  })

  it('agree on any response Medipim (or a proxy) may send (property)', () => {
    fc.assert(
      fc.property(medipimWireResponse({ now }), (wire) => {
        expect(disagreements([adapter.decode(readResponse(wire as never), { now })])).toEqual([])
      }),
      { numRuns: 500 },
    )
  })

  it('show on the docs page what the decoder says at each code\'s documented status', () => {
    for (const entry of medipimCatalog.entries) {
      const error = normalizeError('medipim', { status: entry.status, body: envelope(entry.code, entry.status ?? undefined) })
      expect([entry.code, entry.retryable ?? kindTable[entry.kind].retryable]).toEqual([entry.code, error?.retryable])
    }
  })
})
