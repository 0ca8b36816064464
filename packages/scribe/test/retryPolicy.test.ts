import { createNormalizer, kindTable, readResponse, shouldRetry, type CanonicalError } from '@faultline/core'
import { scribeWireResponse } from '@faultline/testing'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { scribeAdapter as adapter } from '../src/adapter'
import { scribeCatalog, scribeTypes } from '../src/catalog'
import { scribeRetryPolicy as policy } from '../src/retryPolicy'

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

describe('scribe: retryable and the retry policy are one truth', { timeout: 30_000 }, () => {
  it('is the policy withRetry follows', () => {
    expect(retryPolicy('scribe')).toBe(policy)
  })

  it('agree on every status 100-599 with an empty, an HTML or no body', () => {
    const errors = statuses.flatMap((status) => [
      normalizeError('scribe', { status, body: '' }),
      normalizeError('scribe', { status, headers: { 'content-type': 'text/html' }, body: html }),
      normalizeError('scribe', { status }),
    ])
    expect(errors.filter((error) => error !== null)).toHaveLength(3 * 200)
    expect(disagreements(errors)).toEqual([])
    // A body-less 429, 502, 503 or 504 is retried (the kinds' defaults), a 500 is not.
    expect([429, 500, 502, 503, 504].map((status) => normalizeError('scribe', { status, body: '' })?.retryable)).toEqual([true, false, true, true, true])
  })

  it('agree on every catalog code and every unknown code of a known type, at every status and without one', () => {
    const bodies = [...scribeCatalog.entries.map((entry) => envelope(entry.group, entry.code)), ...scribeTypes.map((entry) => envelope(entry.type, 'new_code'))]
    const errors = bodies.flatMap((body) => [...statuses.map((status) => normalizeError('scribe', { status, body })), normalizeError('scribe', body)])
    expect(errors.every((error) => error !== null)).toBe(true)
    expect(disagreements(errors)).toEqual([])
  })

  it('agree on transport failures', () => {
    const errors = [
      new TypeError('fetch failed', { cause: Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' }) }),
      new DOMException('The operation was aborted.', 'AbortError'),
    ].map((value) => normalizeError('scribe', value))
    expect(errors.map((error) => [error?.kind, error?.retryable])).toEqual([
      ['transport', true],
      ['transport', false],
    ])
    expect(disagreements(errors)).toEqual([])
  })

  it('agree on any response the scribe (or a proxy) may send (property)', () => {
    fc.assert(
      fc.property(scribeWireResponse({ now }), (wire) => {
        expect(disagreements([adapter.decode(readResponse(wire), { now })])).toEqual([])
      }),
      { numRuns: 1000 },
    )
  })

  it('show on the docs page what the decoder says at each code\'s documented status', () => {
    for (const entry of scribeCatalog.entries) {
      const error = normalizeError('scribe', { status: entry.status, body: envelope(entry.group, entry.code) })
      expect([entry.code, entry.retryable ?? kindTable[entry.kind].retryable]).toEqual([entry.code, error?.retryable])
    }
  })

  it('retries an api_error at 502 and 503, which the policy retried while the field said no (issue #18)', () => {
    for (const status of [502, 503]) {
      const error = normalizeError('scribe', { status, body: envelope('api_error', 'upstream_down') })
      expect([error?.kind, error?.retryable, shouldRetry(policy, error!)]).toEqual(['unavailable', true, true])
    }
  })
})
