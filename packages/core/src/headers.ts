/**
 * Headers as users hold them: a WHATWG `Headers`, a plain record (values string or string[]), or an
 * iterable of `[name, value]` pairs. Names are case-insensitive.
 */
export type HeadersInput =
  | { get(name: string): string | null }
  | Readonly<Record<string, string | ReadonlyArray<string> | number | undefined>>
  | Iterable<readonly [string, string]>

/** Read-only, case-insensitive header lookup; names are stored lower-case. */
export type HeaderMap = ReadonlyMap<string, string>

/** Every header an adapter reads: what is asked of a headers object that can only be looked up by name. */
export const readHeaderNames: ReadonlyArray<string> = ['content-type', 'retry-after', 'date', 'x-request-id', 'request-id', 'allow']

/** The empty header map. */
export const noHeaders: HeaderMap = /*#__PURE__*/ new Map()

const headerValue = (value: unknown): string | undefined => {
  if (typeof value === 'string') return value
  if (typeof value === 'number' && Number.isFinite(value)) return String(value)
  if (Array.isArray(value)) {
    const parts = value.filter((part): part is string => typeof part === 'string')
    return parts.length > 0 ? parts.join(', ') : undefined
  }
  return undefined
}

const add = (map: Map<string, string>, name: unknown, value: unknown): void => {
  if (typeof name !== 'string') return
  const text = headerValue(value)
  if (text === undefined) return
  const key = name.toLowerCase()
  const previous = map.get(key)
  map.set(key, previous === undefined ? text : `${previous}, ${text}`)
}

/** Reads headers in any of the three accepted forms into a lower-cased map. Never throws. */
export function readHeaders(input: unknown): HeaderMap {
  if (input === null || typeof input !== 'object') return noHeaders
  const map = new Map<string, string>()
  try {
    const iterate = (input as { [Symbol.iterator]?: unknown })[Symbol.iterator]
    if (typeof iterate === 'function') {
      // WHATWG Headers and Map iterate as [name, value] pairs too; axios' AxiosHeaders does not, see below.
      let count = 0
      for (const pair of input as Iterable<unknown>) {
        if (Array.isArray(pair)) add(map, pair[0], pair[1])
        if (++count > 10_000) break
      }
      return map
    }
    const keys = Object.keys(input)
    const get = (input as { get?: unknown }).get
    if (typeof get === 'function') {
      // Only a get(name) lookup (a Headers-like of another library): ask it for the headers adapters read.
      for (const name of readHeaderNames) add(map, name, get.call(input, name))
      return map
    }
    for (let i = 0; i < keys.length && i < 10_000; i++) {
      const key = keys[i]!
      const descriptor = Object.getOwnPropertyDescriptor(input, key)
      if (descriptor !== undefined && 'value' in descriptor) add(map, key, descriptor.value)
    }
  } catch {
    // A hostile headers object (a throwing Proxy, a broken iterator) reads as whatever was read before it threw.
  }
  return map
}
