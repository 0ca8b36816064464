import type { CanonicalError, Violation } from './CanonicalError'

/**
 * How much vendor text the parts of an error that repeat may hold (decision 014). JSON cannot share a string,
 * but an object in memory can: 100,000 violations pointing at one 10 KB message are a few MB in memory and 1 GB
 * of JSON, past what `JSON.stringify` can write. Counting characters, not strings, keeps every error
 * serializable and its JSON linear in the input, whatever the input shares. JSON text meets these bounds when it
 * is tens of MiB, or where an error repeats a part of it (an ASP.NET `errors` key is the path of each message).
 */
export const textBounds = {
  /** Characters of `path`, `message` and `vendorCode` over all violations of one error (2^26). */
  maxViolationText: 2 ** 26,
  /** Characters of keys and strings in one `extensions` copy (2^24). */
  maxCopyText: 2 ** 24,
  /** Characters in the text fields of a tree's causes, and as many in all its extensions together (2^24). */
  maxTreeText: 2 ** 24,
} as const

const textOf = (value: string | null): number => (value === null ? 0 : value.length)

/** The characters of one violation's text: its path, message and vendor code. */
export const violationText = (violation: Violation): number =>
  textOf(violation.path) + violation.message.length + textOf(violation.vendorCode)

/** The characters of an error's own text fields (not its violations, causes or extensions). */
export const fieldText = (error: CanonicalError): number =>
  error.vendor.length +
  textOf(error.vendorCode) +
  textOf(error.vendorType) +
  error.message.length +
  textOf(error.detail) +
  textOf(error.param) +
  textOf(error.requestId) +
  textOf(error.docUrl)

/**
 * Cuts `violations` in place after the last one whose text still fits {@link textBounds}.maxViolationText,
 * counted from the first: whether any was cut (the error is then `truncated`).
 */
export function fitViolationText(violations: Violation[]): boolean {
  let left = textBounds.maxViolationText
  for (let i = 0; i < violations.length; i++) {
    left -= violationText(violations[i]!)
    if (left < 0) {
      violations.length = i
      return true
    }
  }
  return false
}

/**
 * A count as the generated docs write it, digits grouped by commas (`100,000`). Not `toLocaleString`: the first
 * call of that in a process loads ICU's number formatting (about 25 ms), and the docs are built at import.
 */
export const formatCount = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',')
