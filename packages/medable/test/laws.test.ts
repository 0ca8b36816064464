import { CanonicalError, readResponse, type ResponseInput } from '@faultline/core'
import { adapterLaws, medableNormalFormResponse, medableWireResponse } from '@faultline/testing'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { medableAdapter as adapter } from '../src/adapter'

const now = Date.UTC(2026, 10, 23, 12, 0, 0)
const options = { now }
const runs = { numRuns: 1000 }
const laws = adapterLaws(adapter, { normalForm: medableNormalFormResponse(), anyResponse: medableWireResponse({ now }), now })

describe('Medable round-trip laws (contract §6)', { timeout: 60_000 }, () => {
  it('L1: encode(decode(w)) = w for every w in the normal form', laws.l1)
  it('L2: decode(encode(decode(w))) = decode(w) for every wire response', laws.l2)
  it('L3: every output of decode is a CanonicalError that survives JSON', laws.l3)

  it('generated trees stay within the bounds, so L2 is checked on every one of them', () => {
    fc.assert(
      fc.property(medableWireResponse({ now }), (wire) => {
        expect(adapter.decode(readResponse(wire as ResponseInput), options)?.truncated ?? false).toBe(false)
      }),
      runs,
    )
  })

  it('decode is total over fc.anything(), as a response, a body or an input', () => {
    fc.assert(
      fc.property(fc.anything({ withBoxedValues: true, withMap: true, withSet: true, withTypedArray: true, withSparseArray: true, withNullPrototype: true }), fc.option(fc.integer({ min: 0, max: 700 }), { nil: undefined }), (value, status) => {
        for (const input of [{ status, body: value }, { body: { object: 'fault', faults: [value], code: value, status: value, message: value, path: value } }, value]) {
          let result: unknown
          expect(() => {
            result = adapter.decode(readResponse(input as never), options)
          }).not.toThrow()
          expect(result === null || CanonicalError.is(result)).toBe(true)
        }
      }),
      runs,
    )
  })
})

describe('Medable L2 with a hostile member beside errCode (issue #16)', () => {
  it('keeps errCode when a sibling member is a Proxy whose traps throw, so the second decode agrees', async () => {
    const { createNormalizer } = await import('@faultline/core')
    const { medableAdapter } = await import('../src/adapter')
    const throwing = () => {
      throw new Error('trap')
    }
    const zzz = new Proxy({}, { get: throwing, getPrototypeOf: throwing, ownKeys: throwing, getOwnPropertyDescriptor: throwing, has: throwing })
    const body = { zzz, object: 'fault', code: 'kBrandNew', errCode: 'cortex.invalidArgument.validation', status: 400, message: 'V' }
    const { normalizeError, encodeError } = createNormalizer([medableAdapter])
    const first = normalizeError('medable', { status: 400, headers: {}, body })!
    expect(first.extensions).toMatchObject({ errCode: 'cortex.invalidArgument.validation' })
    expect(normalizeError('medable', encodeError('medable', first))).toEqual(first)
  })
})
