import type { HeaderMap } from './headers'
/**
 * A response body, coerced once into what an adapter can read:
 * - `json`: one parsed JSON value (a parsed body as given, or JSON text);
 * - `lines`: NDJSON / JSON-stream text, as its non-empty lines, parsed on demand by the adapter;
 * - `text`: anything else readable (HTML from a proxy, plain text, truncated JSON);
 * - `empty`: no body, or a body that cannot be read synchronously (a stream).
 */
export type Body =
  | { readonly type: 'json'; readonly value: unknown }
  | {
      readonly type: 'lines'
      /** The non-empty, trimmed lines; split on first read (a million-line stream costs nothing until then). */
      readonly lines: ReadonlyArray<string>
      /** The whole text (not enumerable), for readers that need one line of a huge stream: see {@link lastLine}. */
      readonly text?: string
    }
  | { readonly type: 'text'; readonly text: string }
  | { readonly type: 'empty' }

const empty: Body = { type: 'empty' }

const streamContentTypes = /^application\/(?:x-ndjson|x-json-stream|jsonl|x-jsonlines|json-seq|stream\+json)\b/i
const jsonContentType = /^application\/(?:[\w.+-]+\+)?json\b/i

/** Whether a content type is the usual `application/json` (with parameters or not), told without a regular expression. */
export const isPlainJsonType = (contentType: string): boolean =>
  contentType === 'application/json' || contentType.startsWith('application/json;')

/** Whether a content type announces one JSON value per line. */
export const isStreamContentType = (contentType: string | undefined): boolean =>
  contentType !== undefined && !isPlainJsonType(contentType) && streamContentTypes.test(contentType.trim())

const utf8 = /*#__PURE__*/ new TextDecoder('utf-8', { fatal: false, ignoreBOM: false })

/** The UTF-8 text of bytes (invalid sequences become U+FFFD), or `undefined` when `value` is not bytes. */
export function bytesToText(value: unknown): string | undefined {
  if (value instanceof ArrayBuffer) return utf8.decode(new Uint8Array(value))
  if (ArrayBuffer.isView(value)) return utf8.decode(new Uint8Array(value.buffer, value.byteOffset, value.byteLength))
  return undefined
}

const isWhitespace = (code: number): boolean => code === 32 || code === 10 || code === 13 || code === 9 || code === 0xfeff

function firstNonBlank(text: string): number {
  for (let i = 0; i < text.length; i++) if (!isWhitespace(text.charCodeAt(i))) return i
  return -1
}

/** Splits NDJSON text into its non-empty, trimmed lines. */
export function splitLines(text: string): string[] {
  const lines: string[] = []
  let start = 0
  while (start <= text.length) {
    let end = text.indexOf('\n', start)
    if (end === -1) end = text.length
    const line = text.slice(start, end).trim()
    if (line.length > 0) lines.push(line)
    start = end + 1
  }
  return lines
}

/**
 * A `lines` body over `text`: `lines` is split on first read and kept; `text` stays available (not enumerable),
 * so `lastLine` and substring searches over a stream of a million lines allocate nothing per line.
 */
export function linesBody(text: string): Body {
  let lines: string[] | undefined
  const body = { type: 'lines' as const }
  Object.defineProperty(body, 'lines', { enumerable: true, get: () => (lines ??= splitLines(text)) })
  Object.defineProperty(body, 'text', { enumerable: false, value: text })
  return body as Body
}

/** The last non-empty line of a `lines` body, trimmed, found from the end of its text; `undefined` when none. */
export function lastLine(body: Extract<Body, { type: 'lines' }>): string | undefined {
  const { text } = body
  if (text === undefined) return body.lines[body.lines.length - 1]
  let end = text.length
  while (end > 0) {
    const start = text.lastIndexOf('\n', end - 1) + 1
    const line = text.slice(start, end).trim()
    if (line.length > 0) return line
    end = start - 1
  }
  return undefined
}

const nonSpace = /\S/g

// Whether a second non-empty line follows the line that holds `start` (what `splitLines(text).length > 1`
// says, without splitting): `\S` and `trim` agree on what whitespace is.
function hasSecondLine(text: string, start: number): boolean {
  const end = text.indexOf('\n', start)
  if (end === -1) return false
  nonSpace.lastIndex = end + 1
  return nonSpace.test(text)
}

/** `JSON.parse` that answers `undefined` instead of throwing. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

/** Coerces body text: JSON when it parses, NDJSON when announced or when whole-text parsing fails line by line. */
export function textToBody(text: string, contentType?: string): Body {
  const start = firstNonBlank(text)
  if (start === -1) return empty
  if (isStreamContentType(contentType)) return linesBody(text)
  const first = text.charCodeAt(start)
  const looksLikeJson = first === 123 /* { */ || first === 91 /* [ */
  if (looksLikeJson || (contentType !== undefined && (isPlainJsonType(contentType) || jsonContentType.test(contentType.trim())))) {
    const value = parseJson(text)
    if (value !== undefined) return { type: 'json', value }
    if (looksLikeJson && hasSecondLine(text, start)) return linesBody(text)
  }
  return { type: 'text', text }
}

/**
 * Coerces any body a user may hold: parsed JSON, JSON / NDJSON / HTML / plain text, or UTF-8 bytes. Text and bytes
 * are read by their content type: `contentType`, or the headers' (looked up only for text and bytes, so a parsed
 * body costs no header lookup).
 */
export function readBody(body: unknown, contentType?: string | HeaderMap): Body {
  try {
    return classifyBody(body, contentType)
  } catch {
    // A body that throws when looked at (a hostile Proxy) says nothing: the status decides (§5).
    return empty
  }
}

const isParsedContainer = (body: object): boolean => {
  const proto: unknown = Object.getPrototypeOf(body)
  return proto === Object.prototype || proto === Array.prototype || proto === null
}

const typeOf = (contentType: string | HeaderMap | undefined): string | undefined =>
  typeof contentType === 'object' ? contentType.get('content-type') : contentType

function classifyBody(body: unknown, contentType: string | HeaderMap | undefined): Body {
  if (body === undefined || body === null) return empty
  if (typeof body === 'string') return textToBody(body, typeOf(contentType))
  if (typeof body !== 'object') return { type: 'json', value: body }
  // A plain object or array (the common case) is neither bytes nor a stream: skip the instanceof checks.
  if (isParsedContainer(body)) return { type: 'json', value: body }
  const text = bytesToText(body)
  if (text !== undefined) return textToBody(text, typeOf(contentType))
  if (isUnreadable(body)) return empty
  return { type: 'json', value: body }
}

// A WHATWG ReadableStream or Blob cannot be read synchronously: `normalizeResponse` reads those.
// Node defines these globals as lazy accessors: they are looked up once, on the first object body.
let streamClasses: ReadonlyArray<abstract new (...args: never) => object> | undefined
const isUnreadable = (body: object): boolean => {
  streamClasses ??= [
    typeof ReadableStream === 'undefined' ? undefined : ReadableStream,
    typeof Blob === 'undefined' ? undefined : Blob,
  ].filter((value) => value !== undefined)
  for (const streamClass of streamClasses) if (body instanceof streamClass) return true
  return false
}
