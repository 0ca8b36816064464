import { printable } from '../printable'

/**
 * A piece of HTML (or SVG) markup the page wrote, safe to insert as it is. Only the functions of this module
 * make one: {@link html} (whose strings are escaped), {@link ownText} and {@link printableText}.
 */
export class Html {
  private constructor(readonly markup: string) {}

  /** Markup the page writes itself, as it is: constants (the style sheet, pattern shapes), never outside text. */
  static trusted(markup: string): Html {
    return new Html(markup)
  }

  toString(): string {
    return this.markup
  }
}

const entities: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

/**
 * Text as HTML character data or a quoted attribute value: `& < > " '` as entities. Nothing else needs escaping
 * there (text reaches the page only through `printable`, which already shows every control character, line
 * separator and bidirectional control as a visible `\u` escape).
 */
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (character) => entities[character]!)

/** The page's own words (dates, durations, numbers it formatted): escaped, not redacted. */
export const ownText = (text: string): Html => Html.trusted(escapeHtml(text))

/** Text that already went through `printable` (a label the terminal report made): escaped only. */
export const printableText = (text: string): Html => Html.trusted(escapeHtml(text))

/** Vendor (or user) text, as the terminal shows it (redacted, controls escaped, cut at `maxLength`), HTML-escaped. */
export const vendorText = (text: string, maxLength?: number): Html => Html.trusted(escapeHtml(printable(text, maxLength)))

/** What {@link html} interpolates. */
export type HtmlValue = Html | string | number | Date | ReadonlyArray<Html> | null | undefined

const valueMarkup = (value: HtmlValue): string => {
  if (value instanceof Html) return value.markup
  if (typeof value === 'string') return escapeHtml(printable(value))
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '–'
  if (value instanceof Date) return value.toISOString()
  if (value === null || value === undefined) return ''
  return value.map((piece) => piece.markup).join('')
}

/**
 * Markup: the template's own text as written, each interpolated string as vendor text ({@link vendorText}:
 * redacted and escaped, as the terminal prints it), numbers as numbers, dates as ISO 8601, {@link Html} pieces
 * (and lists of them) as they are, `null`/`undefined` as nothing. A string is never inserted raw: the page's
 * own words that must not be redacted (dates, durations) go in through {@link ownText}.
 *
 * @example
 * html`<td>${error.vendorCode}</td>`   // '<td>[redacted:key]</td>' for 'sk_live_...'
 */
export function html(parts: TemplateStringsArray, ...values: ReadonlyArray<HtmlValue>): Html {
  let markup = parts[0] ?? ''
  values.forEach((value, i) => {
    markup += valueMarkup(value)
    markup += parts[i + 1] ?? ''
  })
  return Html.trusted(markup)
}

/** Pieces of markup, one after the other (`separator` between them). */
export const joinHtml = (pieces: ReadonlyArray<Html>, separator = ''): Html => Html.trusted(pieces.map((piece) => piece.markup).join(separator))
