import { hasOwnMember, isPlainObject, leadingElements } from './json'

/**
 * Headers as users hold them: a WHATWG `Headers`, a plain record (values string or string[]), or an
 * iterable of `[name, value]` pairs. Names are case-insensitive.
 */
export type HeadersInput =
  | { get(name: string): string | null }
  | Readonly<Record<string, string | ReadonlyArray<string> | number | undefined>>
  | Iterable<readonly [string, string]>

/** Read-only, case-insensitive header lookup: ask it with lower-case names. */
export type HeaderMap = ReadonlyMap<string, string>

/** Every header an adapter reads: what is asked of a headers object that can only be looked up by name. */
export const readHeaderNames: ReadonlyArray<string> = ['content-type', 'retry-after', 'date', 'x-request-id', 'request-id', 'allow']

/** The empty header map. */
export const noHeaders: HeaderMap = /*#__PURE__*/ new Map()

const headerValue = (value: unknown): string | undefined => {
  if (typeof value === 'string') return value
  if (typeof value === 'number' && Number.isFinite(value)) return String(value)
  if (Array.isArray(value)) {
    // Joined as values of one name are: 100 references to one long value are not a text 100 times as long.
    let joined: string | undefined
    for (const part of leadingElements(value, maxHeaderValues)) if (typeof part === 'string') joined = joinHeader(joined, part)
    return joined
  }
  return undefined
}

// At most this many values of one header are read from an array (Node's `string[]` form)...
const maxHeaderValues = 100
// ...and values of one name are joined while the text is shorter than this: 1,000 spellings of a name (letter
// case) holding one long value each must not make a text 1,000 times the input. A single value is kept whole.
const maxJoinedHeader = 16 * 1024

/** `text` after the text already held for the same header name, within {@link maxJoinedHeader}. */
const joinHeader = (previous: string | undefined, text: string): string =>
  previous === undefined ? text : previous.length >= maxJoinedHeader ? previous : `${previous}, ${text}`

/** Whether the text held for a header name is full: no value of that name is read any more. */
const isFull = (previous: string | undefined): boolean => previous !== undefined && previous.length >= maxJoinedHeader

// Header names longer than this are dropped unread: no one asks for them, and one long name shared by many
// pairs would be lower-cased once per pair (decision 014).
const maxHeaderName = 256

const add = (map: Map<string, string>, name: unknown, value: unknown): void => {
  if (typeof name !== 'string' || name.length > maxHeaderName) return
  const key = name.toLowerCase()
  const previous = map.get(key)
  if (isFull(previous)) return
  const text = headerValue(value)
  if (text !== undefined) map.set(key, joinHeader(previous, text))
}

const maxHeaderKeys = 10_000

// A name with no ASCII upper-case letter and nothing outside ASCII is its own lower case.
const isLowerCaseName = (key: string): boolean => {
  for (let i = 0; i < key.length; i++) {
    const code = key.charCodeAt(i)
    if ((code >= 65 && code <= 90) || code > 127) return false
  }
  return true
}

const boundedKeys = (record: object): ReadonlyArray<string> => {
  const keys = Object.keys(record)
  return keys.length > maxHeaderKeys ? keys.slice(0, maxHeaderKeys) : keys
}

/**
 * The headers of a plain record, looked up without copying: adapters read four or five headers of every
 * response, so `get` scans the record's own keys case-insensitively instead of building a map per response.
 * Everything else a map offers (size, iteration) is served by a map built on first use.
 */
class RecordHeaders implements ReadonlyMap<string, string> {
  // Fields are declared, not defined, and set in the constructor: a defined class field costs a property
  // definition per instance in Node 20, and one of these is made for every response.
  private declare readonly record: object
  /** The values of the headers adapters read (by their slot in {@link readHeaderNames}), read on the first lookup. */
  private declare read: Array<string | undefined> | undefined
  /** Lower-case names and their values, side by side, read on the first lookup of any other name. */
  private declare pairs: string[] | undefined
  /** Every header, for iteration and `size`. */
  private declare map: Map<string, string> | undefined

  constructor(record: object) {
    this.record = record
    this.read = undefined
    this.pairs = undefined
    this.map = undefined
  }

  /** The header's value; `name` in lower case, as with the `Map` this stands in for. */
  get(name: string): string | undefined {
    const slot = headerSlot(name)
    if (slot !== -1) return (this.read ??= readKnownHeaders(this.record))[slot]
    const pairs = (this.pairs ??= indexRecord(this.record))
    let found: string | undefined
    for (let i = 0; i < pairs.length; i += 2) {
      if (pairs[i] === name) found = joinHeader(found, pairs[i + 1] as string)
    }
    return found
  }

  has(name: string): boolean {
    return this.get(name) !== undefined
  }

  private all(): Map<string, string> {
    return (this.map ??= readRecord(this.record))
  }

  get size(): number {
    return this.all().size
  }

  forEach(callback: (value: string, key: string, map: ReadonlyMap<string, string>) => void): void {
    this.all().forEach((value, key) => callback(value, key, this))
  }

  entries(): MapIterator<[string, string]> {
    return this.all().entries()
  }

  keys(): MapIterator<string> {
    return this.all().keys()
  }

  values(): MapIterator<string> {
    return this.all().values()
  }

  [Symbol.iterator](): MapIterator<[string, string]> {
    return this.all()[Symbol.iterator]()
  }
}

/**
 * The slot of one of {@link readHeaderNames} in what {@link readKnownHeaders} answers (-1 for any other name).
 * A switch rather than a map: property keys are internalized strings, which V8 compares by reference, so this
 * costs a fraction of a map lookup, and it runs for every key of every header record. A test holds it to
 * `readHeaderNames`.
 */
export const headerSlot = (name: string): number => {
  switch (name) {
    case 'content-type':
      return 0
    case 'retry-after':
      return 1
    case 'date':
      return 2
    case 'x-request-id':
      return 3
    case 'request-id':
      return 4
    case 'allow':
      return 5
    default:
      return -1
  }
}

const readHeaderLengths: ReadonlySet<number> = /*#__PURE__*/ new Set(readHeaderNames.map((name) => name.length))

// The slot of a record key that names a header adapters read, in any letter case; -1 for any other.
const slotOfKey = (key: string): number => {
  const slot = headerSlot(key)
  return slot !== -1 || !readHeaderLengths.has(key.length) ? slot : headerSlot(key.toLowerCase())
}

/**
 * One pass over a record's keys that reads only the headers adapters ask for, each as `indexRecord` would
 * (own members, repeated names joined in key order): the usual record needs no index of every name, and
 * `for...in` walks it without copying its keys (an inherited key is skipped, and never read).
 */
export function readKnownHeaders(record: object): Array<string | undefined> {
  const values = noKnownHeaders.slice()
  let seen = 0
  try {
    for (const key in record) {
      // Own keys come first (see `gatherMembers`): the first inherited one ends the pass.
      if (++seen > maxHeaderKeys || !Object.prototype.hasOwnProperty.call(record, key)) break
      const slot = slotOfKey(key)
      if (slot === -1 || isFull(values[slot])) continue
      // Read here, in the loop over the keys, where V8 reads a member by its enumerated key from the object's
      // layout; a getter that throws (or a Proxy trap) reads as absent, as every member does (contract §7).
      let value: unknown
      try {
        value = (record as Record<string, unknown>)[key]
      } catch {
        continue
      }
      const text = headerValue(value)
      if (text !== undefined) values[slot] = joinHeader(values[slot], text)
    }
  } catch {
    // A hostile record (a Proxy whose traps throw) reads as whatever was read before it threw.
  }
  return values
}

/** What {@link readKnownHeaders} answers for a record without any of those headers. */
export const noKnownHeaders: ReadonlyArray<string | undefined> = /*#__PURE__*/ readHeaderNames.map(() => undefined)

// A member's value as header text, as every member is read (contract §7): a getter runs, and one that throws
// (or a Proxy trap) reads as absent.
function headerText(record: object, key: string): string | undefined {
  try {
    return headerValue((record as Record<string, unknown>)[key])
  } catch {
    return undefined
  }
}

// The same of an own member; an inherited member is never read.
const ownHeaderValue = (record: object, key: string): string | undefined =>
  hasOwnMember(record, key) ? headerText(record, key) : undefined

function indexRecord(record: object): string[] {
  const pairs: string[] = []
  let keys: ReadonlyArray<string>
  try {
    keys = boundedKeys(record)
  } catch {
    return pairs
  }
  for (const key of keys) {
    // Each member read on its own, exactly as `readRecord` (iteration) reads them.
    if (key.length > maxHeaderName) continue
    const text = ownHeaderValue(record, key)
    if (text !== undefined) pairs.push(isLowerCaseName(key) ? key : key.toLowerCase(), text)
  }
  return pairs
}

function readRecord(input: object): Map<string, string> {
  const map = new Map<string, string>()
  try {
    const keys = Object.keys(input)
    for (let i = 0; i < keys.length && i < maxHeaderKeys; i++) {
      const key = keys[i]!
      const text = ownHeaderValue(input, key)
      if (text !== undefined) add(map, key, text)
    }
  } catch {
    // A hostile record reads as whatever was read before it threw.
  }
  return map
}

// `in` before the own check: a record seldom has a `get` member, and `in` is answered from its layout.
const isPlainRecord = (input: object): boolean => isPlainObject(input) && !('get' in input && Object.prototype.hasOwnProperty.call(input, 'get'))

/** Reads headers in any of the three accepted forms as a case-insensitive lookup. Never throws. */
export function readHeaders(input: unknown): HeaderMap {
  if (input === null || typeof input !== 'object') return noHeaders
  try {
    if (isPlainRecord(input)) return new RecordHeaders(input)
  } catch {
    return noHeaders
  }
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
    for (let i = 0; i < keys.length && i < maxHeaderKeys; i++) {
      const key = keys[i]!
      const text = ownHeaderValue(input, key)
      if (text !== undefined) add(map, key, text)
    }
  } catch {
    // A hostile headers object (a throwing Proxy, a broken iterator) reads as whatever was read before it threw.
  }
  return map
}
