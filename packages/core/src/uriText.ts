/** Whether a text is well-formed UTF-16: every surrogate is one half of a pair (what `encodeURIComponent` takes). */
export function isWellFormedText(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code < 0xd800 || code > 0xdfff) continue
    if (code > 0xdbff) return false
    const next = text.charCodeAt(i + 1)
    if (!(next >= 0xdc00 && next <= 0xdfff)) return false
    i++
  }
  return true
}

/**
 * A text as one URI component, for any string: a well-formed text percent-encoded; one with a lone surrogate (which
 * `encodeURIComponent` rejects), or one that starts with `"`, as the percent-encoded JSON string of it. Never throws.
 *
 * Law: `decodeUriText(encodeUriText(t)) === t` for every string `t`.
 */
export const encodeUriText = (text: string): string =>
  encodeURIComponent(isWellFormedText(text) && text.charCodeAt(0) !== 34 /* " */ ? text : JSON.stringify(text))

/**
 * The text {@link encodeUriText} wrote; `undefined` for a component that is not percent-encoding. A component
 * that decodes to a JSON string (it starts with `"`) is that string; any other is its decoded text.
 */
export function decodeUriText(component: string): string | undefined {
  let text: string
  try {
    text = decodeURIComponent(component)
  } catch {
    return undefined
  }
  if (text.charCodeAt(0) !== 34 /* " */) return text
  try {
    const parsed: unknown = JSON.parse(text)
    return typeof parsed === 'string' ? parsed : text
  } catch {
    return text
  }
}
