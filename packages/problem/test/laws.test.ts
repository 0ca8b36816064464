import { CanonicalError, readResponse } from '@faultline/core'
import fc from 'fast-check'
import { adapterLaws } from '@faultline/testing'
import { describe, expect, it } from 'vitest'
import { problemAdapter as adapter } from '../src/adapter'
import { problemNormalFormResponse, problemWireResponse } from './arbitraries'

const now = Date.UTC(2026, 10, 23, 12, 0, 0)
const options = { now }
const runs = { numRuns: 1000 }
// Most generated responses must be errors, or the laws were checked on nothing.
const laws = adapterLaws(adapter, { normalForm: problemNormalFormResponse({ now }), anyResponse: problemWireResponse({ now }), now, minimumErrorShare: 0.5 })

describe('problem round-trip laws (contract §6), 1,000 runs each', { timeout: 60_000 }, () => {
  it('L1: encode(decode(w)) = w for every w in the normal form', laws.l1)
  it('L2: decode(encode(decode(w))) = decode(w) for every wire response', laws.l2)
  it('L3: every output of decode is a CanonicalError that survives JSON', laws.l3)

  it('totality: decode never throws, on any input whatsoever', () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), fc.anything(), (status, headers, body) => {
        const asResponse = adapter.decode(readResponse({ status, headers, body } as never), options)
        const asBody = adapter.decode(readResponse({ body: status } as never), options)
        for (const decoded of [asResponse, asBody]) if (decoded !== null) expect(CanonicalError.is(decoded)).toBe(true)
        void headers
      }),
      runs,
    )
  })
})
