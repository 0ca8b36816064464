import type { ResponseSource } from './ResponseSource'
import { isNodeStream, streamOpener } from './streams'

/**
 * The members a response object may have besides vendor data: fetch's, axios', got's and undici's. An object
 * with a numeric status and nothing else of these names (`{ status: 503 }`) is a response with no body.
 */
const responseMembers: ReadonlySet<string> = new Set([
  'status', 'statusCode', 'statusText', 'statusMessage', 'headers', 'body', 'data', 'ok', 'url', 'redirected', 'type',
  'config', 'request', 'trailers', 'opaque', 'context',
])

// Own keys past this many make an object a body, not a bare `{ status }` response.
const maxResponseKeys = 16

const onlyResponseMembers = (value: object): boolean => {
  const keys = Object.keys(value)
  if (keys.length > maxResponseKeys) return false
  for (const key of keys) if (!responseMembers.has(key)) return false
  return true
}

/**
 * A response as a plain object (contract §7): an OWN numeric `status` (or `statusCode`: got, undici, Node) and an
 * own `headers`, `body` or `data` (axios) member, or nothing but response members (`{ status: 503 }`). A
 * Medable fault or a problem document has vendor members beside its `status`, so it stays a body. A body that
 * is a stream (undici's `request()` result, a `Blob`) is left for `normalizeResponse` to read. Own members only,
 * each read once; `undefined` for a value that throws when read.
 */
export function readPlainResponse(value: object): ResponseSource | undefined {
  try {
    const record = value as { status?: unknown; statusCode?: unknown; headers?: unknown; body?: unknown; data?: unknown }
    // Written out rather than through `readOwnData`, which sees every shape of every caller (decision 019).
    let status = Object.prototype.hasOwnProperty.call(value, 'status') ? record.status : undefined
    if (typeof status !== 'number') {
      status = Object.prototype.hasOwnProperty.call(value, 'statusCode') ? record.statusCode : undefined
      if (typeof status !== 'number') return undefined
    }
    const hasHeaders = Object.prototype.hasOwnProperty.call(value, 'headers')
    const hasBody = Object.prototype.hasOwnProperty.call(value, 'body')
    const hasData = !hasBody && Object.prototype.hasOwnProperty.call(value, 'data')
    if (!hasBody && !hasData && !hasHeaders && !onlyResponseMembers(value)) return undefined
    const body = hasBody ? record.body : hasData ? record.data : undefined
    const openStream = streamOpener(body)
    return {
      status,
      headers: hasHeaders ? record.headers : undefined,
      body: openStream === undefined ? body : undefined,
      openStream,
      // A Node stream here is undici's `request()` body or a raw `IncomingMessage`: bytes as they were sent.
      encoded: openStream !== undefined && isNodeStream(body as object),
      thrown: false,
    }
  } catch {
    return undefined
  }
}
