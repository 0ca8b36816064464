import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { decodeUriText, encodeUriText, isWellFormedText } from '../src/uriText'

describe('encodeUriText / decodeUriText', () => {
  it('round-trips every string, lone surrogates included, and never throws', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        expect(decodeUriText(encodeUriText(text))).toBe(text)
      }),
      { numRuns: 2000 },
    )
    for (const text of ['\ud800', 'a\udc00b', 'req_\ud83d', '"\\ud800"', '"abc"', '']) expect(decodeUriText(encodeUriText(text))).toBe(text)
  })

  it('writes a well-formed text as encodeURIComponent does', () => {
    expect(encodeUriText('req 1/é')).toBe(encodeURIComponent('req 1/é'))
  })

  it('tells well-formed text', () => {
    expect(isWellFormedText('a😀b')).toBe(true)
    expect(isWellFormedText('a\ud83d')).toBe(false)
    expect(isWellFormedText('\ude00a')).toBe(false)
  })

  it('answers undefined for a malformed escape', () => {
    expect(decodeUriText('%E0%A4%A')).toBeUndefined()
  })
})
