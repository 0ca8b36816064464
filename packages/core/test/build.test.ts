import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { nonBlank } from '../src/build'

// Every character `trim` removes, and a few it keeps.
const blanks = ['\t', '\n', '\v', '\f', '\r', ' ', '\u00a0', '\u1680', '\u2000', '\u200a', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000', '\ufeff']
const text = (maxLength: number) => fc.array(fc.constantFrom(...blanks, 'a', '\u00e9', '\u200b'), { maxLength }).map((chars) => chars.join(''))

describe('nonBlank', () => {
  it('is the text when trim leaves something, for texts of up to 2,048 characters', () => {
    fc.assert(
      fc.property(text(2_048), (value) => {
        expect(nonBlank(value)).toBe(value.trim().length > 0 ? value : undefined)
      }),
    )
    expect([nonBlank(undefined), nonBlank(3), nonBlank('')]).toEqual([undefined, undefined, undefined])
  })

  it('looks at the first and last 1,024 characters of a longer text only', () => {
    const blank = ' '.repeat(100_000)
    expect(nonBlank(blank)).toBeUndefined()
    expect(nonBlank(`${blank}x`)).toBe(`${blank}x`)
    expect(nonBlank(`\u00e9${blank}`)).toBe(`\u00e9${blank}`)
    // Blank at both ends: taken as blank, without reading the middle.
    expect(nonBlank(`${blank}x${blank}`)).toBeUndefined()
  })
})
