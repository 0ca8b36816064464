import { shouldRetry } from '@faultline/core'
import { medableWireResponse, retryTruth } from '@faultline/testing'
import { describe, expect, it } from 'vitest'
import { medableAdapter as adapter } from '../src/adapter'
import { medableCatalog } from '../src/catalog'
import { errCodeCategories, errCodeDetails } from '../src/errCode'
import { medableRetryPolicy as policy } from '../src/retryPolicy'
import { cortexValidationFault, seedValidationFault } from './fixtures'

const now = Date.UTC(2026, 10, 23, 12, 0, 0)
const truth = retryTruth(adapter, { now })
const { normalizeError } = truth

describe('Medable: retryable and the retry policy are one truth', { timeout: 30_000 }, () => {
  it('is the policy withRetry follows', truth.policyIsTheAdapters)

  it('agree on every status 100-599 with an empty, an HTML or no body', truth.everyStatus)

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
    truth.everyBody(faults, (fault, status) => (status === undefined ? fault : { ...fault, status }))
    // As children of a tree (the policy is asked of every cause).
    truth.agree(faults.map((fault) => normalizeError('medable', { object: 'fault', code: 'kError', status: 500, faults: [{ ...fault, status: 429 }, { ...fault, path: 'a' }] })))
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
    truth.agree(errors)
  })

  it('agree on any response Medable (or a proxy) may send, causes included (property)', () => truth.anyResponse(medableWireResponse({ now }), 500))

  it('show on the docs page what the decoder says at each code\'s documented status', () => {
    truth.documentedStatuses(medableCatalog, (entry) => ({ object: 'fault', code: entry.code, status: entry.status }))
  })
})
