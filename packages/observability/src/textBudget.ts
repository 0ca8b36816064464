import type { Redactor } from './redaction'

/** What ends a text that was cut to fit a bound. */
export const truncationMark = '…[truncated]'

// Where a text may be cut: whitespace and the punctuation that no token, key, JWT or e-mail address holds
// (`"(),;<>[]`, RFC 5322's specials), so a cut never leaves the first part of one.
const isBoundary = (code: number): boolean =>
  code <= 0x20 || code === 0x22 || code === 0x28 || code === 0x29 || code === 0x2c || code === 0x3b || code === 0x3c || code === 0x3e ||
  code === 0x5b || code === 0x5d || code === 0xa0 || code === 0x2028 || code === 0x2029 || code === 0x3000

// What a phone number or a date written with spaces is made of: dropped from the end of a cut text, with month
// names, so that one that straddles the cut leaves none of its parts (`+1 (555)` of `+1 (555) 123-4567`,
// `12 March` of `12 March 1985`); and opening brackets and quotes, left alone by the cut.
const isNumberPart = (code: number): boolean =>
  (code >= 0x30 && code <= 0x39) || code <= 0x20 || code === 0x22 || code === 0x23 || code === 0x27 || code === 0x28 || code === 0x29 ||
  code === 0x2b || code === 0x2c || code === 0x2d || code === 0x2e || code === 0x2f || code === 0x3a || code === 0x3c || code === 0x5b
const isLetter = (code: number): boolean => (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a)
const monthWords: ReadonlySet<string> = /*#__PURE__*/ new Set(
  'jan january feb february mar march apr april may jun june jul july aug august sep sept september oct october nov november dec december de of'.split(' '),
)

// Where the text before `end` ends once trailing number parts and month names are dropped.
function dropDateParts(text: string, end: number): number {
  for (;;) {
    while (end > 0 && isNumberPart(text.charCodeAt(end - 1))) end--
    let start = end
    while (start > 0 && end - start < 10 && isLetter(text.charCodeAt(start - 1))) start--
    const word = text.slice(start, end).toLowerCase()
    if (start === end || (start > 0 && isLetter(text.charCodeAt(start - 1))) || !monthWords.has(word)) return end
    end = start
  }
}

/**
 * The part of `text` kept when it must fit `max` characters with the {@link truncationMark} after it: `text`
 * itself when it fits; else its start, cut between words (a word longer than what is left is left out whole),
 * without the digits, number punctuation and month names that end it. Reads at most `max` characters.
 */
export function keptPart(text: string, max: number): string {
  if (text.length <= max) return text
  let end = Math.max(0, max - truncationMark.length)
  if (end > 0 && !isBoundary(text.charCodeAt(end)) && !isBoundary(text.charCodeAt(end - 1))) {
    while (end > 0 && !isBoundary(text.charCodeAt(end - 1))) end--
  }
  return text.slice(0, dropDateParts(text, end))
}

/** `text` cut to `max` characters, marked (a text already safe: nothing is redacted). */
export const fitText = (text: string, max: number): string => {
  const kept = keptPart(text, max)
  return kept.length === text.length ? text : kept + truncationMark
}

/** What {@link redactWithin} made of a text. */
export interface BoundedText {
  readonly text: string
  /** Characters of the input the redactor read. */
  readonly read: number
  /** Whether the text was cut. */
  readonly cut: boolean
}

/**
 * `text` through `redactText`, at most `max` characters: cut BEFORE redaction (so a redactor, whatever its
 * rules, reads at most `max` characters), and again after when redaction marks made it longer.
 */
export function redactWithin(text: string, max: number, redactText: Redactor): BoundedText {
  const kept = keptPart(text, max)
  const redacted = redactText(kept)
  const out = kept.length === text.length ? redacted : redacted + truncationMark
  const fitted = out.length > max ? fitText(out, max) : out
  return { text: fitted, read: kept.length, cut: kept.length < text.length || fitted !== out }
}

/**
 * The characters a log record may still spend. Every text charges what the redactor read of it or what is
 * written, whichever is more, so that both the redactors' work and the record are bounded; once the budget is
 * spent, texts become the mark alone and no more violations, causes or extension members are written.
 */
export class TextBudget {
  /** Whether anything was cut or left out. */
  cut = false

  constructor(private left: number) {}

  /** Whether there is anything left to spend. */
  get available(): boolean {
    return this.left > 0
  }

  /** Spends `length` characters (for the numbers and structure of the vendor's members). */
  charge(length: number): void {
    this.left -= length
  }

  /** Records that something was left out. */
  leaveOut(): void {
    this.cut = true
  }

  /** Free text: at most `max` characters (and what is left) of `text`, through `redactText`. */
  redacted(text: string, max: number, redactText: Redactor): string {
    const bounded = redactWithin(text, this.allowance(max), redactText)
    this.left -= Math.max(bounded.text.length, bounded.read)
    if (bounded.cut) this.cut = true
    return bounded.text
  }

  /** A text already safe (a checked identifier): cut to `max` characters and what is left. */
  safe(text: string, max: number): string {
    const out = fitText(text, this.allowance(max))
    this.left -= out.length
    if (out !== text) this.cut = true
    return out
  }

  private allowance(max: number): number {
    return Math.min(max, Math.max(0, this.left))
  }
}
