import fc from 'fast-check'
import { redact } from '@faultline/observability'
import { describe, expect, it } from 'vitest'
import { maxFieldLength, printable, printed, terminalSafeJson } from '../src/printable'

// What may never reach a terminal from vendor text: C0, DEL, C1, line separators, bidi embeddings/overrides/isolates.
// eslint-disable-next-line no-control-regex
const unsafe = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/

describe('printable', () => {
  it('shows control characters as escapes, so that a vendor id cannot clear the screen or forge a line', () => {
    const forged = '\u001b[2J\u001b]0;pwned\u0007x\r\nline 1: skipped: forged'
    expect(printable(forged)).toBe('\\u001b[2J\\u001b]0;pwned\\u0007x\\u000d\\u000aline 1: skipped: forged')
    expect(printable('a\u009b31mb\u007f\u0085')).toBe('a\\u009b31mb\\u007f\\u0085')
    expect(printable('invoice \u202egpj.exe\u202c \u2066x\u2069 \u2028')).toBe('invoice \\u202egpj.exe\\u202c \\u2066x\\u2069 \\u2028')
    expect(printable('plain text, ünïcödé and 😀 stay')).toBe('plain text, ünïcödé and 😀 stay')
  })

  it('redacts secrets and personal data with the observability redactor', () => {
    expect(printable('jane.doe@example.org')).toBe('[redacted:email]')
    expect(printable('sk_live_abcdef123456')).toBe('[redacted:key]')
    expect(printable('Bearer abc.def.ghi')).toBe('Bearer [redacted:credential]')
  })

  it('cuts a long field at a bounded length, after redacting the whole of it', () => {
    const long = `${'x'.repeat(190)} jane.doe@example.org ${'y'.repeat(1_000_000)}`
    const shown = printable(long)
    expect(shown).toBe(`${'x'.repeat(190)} [redacted…`)
    expect(shown).not.toContain('jane')
    // A secret that straddles the cut is redacted whole, not cut in two first.
    expect(printable(`${'x'.repeat(195)}sk_live_abcdef123456`)).toBe(`${'x'.repeat(195)}[reda…`)
    expect(printable('\u001b'.repeat(100), 20)).toBe(`${'\\u001b'.repeat(3)}…`)
    expect(printable(`${'x'.repeat(199)}😀`)).toBe(`${'x'.repeat(199)}…`) // not half a surrogate pair
  })

  it('for every string: nothing a terminal acts on, at most the bound, and plain text only redacted', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom('\u001b', '\r', '\n', '\u009b', '\u202e', '\u2066', '@', 'x', '.', '1', '😀'), fc.string({ unit: 'binary' }))).map((parts) => parts.join('')), fc.integer({ min: 1, max: 300 }), (text, max) => {
        const shown = printable(text, max)
        expect(shown).not.toMatch(unsafe)
        expect(shown.length).toBeLessThanOrEqual(max + 1)
        // Redaction reads the raw text (its patterns are made for it); escaping and the bound come after.
        if (!unsafe.test(text) && redact(text).length <= max) expect(shown).toBe(redact(text))
      }),
    )
  })

  it('printed: strings through printable, numbers and dates as the CLI writes them', () => {
    const problem = 'x\u001b[2J'
    expect(printed`line ${1234567}: skipped: ${problem} at ${new Date(Date.UTC(2026, 10, 23))}`).toBe(
      'line 1234567: skipped: x\\u001b[2J at 2026-11-23T00:00:00.000Z',
    )
    expect(printed`${maxFieldLength}`).toBe('200')
  })
})

describe('terminalSafeJson', () => {
  it('escapes what JSON.stringify leaves raw and a terminal acts on, keeping the same JSON value', () => {
    const value = { code: 'a\u009b2Jb\u007f\u202e\u2066\u2028\u001b' }
    const json = terminalSafeJson(JSON.stringify(value))
    expect(json).toBe('{"code":"a\\u009b2Jb\\u007f\\u202e\\u2066\\u2028\\u001b"}')
    expect(JSON.parse(json)).toEqual(value)
    fc.assert(
      fc.property(fc.jsonValue(), fc.string({ unit: fc.constantFrom('\u0085', '\u009b', '\u202e', 'a', '"', '\\') }), (value, text) => {
        const json = terminalSafeJson(JSON.stringify([value, text]))
        expect(json).not.toMatch(unsafe)
        expect(JSON.parse(json)).toEqual(JSON.parse(JSON.stringify([value, text])))
      }),
    )
  })
})
