import { canonicalError, readResponse } from '@faultline/core'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { fhirAdapter } from '../src/adapter'
import { fhirCodeOf, vendorCodeOf, vendorCoding } from '../src/codings'
import { toOperationOutcome } from '../src/encode'
import { awkwardVendorCode } from './arbitraries'
import { primitiveErrors, r4Errors } from './validator'

// The R4 `code` datatype: `[^\s]+(\s[^\s]+)*`, "no whitespace other than single spaces in the contents".
const r4Code = /^[^\s]+( [^\s]+)*$/

describe('vendor codes as R4 codes', () => {
  it('writes a valid code verbatim, and any other percent-encoded', () => {
    expect(['kRequired', 'cortex.invalidArgument.validation', 'not found', '4101'].map(fhirCodeOf)).toEqual(['kRequired', 'cortex.invalidArgument.validation', 'not found', '4101'])
    expect([' E12', 'E12 ', 'E  12', 'E\t12', ' ', 'a%20b'].map(fhirCodeOf)).toEqual(['%20E12', 'E12%20', 'E%20%2012', 'E%0912', '%20', 'a%2520b'])
  })

  it('laws: every code written is a valid R4 code, and reads back as the vendor code it was', () => {
    fc.assert(
      // With the white space JavaScript's `\s` knows beyond XML's (a no-break space, a line separator).
      fc.property(fc.oneof(awkwardVendorCode, fc.constantFrom('\u00a0', 'E\u2028 1')), (vendorCode) => {
        const code = fhirCodeOf(vendorCode)
        expect(code).toMatch(r4Code)
        expect(vendorCodeOf(code)).toBe(vendorCode)
        expect(vendorCoding('acme', vendorCode).code).toBe(code)
      }),
      { numRuns: 2000 },
    )
  })

  it('an outcome of such codes validates, and reads back exactly with or without the extension', () => {
    const error = canonicalError({
      kind: 'invalid_request',
      reason: 'validation_failed',
      vendor: 'acme',
      vendorCode: ' E12  ',
      status: 400,
      message: 'Validation failed',
      violations: [{ path: 'dob', reason: 'invalid_field', message: 'Bad date', vendorCode: 'E\t7' }],
    })
    const outcome = toOperationOutcome(error)
    expect(r4Errors(outcome)).toEqual([])
    expect(primitiveErrors(outcome)).toEqual([])
    expect(fhirAdapter.decode(readResponse(fhirAdapter.encode(error)))).toEqual(error)
    const plain = fhirAdapter.decode(readResponse({ status: 400, body: toOperationOutcome(error, { canonicalExtension: false }) }))
    expect(plain?.violations[0]?.vendorCode).toBe('E\t7')
    const single = canonicalError({ kind: 'conflict', reason: 'already_exists', vendor: 'acme', vendorCode: 'E  12', status: 409 })
    expect(fhirAdapter.decode(readResponse({ status: 409, body: toOperationOutcome(single, { canonicalExtension: false }) }))?.vendorCode).toBe('E  12')
  })

  it('decodes a long code that many coding arrays share once (decision 014)', () => {
    const code = `%41${'x'.repeat(1_000_000)}`
    const issue = () => ({ severity: 'error', code: 'invalid', details: { coding: [{ system: 'https://faultline.dev/fhir/CodeSystem/vendor/acme', code }] }, expression: ['a'] })
    const started = performance.now()
    const error = fhirAdapter.decode(readResponse({ status: 400, body: { resourceType: 'OperationOutcome', issue: Array.from({ length: 20_000 }, issue) } }))
    expect(performance.now() - started).toBeLessThan(2_000)
    expect(error?.vendorCode?.length).toBe(1_000_001)
    expect(error?.vendorCode?.startsWith('Ax')).toBe(true)
  })
})
