import { CanonicalError } from '@faultline/core'
import { medblocksNormalFormResponse, medblocksWireResponse } from '@faultline/testing'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { medblocksAdapter as adapter } from '../src/adapter'

const now = Date.UTC(2026, 10, 23, 12, 0, 0)
const options = { now }
const runs = { numRuns: 1000 }

describe('Medblocks round-trip laws (contract §6)', () => {
  it('L1: encode(decode(w)) = w for every w in the normal form', () => {
    fc.assert(
      fc.property(medblocksNormalFormResponse(), (wire) => {
        const decoded = adapter.decode(wire, options)
        expect(decoded).not.toBeNull()
        expect(adapter.encode(decoded!)).toEqual(wire)
      }),
      runs,
    )
  })

  it('L2: decode(encode(decode(w))) = decode(w) for every wire response', () => {
    fc.assert(
      fc.property(medblocksWireResponse({ now }), (wire) => {
        const decoded = adapter.decode(wire as never, options)
        if (decoded === null) return
        expect(adapter.decode(adapter.encode(decoded), options)).toEqual(decoded)
      }),
      runs,
    )
  })

  it('L3: every output of decode is a CanonicalError that survives JSON', () => {
    fc.assert(
      fc.property(medblocksWireResponse({ now }), (wire) => {
        const decoded = adapter.decode(wire as never, options)
        if (decoded === null) return
        expect(CanonicalError.is(decoded)).toBe(true)
        expect(JSON.parse(JSON.stringify(decoded))).toEqual(decoded)
      }),
      runs,
    )
  })
})
