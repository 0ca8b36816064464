import { describe, expect, it } from 'vitest'
import { parseHttpDate, parseRetryAfter } from '../src/retryAfter'

const now = Date.UTC(2026, 10, 23, 12, 0, 0)
const at = (seconds: number) => new Date(now + seconds * 1000).toUTCString()

describe('parseRetryAfter', () => {
  it('reads delta-seconds, with surrounding spaces', () => {
    expect(parseRetryAfter('120', undefined, now)).toBe(120)
    expect(parseRetryAfter('  7 ', undefined, now)).toBe(7)
    expect(parseRetryAfter('0', undefined, now)).toBe(0)
  })

  it.each(['-3', '1e3', 'soon', '', '12.5', '+5', '0x10', '5 s', '99999999999999999999'])('rejects %j', (value) => {
    expect(parseRetryAfter(value, undefined, now)).toBeNull()
  })

  it('is null when the header is absent', () => {
    expect(parseRetryAfter(undefined, undefined, now)).toBeNull()
  })

  it('reads an HTTP-date against the clock, rounding up', () => {
    expect(parseRetryAfter(at(90), undefined, now)).toBe(90)
    expect(parseRetryAfter(at(90), undefined, now + 500)).toBe(90)
    expect(parseRetryAfter(at(90), undefined, now + 1000)).toBe(89)
  })

  it('gives 0 for a date in the past', () => {
    expect(parseRetryAfter(at(-30), undefined, now)).toBe(0)
  })

  it('prefers the response Date header over the clock', () => {
    const sent = now - 3_600_000
    expect(parseRetryAfter(at(-3_600 + 60), new Date(sent).toUTCString(), now)).toBe(60)
  })

  it('falls back to the clock when the Date header is malformed', () => {
    expect(parseRetryAfter(at(30), 'yesterday', now)).toBe(30)
  })
})

describe('parseHttpDate', () => {
  const expected = Date.UTC(1994, 10, 6, 8, 49, 37)
  it.each([
    ['IMF-fixdate', 'Sun, 06 Nov 1994 08:49:37 GMT'],
    ['RFC 850', 'Sunday, 06-Nov-94 08:49:37 GMT'],
    ['asctime', 'Sun Nov  6 08:49:37 1994'],
  ])('reads %s', (_form, value) => {
    expect(parseHttpDate(value)).toBe(expected)
  })

  it.each(['-3', '1e3', '2026-11-23T12:00:00Z', 'Sun, 32 Nov 1994 08:49:37 GMT', 'Sun, 06 Foo 1994 08:49:37 GMT'])(
    'rejects %j, which Date.parse would accept or misread',
    (value) => {
      expect(parseHttpDate(value)).toBeNull()
    },
  )
})
