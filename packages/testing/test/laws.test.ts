import { createTypedEnvelopeAdapter, defineCatalog } from '@faultline/core'
import { medblocksAdapter } from '@faultline/medblocks'
import { describe, expect, it } from 'vitest'
import { adapterLaws, medblocksNormalFormResponse, medblocksWireResponse } from '../src/index'

// fast-check reports the law's own error as the cause of its "Property failed" error.
const failureOf = (check: () => void): string => {
  try {
    check()
  } catch (error) {
    return String((error as Error & { cause?: Error }).cause?.message ?? (error as Error).message)
  }
  return 'passed'
}

describe('adapterLaws', () => {
  it('passes a lawful adapter', () => {
    const laws = adapterLaws(medblocksAdapter, { normalForm: medblocksNormalFormResponse(), anyResponse: medblocksWireResponse(), numRuns: 100 })
    expect(() => {
      laws.l1()
      laws.l2()
      laws.l3()
    }).not.toThrow()
  })

  it('catches an encoder that loses a field', () => {
    const lossy = { ...medblocksAdapter, encode: (error: Parameters<typeof medblocksAdapter.encode>[0]) => medblocksAdapter.encode({ ...error, requestId: null }) }
    const laws = adapterLaws(lossy, { normalForm: medblocksNormalFormResponse(), anyResponse: medblocksWireResponse(), numRuns: 200 })
    expect(failureOf(laws.l1)).toMatch(/^L1: encode\(decode\(w\)\) differs from w/)
    expect(failureOf(laws.l2)).toMatch(/^L2: /)
  })

  it('catches a decoder that answers an invalid error', () => {
    const acme = createTypedEnvelopeAdapter({ id: 'acme', catalog: defineCatalog('acme', []), types: [], writesNullParam: true, documentation: { title: 'Acme', overview: '', normalForm: [], notes: [] } })
    const broken = { ...acme, decode: (input: Parameters<typeof acme.decode>[0]) => { const error = acme.decode(input); return error === null ? null : { ...error, message: '' } } }
    const laws = adapterLaws(broken, { normalForm: medblocksNormalFormResponse(), anyResponse: medblocksWireResponse(), numRuns: 50 })
    expect(failureOf(laws.l3)).toMatch(/^L3: not a CanonicalError/)
  })
})
