import { readFetchResponse } from './fetch'
import { readHttpError } from './httpError'
import { readIncomingMessage } from './incomingMessage'
import { readPlainResponse } from './plain'
import type { ResponseReader, ResponseSource } from './ResponseSource'

/**
 * The readers of every input form that is a response, in the order they are tried: the errors HTTP clients
 * throw with a response first (ofetch's also has a `status` and `data` of its own, but its headers are on its
 * `response`), then Node / got responses (whose `headers` is a prototype getter), plain objects (the usual input,
 * and axios' and undici's responses), and fetch `Response`s. Adding a client is adding a reader here.
 */
export const responseReaders: ReadonlyArray<ResponseReader> = [readHttpError, readIncomingMessage, readPlainResponse, readFetchResponse]

/** The response `value` is, by the first reader that knows its form; `undefined` when it is none. */
export function readResponseSource(value: object): ResponseSource | undefined {
  for (const reader of responseReaders) {
    const source = reader(value)
    if (source !== undefined) return source
  }
  return undefined
}
