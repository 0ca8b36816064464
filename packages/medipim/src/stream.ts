import { parseJson } from '@faultline/core/internal'
import { findEnvelope, type FoundEnvelope } from './envelope'

// A line can only hold an `error` member if it spells `"error"`, or if it uses a \u escape that may spell it.
const mayHoldError = (line: string): boolean => line.includes('"error"') || line.includes('\\u')

/**
 * The first error line of a JSON stream (`application/x-json-stream`, one JSON value per line): Medipim
 * reports a failure after its 200 as a line `{"error":{...}}`, in the middle or at the end of the stream.
 * The first such line wins (what follows it is not data the caller asked for); only lines that may spell
 * `"error"` are parsed, so a long stream of products costs one substring search per line.
 */
export function findStreamError(lines: ReadonlyArray<string>): FoundEnvelope | undefined {
  for (const line of lines) {
    if (!mayHoldError(line)) continue
    const found = findEnvelope(parseJson(line))
    if (found !== undefined) return found
  }
  return undefined
}

/**
 * {@link findStreamError} over the stream's whole text, without splitting it: it jumps from one occurrence of
 * `"error"` or `\u` to the next and parses only the lines holding one, in document order. The same answer
 * as `findStreamError(splitLines(text))` (trimming cannot touch either needle), at no cost per line.
 */
export function findStreamErrorInText(text: string): FoundEnvelope | undefined {
  let from: number
  let nextError = text.indexOf('"error"')
  let nextEscape = text.indexOf('\\u')
  while (nextError !== -1 || nextEscape !== -1) {
    const hit = nextError === -1 ? nextEscape : nextEscape === -1 ? nextError : Math.min(nextError, nextEscape)
    const start = text.lastIndexOf('\n', hit) + 1
    let end = text.indexOf('\n', hit)
    if (end === -1) end = text.length
    const found = findEnvelope(parseJson(text.slice(start, end).trim()))
    if (found !== undefined) return found
    from = end + 1
    // Each needle's next occurrence is searched again only once the scan has passed it: linear in the text.
    if (nextError !== -1 && nextError < from) nextError = text.indexOf('"error"', from)
    if (nextEscape !== -1 && nextEscape < from) nextEscape = text.indexOf('\\u', from)
  }
  return undefined
}
