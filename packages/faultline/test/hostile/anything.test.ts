import {
  medableFault,
  medableWireResponse,
  medblocksWireResponse,
  medipimWireResponse,
  scribeWireResponse,
} from '@faultline/testing'
import fc from 'fast-check'
import { describe, it } from 'vitest'
import { errorWithin, fuzzOptions, fuzzRuns, normalizeWithin, vendors, type Vendor } from './harness'

const wireResponse: Record<Vendor, () => fc.Arbitrary<{ status: number; headers: unknown; body: unknown }>> = {
  medblocks: () => medblocksWireResponse(),
  scribe: () => scribeWireResponse(),
  medipim: () => medipimWireResponse(),
  medable: () => medableWireResponse(),
}

const weirdNumber = fc.constantFrom(Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -0, 0, Number.NaN, 3.5, -400, 2 ** 53, 1e21, 99, 600, 4e2)
const anything = fc.anything({ withBoxedValues: true, withMap: true, withSet: true, withTypedArray: true, withSparseArray: true, withDate: true, withNullPrototype: true, withObjectString: true, withBigInt: true })

/** A vendor response broken the ways a network, a proxy or a vendor breaks them. */
function mutated(response: fc.Arbitrary<{ status: number; headers: unknown; body: unknown }>) {
  return fc.oneof(
    // The body as JSON text cut anywhere, or as UTF-8 bytes with a byte flipped.
    fc.tuple(response, fc.nat()).map(([r, cut]) => {
      const text = JSON.stringify(r.body) ?? ''
      return { ...r, body: text.slice(0, cut % (text.length + 1)) }
    }),
    fc.tuple(response, fc.nat(), fc.integer({ min: 0, max: 255 })).map(([r, at, byte]) => {
      const bytes = new TextEncoder().encode(JSON.stringify(r.body) ?? '')
      if (bytes.length > 0) bytes[at % bytes.length] = byte
      return { ...r, body: bytes }
    }),
    // A member of the envelope replaced by anything, or the status by a weird number.
    fc.tuple(response, fc.string({ maxLength: 12 }), anything).map(([r, key, value]) => {
      // Mutate a copy: fast-check hands the same generated response to other cases (and to shrinking).
      const body: unknown = typeof r.body === 'object' && r.body !== null && !ArrayBuffer.isView(r.body) ? JSON.parse(JSON.stringify(r.body)) : r.body
      if (typeof body === 'object' && body !== null && !Array.isArray(body)) {
        const target = (body as { error?: unknown }).error
        // An `error` array keeps its `length`: a generated key may name it, and arrays cannot redefine it.
        const holder = typeof target === 'object' && target !== null && !Array.isArray(target) ? target : body
        Object.defineProperty(holder, ['code', 'message', 'status', 'faults', 'violations', 'type', key][key.length % 7]!, { value, enumerable: true, configurable: true, writable: true })
      }
      return { ...r, body }
    }),
    fc.tuple(response, weirdNumber).map(([r, status]) => ({ ...r, status })),
    fc.tuple(response, anything).map(([r, headers]) => ({ ...r, headers })),
  )
}

describe('hostile input: anything and mutated vendor envelopes', fuzzOptions, () => {
  for (const vendor of vendors) {
    it(`${vendor}: fc.anything() as the input, as a response body and as a bare body is always a valid answer`, () => {
      fc.assert(
        fc.property(anything, fc.integer({ min: 100, max: 599 }), (value, status) => {
          errorWithin(vendor, value)
          normalizeWithin(vendor, { status, headers: {}, body: value })
          normalizeWithin(vendor, { status, headers: value, body: '' })
        }),
        { numRuns: fuzzRuns(300) },
      )
    })

    it(`${vendor}: mutated vendor responses are always a valid answer`, () => {
      fc.assert(
        fc.property(mutated(wireResponse[vendor]()), (response) => {
          normalizeWithin(vendor, response)
        }),
        { numRuns: fuzzRuns(300) },
      )
    })
  }

  it('medable: fault trees with any members, as bodies and as thrown values', () => {
    fc.assert(
      fc.property(medableFault({ maxDepth: 4 }), anything, (fault, junk) => {
        errorWithin('medable', fault)
        errorWithin('medable', { ...fault, faults: [fault, junk, fault] })
      }),
      { numRuns: fuzzRuns(200) },
    )
  })
})
