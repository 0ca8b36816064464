import { redact } from '@faultline/observability'

/** The most characters one printed field takes; a longer one is cut and the cut marked with `…`. */
export const maxFieldLength = 200

// C0 controls, DEL, C1 controls, the line and paragraph separators, and the bidirectional embeddings,
// overrides and isolates (U+202A-202E, U+2066-2069), which reorder what a terminal shows after them.
// eslint-disable-next-line no-control-regex
const unsafe = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/

const isUnsafe = (code: number): boolean =>
  code < 0x20 || (code >= 0x7f && code <= 0x9f) || (code >= 0x2028 && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069)

const escapeOf = (code: number): string => `\\u${code.toString(16).padStart(4, '0')}`

// The same characters but C0 (JSON.stringify escapes those), as they may appear inside a JSON string.
const unsafeInJson = /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g

/**
 * Text from outside the CLI (vendor codes and names, rule files, file names, parser and system messages) as it
 * may be printed on a terminal: secrets redacted (`@faultline/observability`'s `redact`: keys, tokens, e-mail
 * addresses, ...), every control character shown as its escape (`\u001b`) so that none reaches the terminal,
 * and at most `maxLength` characters. Every string the CLI prints that it did not write itself goes through
 * here; its own words, numbers and times do not (they would be redacted as dates and record numbers).
 *
 * @example
 * printable('sk_live_abc123 \u001b[2J') // -> '[redacted:key] \\u001b[2J'
 */
export function printable(text: string, maxLength: number = maxFieldLength): string {
  // Redacted whole: a secret cut in two before redaction would no longer match its pattern.
  const redacted = redact(text)
  if (redacted.length <= maxLength && !unsafe.test(redacted)) return redacted
  let shown = ''
  let index = 0
  for (; index < redacted.length; index++) {
    const code = redacted.charCodeAt(index)
    const piece = isUnsafe(code) ? escapeOf(code) : redacted[index]!
    if (shown.length + piece.length > maxLength) break
    shown += piece
  }
  if (index === redacted.length) return shown
  // A cut between the halves of a surrogate pair would leave half a character.
  const last = shown.charCodeAt(shown.length - 1)
  return `${last >= 0xd800 && last <= 0xdbff ? shown.slice(0, -1) : shown}…`
}

/**
 * A line (or lines) of output: the template's own text as written, each interpolated string through
 * {@link printable}, numbers as numbers and dates as ISO 8601 (the CLI's own, so not redacted).
 *
 * @example
 * printed`line ${12}: skipped: ${problem}`
 */
export function printed(parts: TemplateStringsArray, ...values: ReadonlyArray<string | number | Date>): string {
  let text = parts[0] ?? ''
  values.forEach((value, i) => {
    text += typeof value === 'string' ? printable(value) : typeof value === 'number' ? String(value) : value.toISOString()
    text += parts[i + 1] ?? ''
  })
  return text
}

/**
 * JSON text with the characters JSON.stringify leaves as they are but a terminal acts on (DEL, C1 controls,
 * line separators, bidirectional overrides) written as `\u` escapes: the same JSON value, safe to print.
 */
export const terminalSafeJson = (json: string): string => json.replace(unsafeInJson, (character) => escapeOf(character.charCodeAt(0)))
