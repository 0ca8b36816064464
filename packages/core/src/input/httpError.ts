import { readOwnData } from '../json'
import { readFetchResponse } from './fetch'
import { readIncomingMessage } from './incomingMessage'
import { readPlainResponse } from './plain'
import type { ResponseSource } from './ResponseSource'

/**
 * Reads the error an HTTP client throws for a response it did not like, when the error carries that response:
 * - axios `AxiosError`: `response` is `{ status, headers: AxiosHeaders, data }`;
 * - ky `HTTPError`: `response` is a fetch `Response` whose body is still unread;
 * - ofetch `FetchError`: `response` is a fetch `Response` already read, its parsed body in the error's `data`;
 * - got `HTTPError`: `response` is got's response (an `IncomingMessage` with the body in `body`).
 * The response is `thrown`: whatever its status, the caller met it as a failure. `undefined` for any other value.
 */
export function readHttpError(value: object): ResponseSource | undefined {
  // Every input is asked this first: an own-member check written out, with no `try` (see `readPlainResponse`).
  if (!hasOwnResponse(value)) return undefined
  const response = readOwnData(value, 'response')
  if (typeof response !== 'object' || response === null) return undefined
  const source = readFetchResponse(response) ?? readIncomingMessage(response) ?? readPlainResponse(response)
  if (source === undefined) return undefined
  // ofetch parses the body onto the error itself (its `response` body is used up by then).
  const data = source.body === undefined ? readOwnData(value, 'data') : undefined
  return data === undefined
    ? { ...source, thrown: true }
    : { status: source.status, headers: source.headers, body: data, openStream: undefined, encoded: false, thrown: true }
}

const hasOwnResponse = (value: object): boolean => {
  try {
    // `in` first: most inputs lack the member, and `in` is answered from the object's layout, where
    // `hasOwnProperty` is a call (the own check still decides).
    return 'response' in value && Object.prototype.hasOwnProperty.call(value, 'response')
  } catch {
    return false
  }
}
