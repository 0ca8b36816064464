import { ViolationCodec } from '@faultline/core'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { decodeViolation, decodeViolations, defaultViolationMessage, encodeViolations, maxViolations, violationReason } from '../src/violations'

describe('violationReason', () => {
  it.each([
    ['c1051bb4-d103-4f74-8988-acbcafc7fdc3', 'missing_field'], // Symfony NotBlank
    ['AD32D13F-C3D4-423B-909A-857B961EB720', 'missing_field'], // Symfony NotNull, upper case
    ['2fa2158c-2a7f-484b-98aa-975522539ff8', 'missing_field'], // Symfony Collection missing field
    ['bef8e338-6ae5-4caf-b8e2-50e7b0579e69', 'too_few_items'],
    ['756b1212-697c-468d-a9ad-50dd783bb169', 'too_many_items'],
    ['required', 'missing_field'],
    ['field_missing', 'missing_field'],
    ['IS_BLANK_ERROR', 'missing_field'],
    ['NotBlank', 'missing_field'],
    ['not_null', 'missing_field'],
    ['too_few', 'too_few_items'],
    ['TOO_MANY_ERROR', 'too_many_items'],
    ['too_long', 'invalid_field'],
    ['9ff3fdc4-b214-49db-8718-39c315e33d45', 'invalid_field'], // Symfony Length::TOO_SHORT_ERROR
    ['', 'invalid_field'],
  ])('%s -> %s', (code, reason) => {
    expect(violationReason(code)).toBe(reason)
  })

  it('says invalid_field without a code', () => {
    expect(violationReason(null)).toBe('invalid_field')
  })
})

describe('decodeViolation', () => {
  it('reads propertyPath, message and code', () => {
    expect(decodeViolation({ propertyPath: 'name.nl', message: 'This value should not be blank.', code: 'c1051bb4-d103-4f74-8988-acbcafc7fdc3' })).toEqual({
      path: 'name.nl',
      reason: 'missing_field',
      message: 'This value should not be blank.',
      vendorCode: 'c1051bb4-d103-4f74-8988-acbcafc7fdc3',
    })
  })

  it('accepts path instead of propertyPath, and prefers propertyPath', () => {
    expect(decodeViolation({ path: 'ean', message: 'bad' }).path).toBe('ean')
    expect(decodeViolation({ propertyPath: 'a', path: 'b', message: 'x' }).path).toBe('a')
    expect(decodeViolation({ propertyPath: 5, path: 'b', message: 'x' }).path).toBe('b')
  })

  it('keeps non-object elements with path null, a string as the message', () => {
    expect(decodeViolation('name: required')).toEqual({ path: null, reason: 'invalid_field', message: 'name: required', vendorCode: null })
    for (const element of [42, null, undefined, ['x'], true]) {
      expect(decodeViolation(element)).toEqual({ path: null, reason: 'invalid_field', message: defaultViolationMessage, vendorCode: null })
    }
  })

  it('ignores members of the wrong type; a getter that throws reads as absent', () => {
    const element = Object.defineProperty({ code: 7, message: null }, 'propertyPath', {
      get() {
        throw new Error('getter ran')
      },
      enumerable: true,
    })
    expect(decodeViolation(element)).toEqual({ path: null, reason: 'invalid_field', message: defaultViolationMessage, vendorCode: null })
  })

  it('reads own members only, each once', () => {
    let reads = 0
    const element = Object.create({ propertyPath: 'inherited' }, {
      message: { get: () => `read ${++reads}`, enumerable: true },
      code: { value: 'required', enumerable: false },
    }) as object
    expect(decodeViolation(element)).toEqual({ path: null, reason: 'missing_field', message: 'read 1', vendorCode: 'required' })
  })

})

describe('decodeViolations', () => {
  const a = { propertyPath: 'a', message: 'A' }
  const b = { propertyPath: 'b', message: 'B' }

  it('reads the array inside error first, in document order', () => {
    const { violations } = decodeViolations({ violations: [a, b] }, { violations: [b] })
    expect(violations.map((violation) => violation.path)).toEqual(['a', 'b'])
  })

  it('falls back to the top-level array', () => {
    expect(decodeViolations({ violations: 'none' }, { violations: [b, a] }).violations.map((violation) => violation.path)).toEqual(['b', 'a'])
    expect(decodeViolations(undefined, { violations: [a] }).violations).toHaveLength(1)
  })

  it('is empty without an array', () => {
    expect(decodeViolations(undefined, undefined)).toEqual({ violations: [], truncated: false })
    expect(decodeViolations({}, [] as unknown as object)).toEqual({ violations: [], truncated: false })
  })

  it(`keeps ${maxViolations} elements and marks a longer array truncated`, () => {
    const exact = decodeViolations({ violations: Array.from({ length: maxViolations }, () => a) }, undefined)
    expect(exact.violations).toHaveLength(maxViolations)
    expect(exact.truncated).toBe(false)
    const longer = decodeViolations({ violations: Array.from({ length: maxViolations + 1 }, (_, i) => ({ propertyPath: `p${i}`, message: 'x' })) }, undefined)
    expect(longer.violations).toHaveLength(maxViolations)
    expect(longer.violations.at(-1)?.path).toBe(`p${maxViolations - 1}`)
    expect(longer.truncated).toBe(true)
  })

  it('reads a huge sparse array in bounded time', () => {
    const sparse: unknown[] = []
    sparse.length = 4_000_000_000
    sparse[0] = a
    const { violations, truncated } = decodeViolations({ violations: sparse }, undefined)
    expect(violations).toHaveLength(maxViolations)
    expect(violations[1]?.path).toBeNull()
    expect(truncated).toBe(true)
  })
})

describe('encodeViolations', () => {
  it('writes propertyPath, message and code, leaving out nulls', () => {
    expect(
      encodeViolations([
        { path: 'name', reason: 'missing_field', message: 'blank', vendorCode: 'required' },
        { path: null, reason: 'invalid_field', message: 'bad', vendorCode: null },
      ]),
    ).toEqual([{ propertyPath: 'name', message: 'blank', code: 'required' }, { message: 'bad' }])
  })

  it("writes another vendor's finer reason as the code, so that it reads back", () => {
    const [element] = encodeViolations([{ path: 'dob', reason: 'missing_field', message: 'dob is required', vendorCode: null }])
    expect(element).toEqual({ propertyPath: 'dob', message: 'dob is required', code: 'missing_field' })
    expect(decodeViolation(element).reason).toBe('missing_field')
  })

  it('reads back every violation it decoded (property)', () => {
    fc.assert(
      fc.property(fc.anything(), (element) => {
        const violation = decodeViolation(element)
        expect(ViolationCodec.is(violation)).toBe(true)
        const [encoded] = encodeViolations([violation])
        expect(decodeViolation(encoded)).toEqual(violation)
      }),
      { numRuns: 1000 },
    )
  })
})

describe('violationReason on long codes', () => {
  it('does not search a code of more than 256 characters for words: it is kept, as invalid_field', () => {
    expect(violationReason(`${'x'.repeat(250)}_required`)).toBe('invalid_field')
    expect(violationReason(`${'x'.repeat(240)}_required`)).toBe('missing_field')
  })
})
