import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { redact } from '../src/redaction'
import { fitText, keptPart, redactWithin, TextBudget, truncationMark } from '../src/textBudget'

describe('keptPart', () => {
  it.each([
    ['short', 10, 'short'],
    ['alpha beta gamma delta epsilon', 25, 'alpha beta'],
    ['alpha beta gamma', 15, ''],
    ['eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln', 30, ''],
    ['Call me at +1 (555) 123-4567 today', 30, 'Call me at'],
    ['born on 12 March 1985 in town', 28, 'born on'],
    ['see [redacted:email] now', 20, 'see'],
  ])('of %j within %i is %j', (text, max, kept) => {
    expect(keptPart(text, max)).toBe(kept)
  })

  it('fits, ends between words, and reads at most max characters', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.nat({ max: 300 }), (text, max) => {
        const kept = keptPart(text, max)
        if (text.length <= max) expect(kept).toBe(text)
        else {
          expect(kept.length + truncationMark.length).toBeLessThanOrEqual(Math.max(max, truncationMark.length))
          expect(text.startsWith(kept)).toBe(true)
          expect(fitText(text, max)).toBe(kept + truncationMark)
        }
      }),
    )
  })
})

describe('redactWithin', () => {
  it('gives the redactor at most max characters, and cuts again what the redaction marks made longer', () => {
    let read = 0
    const out = redactWithin('MRN 1 '.repeat(1_000), 100, (text) => {
      read = text.length
      return redact(text)
    })
    expect(read).toBeLessThanOrEqual(100)
    expect(out.text.length).toBeLessThanOrEqual(100)
    expect(out.cut).toBe(true)
    expect(out.text.endsWith(truncationMark)).toBe(true)
  })
})

describe('TextBudget', () => {
  it('charges what is read or written, and gives the mark alone once spent', () => {
    const budget = new TextBudget(30)
    expect(budget.redacted('a'.repeat(10), 100, redact)).toBe('a'.repeat(10))
    expect(budget.cut).toBe(false)
    expect(budget.redacted('word '.repeat(20), 100, redact)).toBe(`word${truncationMark}`)
    expect(budget.cut).toBe(true)
    expect(budget.available).toBe(true)
    expect(budget.safe('kInvalid', 256)).toBe(truncationMark)
    expect(budget.available).toBe(false)
  })
})
