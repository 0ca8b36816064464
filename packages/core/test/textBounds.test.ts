import { describe, expect, it } from 'vitest'
import type { Violation } from '../src/CanonicalError'
import { fitViolationText, textBounds, violationText } from '../src/textBounds'

const violation = (message: string): Violation => ({ path: 'a', reason: 'invalid_field', message, vendorCode: 'c' })

describe('fitViolationText', () => {
  it('keeps violations while their text fits, counting path, message and vendor code', () => {
    const short = [violation('m'), violation('n')]
    expect(violationText(short[0]!)).toBe(3)
    expect(fitViolationText(short)).toBe(false)
    expect(short.length).toBe(2)
  })

  it('cuts in place after the last violation that fits, every reference to a shared string counted', () => {
    const long = 'x'.repeat(2 ** 20)
    const list = Array.from({ length: 100 }, () => violation(long))
    expect(fitViolationText(list)).toBe(true)
    expect(list.length).toBe(Math.floor(textBounds.maxViolationText / (long.length + 2)))
  })
})
