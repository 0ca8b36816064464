import { createNormalizer, kindTable, readResponse, shouldRetry, type CanonicalError } from '@faultline/core'
import { medableWireResponse } from '@faultline/testing'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { medableAdapter as adapter } from '../src/adapter'
import { medableCatalog } from '../src/catalog'
import { errCodeCategories, errCodeDetails } from '../src/errCode'
import { medableRetryPolicy as policy } from '../src/retryPolicy'
import { cortexValidationFault, seedValidationFault } from './fixtures'

const now = Date.UTC(2026, 10, 23, 12, 0, 0)
const { normalizeError, retryPolicy } = createNormalizer([adapter])
const statuses = Array.from({ length: 500 }, (_, i) => 100 + i)
const html = '<html><body><h1>502 Bad Gateway</h1><hr>nginx</body></html>'

// The error and every cause of it.
const everyError = (error: CanonicalError): CanonicalError[] => [error, ...error.causes.flatMap(everyError)]

// Every error (causes included) whose `retryable` is not what the policy (the one truth, decision 020) says of it.
const disagreements = (errors: ReadonlyArray<CanonicalError | null>) =>
  errors
    .flatMap((error) => (error === null ? [] : everyError(error)))
    .filter((error) => shouldRetry(policy, error) !== error.retryable)
    .map(({ kind, reason, status, vendorCode, retryable }) => ({ kind, reason, status, vendorCode, retryable }))

describe('Medable: retryable and the retry policy are one truth', { timeout: 30_000 }, () => {
  it('is the policy withRetry follows', () => {
    expect(retryPolicy('medable')).toBe(policy)
  })

  it('agree on every status 100-599 with an empty, an HTML or no body', () => {
    const errors = statuses.flatMap((status) => [
      normalizeError('medable', { status, body: '' }),
      normalizeError('medable', { status, headers: { 'content-type': 'text/html' }, body: html }),
      normalizeError('medable', { status }),
    ])
    expect(errors.filter((error) => error !== null)).toHaveLength(3 * 200)
    expect(disagreements(errors)).toEqual([])
  })

  it('retries a 429 or 503 without a fault, which the policy refused while the field said yes (issue #18)', () => {
    for (const status of [429, 503]) {
      const error = normalizeError('medable', { status, body: '' })!
      expect([error.retryable, shouldRetry(policy, error)]).toEqual([true, true])
    }
  })

  it('agree on every catalog code and every errCode, at every status and without one, as a root and as a child', () => {
    const faults = [
      ...medableCatalog.entries.map((entry) => ({ object: 'fault', code: entry.code })),
      ...[...errCodeCategories.keys()].map((category) => ({ object: 'fault', errCode: `cortex.${category}.unspecified` })),
      ...[...errCodeDetails.keys()].map((detail) => ({ object: 'fault', errCode: `cortex.${detail}` })),
      { object: 'fault', code: 'kSomethingNew' },
    ]
    const errors = faults.flatMap((fault) => [
      ...statuses.map((status) => normalizeError('medable', { status, body: { ...fault, status } })),
      normalizeError('medable', fault),
      normalizeError('medable', { object: 'fault', code: 'kError', status: 500, faults: [{ ...fault, status: 429 }, { ...fault, path: 'a' }] }),
    ])
    expect(errors.every((error) => error !== null)).toBe(true)
    expect(disagreements(errors)).toEqual([])
  })

  it('agree on the documented fault trees, on thrown faults and on transport failures', () => {
    const errors = [
      normalizeError('medable', { status: 400, body: seedValidationFault }),
      normalizeError('medable', { status: 400, body: cortexValidationFault }),
      normalizeError('medable', Object.assign(new Error('Too busy'), { errCode: 'cortex.tooBusy.unspecified', code: 'kTooBusy', statusCode: 503 })),
      normalizeError('medable', new TypeError('fetch failed', { cause: Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }) })),
      normalizeError('medable', new DOMException('The operation was aborted.', 'AbortError')),
    ]
    expect(errors.slice(2).map((error) => [error?.kind, error?.retryable])).toEqual([
      ['unavailable', true],
      ['transport', true],
      ['transport', false],
    ])
    expect(disagreements(errors)).toEqual([])
  })

  it('agree on any response Medable (or a proxy) may send, causes included (property)', () => {
    fc.assert(
      fc.property(medableWireResponse({ now }), (wire) => {
        expect(disagreements([adapter.decode(readResponse(wire as never), { now })])).toEqual([])
      }),
      { numRuns: 500 },
    )
  })

  it('show on the docs page what the decoder says at each code\'s documented status', () => {
    for (const entry of medableCatalog.entries) {
      const error = normalizeError('medable', { status: entry.status, body: { object: 'fault', code: entry.code, status: entry.status } })
      expect([entry.code, entry.retryable ?? kindTable[entry.kind].retryable]).toEqual([entry.code, error?.retryable])
    }
  })
})
