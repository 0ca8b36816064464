import { hasOwnMember, readOwnData } from '../json'
import type { ResponseSource } from './ResponseSource'
import { isNodeStream } from './streams'

/**
 * Reads a Node `IncomingMessage` (`http.get`, `http.request`), and got's response, which is one with the body
 * already read into its own `body` member. Recognized by its own numeric `statusCode` and `rawHeaders` array on
 * a readable stream; `headers` is a getter of `IncomingMessage.prototype` (read as fetch's are, contract §7).
 * Without a `body` member the message itself is the body stream, its bytes as sent (`Content-Encoding` undone
 * by `normalizeResponse`).
 */
export function readIncomingMessage(value: object): ResponseSource | undefined {
  // Every input is asked this early: an own-member check written out (see `readPlainResponse`).
  if (!hasOwnStatusCode(value)) return undefined
  const statusCode = readOwnData(value, 'statusCode')
  if (typeof statusCode !== 'number' || !Array.isArray(readOwnData(value, 'rawHeaders')) || !isNodeStream(value)) return undefined
  const headers = (value as { headers?: unknown }).headers
  if (hasOwnMember(value, 'body')) {
    return { status: statusCode, headers, body: readOwnData(value, 'body'), openStream: undefined, encoded: false, thrown: false }
  }
  const stream = value
  return { status: statusCode, headers, body: undefined, openStream: () => stream, encoded: true, thrown: false }
}

const hasOwnStatusCode = (value: object): boolean => {
  try {
    // `in` first: most inputs lack the member, and `in` is answered from the object's layout, where
    // `hasOwnProperty` is a call (the own check still decides).
    return 'statusCode' in value && Object.prototype.hasOwnProperty.call(value, 'statusCode')
  } catch {
    return false
  }
}
