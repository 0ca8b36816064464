import { parseJson } from '@faultline/core'
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
