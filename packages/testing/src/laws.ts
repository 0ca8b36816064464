import { isDeepStrictEqual } from 'node:util'
import { CanonicalError, type Adapter, type WireResponse, readResponse, type ResponseInput } from '@faultline/core'
import fc from 'fast-check'

/** The arbitraries and settings the round-trip laws of one adapter are checked with. */
export interface AdapterLawOptions {
  /** Responses in the adapter's normal form: exactly what its `encode` writes (law L1). */
  readonly normalForm: fc.Arbitrary<WireResponse>
  /** Any response the vendor (or a proxy in front of it) may send (laws L2 and L3). */
  readonly anyResponse: fc.Arbitrary<unknown>
  /** The clock HTTP-date headers are read against (default 2026-11-23T12:00:00Z). */
  readonly now?: number
  /** Runs per law (default 1,000). */
  readonly numRuns?: number
  /**
   * The least share of `anyResponse` cases that must decode to an error for L2 and L3 to count (default 0):
   * a generator that produces only successes would check the laws on nothing.
   */
  readonly minimumErrorShare?: number
}

const same = (label: string, actual: unknown, expected: unknown): void => {
  if (!isDeepStrictEqual(actual, expected)) {
    throw new Error(`${label}\n  actual:   ${JSON.stringify(actual)}\n  expected: ${JSON.stringify(expected)}`)
  }
}

/**
 * The round-trip laws of contract §6 as property checks, for any adapter (the bundled ones and yours).
 * Each check throws with the shrunk counterexample when the law fails.
 *
 * @example
 * const laws = adapterLaws(myAdapter, { normalForm: myNormalForm, anyResponse: myWireResponse })
 * it('L1', laws.l1)
 * it('L2', laws.l2)
 * it('L3', laws.l3)
 */
export function adapterLaws(adapter: Adapter, options: AdapterLawOptions) {
  const decodeOptions = { now: options.now ?? Date.UTC(2026, 10, 23, 12, 0, 0) }
  const parameters = { numRuns: options.numRuns ?? 1000 }
  const decode = (wire: unknown) => adapter.decode(readResponse(wire as ResponseInput), decodeOptions)
  const enoughErrors = (law: string, errors: number): void => {
    const share = errors / parameters.numRuns
    if (share < (options.minimumErrorShare ?? 0)) {
      throw new Error(`${law}: only ${errors} of ${parameters.numRuns} generated responses were errors: the law was checked on too little`)
    }
  }
  return {
    /** L1: `encode(decode(w))` deep-equals `w` for every `w` in the normal form. */
    l1(): void {
      fc.assert(
        fc.property(options.normalForm, (wire) => {
          const decoded = decode(wire)
          if (decoded === null) throw new Error(`L1: a normal-form response decoded to null: ${JSON.stringify(wire)}`)
          same('L1: encode(decode(w)) differs from w', adapter.encode(decoded), wire)
        }),
        parameters,
      )
    },
    /** L2: `decode(encode(decode(w)))` deep-equals `decode(w)` for every response (truncated trees excepted, §2). */
    l2(): void {
      let errors = 0
      fc.assert(
        fc.property(options.anyResponse, (wire) => {
          const decoded = decode(wire)
          if (decoded === null || decoded.truncated) return
          errors++
          same('L2: decode(encode(decode(w))) differs from decode(w)', decode(adapter.encode(decoded)), decoded)
        }),
        parameters,
      )
      enoughErrors('L2', errors)
    },
    /** L3: every output of `decode` satisfies `CanonicalError.is` and survives JSON unchanged. */
    l3(): void {
      let errors = 0
      fc.assert(
        fc.property(options.anyResponse, (wire) => {
          const decoded = decode(wire)
          if (decoded === null) return
          errors++
          if (!CanonicalError.is(decoded)) throw new Error(`L3: not a CanonicalError: ${JSON.stringify(decoded)}`)
          same('L3: the error changed through JSON', JSON.parse(JSON.stringify(decoded)), decoded)
        }),
        parameters,
      )
      enoughErrors('L3', errors)
    },
  }
}
