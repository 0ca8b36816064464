import { readFetchResponse } from './fetch'
import { readHttpError } from './httpError'
import { readIncomingMessage } from './incomingMessage'
import { readPlainResponse } from './plain'
import type { ResponseSource } from './ResponseSource'

/**
 * The response `value` is, by the first reader that knows its form; `undefined` when it is none. The readers, in
 * the order they are tried: the errors HTTP clients throw with a response first (ofetch's also has a `status` and
 * `data` of its own, but its headers are on its `response`), then Node / got responses (whose `headers` is a
 * prototype getter), plain objects (the usual input, and axios' and undici's responses), and fetch `Response`s.
 * Adding a client is adding a reader here. Each call site calls one reader, so each stays monomorphic.
 */
export const readResponseSource = (value: object): ResponseSource | undefined =>
  readHttpError(value) ?? readIncomingMessage(value) ?? readPlainResponse(value) ?? readFetchResponse(value)
