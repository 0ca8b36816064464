import { shouldRetry } from '@faultline/core'
import { retryTruth, scribeWireResponse } from '@faultline/testing'
import { describe, expect, it } from 'vitest'
import { scribeAdapter as adapter } from '../src/adapter'
import { scribeCatalog, scribeTypes } from '../src/catalog'
import { scribeRetryPolicy as policy } from '../src/retryPolicy'

const now = Date.UTC(2026, 10, 23, 12, 0, 0)
const truth = retryTruth(adapter, { now })
const { normalizeError } = truth

const envelope = (type: string | undefined, code: string) => ({ error: { type, code, message: 'x' } })

describe('scribe: retryable and the retry policy are one truth', { timeout: 30_000 }, () => {
  it('is the policy withRetry follows', truth.policyIsTheAdapters)

  it('agree on every status 100-599 with an empty, an HTML or no body', () => {
    truth.everyStatus()
    // A body-less 429, 502, 503 or 504 is retried (the kinds' defaults), a 500 is not.
    expect([429, 500, 502, 503, 504].map((status) => normalizeError('scribe', { status, body: '' })?.retryable)).toEqual([true, false, true, true, true])
  })

  it('agree on every catalog code and every unknown code of a known type, at every status and without one', () => {
    truth.everyBody([...scribeCatalog.entries.map((entry) => envelope(entry.group, entry.code)), ...scribeTypes.map((entry) => envelope(entry.type, 'new_code'))])
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
    truth.agree(errors)
  })

  it('agree on any response the scribe (or a proxy) may send (property)', () => truth.anyResponse(scribeWireResponse({ now })))

  it('show on the docs page what the decoder says at each code\'s documented status', () => {
    truth.documentedStatuses(scribeCatalog, (entry) => envelope(entry.group, entry.code))
  })

  it('retries an api_error at 502 and 503, which the policy retried while the field said no (issue #18)', () => {
    for (const status of [502, 503]) {
      const error = normalizeError('scribe', { status, body: envelope('api_error', 'upstream_down') })
      expect([error?.kind, error?.retryable, shouldRetry(policy, error!)]).toEqual(['unavailable', true, true])
    }
  })
})
