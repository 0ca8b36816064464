import { CanonicalError } from '@faultline/core'
import { scribeNormalFormResponse, scribeWireResponse } from '@faultline/testing'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { scribeAdapter as adapter } from '../src/adapter'

const now = Date.UTC(2026, 10, 23, 12, 0, 0)
const options = { now }
const runs = { numRuns: 1000 }

describe('scribe round-trip laws (contract §6)', () => {
  it('L1: encode(decode(w)) = w for every w in the normal form', () => {
    fc.assert(
      fc.property(scribeNormalFormResponse(), (wire) => {
        expect(adapter.encode(adapter.decode(wire, options)!)).toEqual(wire)
      }),
      runs,
    )
  })

  it('L2: decode(encode(decode(w))) = decode(w) for every wire response', () => {
    fc.assert(
      fc.property(scribeWireResponse({ now }), (wire) => {
        const decoded = adapter.decode(wire as never, options)
        if (decoded !== null) expect(adapter.decode(adapter.encode(decoded), options)).toEqual(decoded)
      }),
      runs,
    )
  })

  it('L3: every output of decode is a CanonicalError', () => {
    fc.assert(
      fc.property(scribeWireResponse({ now }), (wire) => {
        const decoded = adapter.decode(wire as never, options)
        expect(decoded === null || CanonicalError.is(decoded)).toBe(true)
      }),
      runs,
    )
  })
})
