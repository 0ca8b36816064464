import { CanonicalError } from '@faultline/core'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { fhirAdapter as adapter } from '../src/adapter'
import { fhirNormalFormResponse, fhirWireResponse } from './arbitraries'

const now = Date.UTC(2026, 10, 23, 12, 0, 0)
const options = { now }
const runs = { numRuns: 1000 }

describe('fhir round-trip laws (contract §6)', () => {
  it('L1: encode(decode(w)) = w for every w in the normal form', () => {
    fc.assert(
      fc.property(fhirNormalFormResponse(), (wire) => {
        const decoded = adapter.decode(wire, options)
        expect(decoded).not.toBeNull()
        expect(adapter.encode(decoded!)).toEqual(wire)
      }),
      runs,
    )
  })

  it('L2: decode(encode(decode(w))) = decode(w) for every wire response', () => {
    let errors = 0
    fc.assert(
      fc.property(fhirWireResponse(now), (wire) => {
        const decoded = adapter.decode(wire as never, options)
        if (decoded === null) return
        errors++
        expect(adapter.decode(adapter.encode(decoded), options)).toEqual(decoded)
      }),
      runs,
    )
    expect(errors).toBeGreaterThan(600)
  })

  it('L3: every output of decode is a CanonicalError that survives JSON', () => {
    fc.assert(
      fc.property(fhirWireResponse(now), (wire) => {
        const decoded = adapter.decode(wire as never, options)
        if (decoded === null) return
        expect(CanonicalError.decode(decoded)._tag).toBe('Right')
        expect(JSON.parse(JSON.stringify(decoded))).toEqual(decoded)
      }),
      runs,
    )
  })

  it('totality: decode never throws, on any input whatsoever', () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), fc.anything(), (status, headers, body) => {
        for (const decoded of [adapter.decode({ status, headers, body } as never, options), adapter.decode({ body: status } as never, options)]) {
          if (decoded !== null) expect(CanonicalError.is(decoded)).toBe(true)
        }
      }),
      runs,
    )
  })
})
