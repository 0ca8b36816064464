import { textBounds } from './textBounds'

/** A JSON value: what `extensions` may hold, so that every error survives `JSON.parse(JSON.stringify(x))`. */
export type Json = null | boolean | number | string | ReadonlyArray<Json> | { readonly [key: string]: Json }

/** A JSON object. */
export type JsonRecord = { readonly [key: string]: Json }

/** Whether `value` is a plain object: its prototype is `Object.prototype` or `null` (what JSON makes). */
export const isPlainObject = (value: object): boolean => {
  const proto = Object.getPrototypeOf(value)
  return proto === Object.prototype || proto === null
}

const leave = Symbol('leave')

/**
 * Whether `value` is JSON that round-trips through `JSON.stringify` / `JSON.parse` unchanged: plain objects
 * and arrays, finite numbers other than -0, no cycles (shared subtrees are fine), no `undefined`.
 * Iterative, so any depth is safe.
 */
export function isJson(value: unknown): value is Json {
  const pending: unknown[] = [value]
  const ancestors = new Set<object>()
  while (pending.length > 0) {
    const item = pending.pop()
    if (item === leave) {
      ancestors.delete(pending.pop() as object)
      continue
    }
    if (item === null || typeof item === 'string' || typeof item === 'boolean') continue
    if (typeof item === 'number') {
      if (!Number.isFinite(item) || Object.is(item, -0)) return false
      continue
    }
    if (typeof item !== 'object' || ancestors.has(item)) return false
    if (!Array.isArray(item) && !isPlainObject(item)) return false
    ancestors.add(item)
    pending.push(item, leave)
    const members: ReadonlyArray<unknown> = Array.isArray(item) ? item : Object.values(item)
    for (let i = 0; i < members.length; i++) {
      if (members[i] === undefined) return false
      pending.push(members[i])
    }
  }
  return true
}

/**
 * A node budget shared by many copies (one per decoded response): a tree of 10,000 faults each carrying the
 * same large member must not copy it 10,000 times. Each copied value spends one; each character of a key or a
 * string copied spends one of `text`, when the budget bounds text (see `textBounds`).
 */
export interface JsonCopyBudget {
  remaining: number
  /** Characters left for the copies' keys and strings; `undefined`: text is bounded per copy only. */
  text?: number
  /** Set once a copy was cut because the budget was spent: the caller reports `truncated`. */
  exhausted?: boolean
}

/**
 * Limits of {@link toJson}: a copy never holds more than `maxNodes` values, nests deeper than `maxDepth`, nor
 * holds more than `maxText` characters of keys and strings (default `textBounds.maxCopyText`, 2^24).
 */
export interface JsonCopyLimits {
  readonly maxNodes: number
  readonly maxDepth: number
  readonly maxText?: number
}

const defaultCopyLimits: JsonCopyLimits = { maxNodes: 10_000, maxDepth: 64 }

const textLimitOf = (limits: JsonCopyLimits): number => limits.maxText ?? textBounds.maxCopyText

/**
 * Spends `length` characters of a shared budget's `text` (a budget without `text` bounds no text): whether
 * they fitted. The first time they do not, the budget is marked `exhausted` (the caller reports `truncated`).
 */
function chargeText(budget: JsonCopyBudget, length: number): boolean {
  if (budget.text === undefined) return true
  budget.text -= length
  if (budget.text >= 0) return true
  budget.exhausted = true
  return false
}

/**
 * A JSON copy of any value, made safely: own enumerable data properties only (getters that throw are
 * skipped), cycles and values JSON cannot hold dropped, `-0` written as `0`, and the copy bounded by `limits`.
 * Vendor members kept in `extensions` go through it, so hostile input cannot make an error unserializable.
 */
export function toJson(value: unknown, limits: JsonCopyLimits = defaultCopyLimits, shared?: JsonCopyBudget): Json | undefined {
  let budget = limits.maxNodes
  let text = textLimitOf(limits)
  // Characters of a key or string: spent from this copy's and the shared budget's text, whether they fitted.
  // A repeated subtree is copied at each reference, and an object in memory may reference one long string from
  // every node: counting characters keeps the copy's JSON linear in its input.
  const fits = (length: number): boolean => {
    const fitsCopy = (text -= length) >= 0
    return (shared === undefined || chargeText(shared, length)) && fitsCopy
  }
  // Whether nothing more may be copied. A value then left out is cut: `cut` tells a shared budget so when the
  // budget itself is spent.
  const spent = (): boolean => budget <= 0 || text < 0 || (shared !== undefined && (shared.remaining <= 0 || shared.exhausted === true))
  const cut = (): void => {
    if (shared !== undefined && shared.remaining <= 0) shared.exhausted = true
  }
  const ancestors = new Set<object>()
  const keysOf = keyListings(shared)
  const copy = (item: unknown, depth: number): Json | undefined => {
    if (budget-- <= 0) return undefined
    if (shared !== undefined && shared.remaining-- <= 0) {
      shared.exhausted = true
      return undefined
    }
    if (typeof item === 'string') return fits(item.length) ? item : undefined
    if (item === null || typeof item === 'boolean') return item
    if (typeof item === 'number') return Number.isFinite(item) ? (item === 0 ? 0 : item) : undefined
    if (typeof item !== 'object' || depth >= limits.maxDepth || ancestors.has(item)) return undefined
    ancestors.add(item)
    try {
      if (Array.isArray(item)) {
        const out: Json[] = []
        // A spent budget cuts the array short rather than filling it with nulls.
        for (let i = 0; i < item.length; i++) {
          // Every element is kept (as null if JSON cannot hold it): one left is cut.
          if (spent()) {
            cut()
            break
          }
          const element = copy(item[i], depth + 1)
          if (element === undefined && spent()) break
          out.push(element === undefined ? null : element)
        }
        return out
      }
      if (!isPlainObject(item)) return undefined
      const out: Record<string, Json> = {}
      for (const key of keysOf(item)) {
        const member = readOwnValue(item, key)
        if (spent()) {
          // An absent member (`undefined`, a getter) left is no cut.
          if (member !== undefined) cut()
          break
        }
        if (member === undefined) {
          // A member JSON cannot hold (`undefined`, a getter) still costs a step: an object of a million of
          // them, referenced a thousand times, is not listed a thousand times.
          budget--
          if (shared !== undefined) shared.remaining--
          continue
        }
        // The key is spent first: a value cut short is still kept, under its key.
        if (!fits(key.length)) break
        const element = copy(member, depth + 1)
        if (element !== undefined) defineMember(out, key, element)
      }
      return out
    } catch {
      // A value that throws when looked at (a Proxy whose traps throw) is left out; its siblings are kept.
      return undefined
    } finally {
      ancestors.delete(item)
    }
  }
  try {
    return copy(value, 0)
  } catch {
    return undefined
  }
}

// The own enumerable keys of each object a copy (or the copies sharing a budget) has listed. `Object.keys` walks
// every own key, enumerable or not: an object of 100,000 hidden members, referenced 1,000 times, is listed once.
const listingsByBudget = new WeakMap<JsonCopyBudget, Map<object, ReadonlyArray<string>>>()

function keyListings(shared: JsonCopyBudget | undefined): (item: object) => ReadonlyArray<string> {
  let listings = shared === undefined ? undefined : listingsByBudget.get(shared)
  if (listings === undefined) {
    listings = new Map()
    if (shared !== undefined) listingsByBudget.set(shared, listings)
  }
  const held = listings
  return (item) => {
    let keys = held.get(item)
    if (keys === undefined) held.set(item, (keys = Object.keys(item)))
    return keys
  }
}

/**
 * The value of an own member, or `undefined` for inherited and absent ones: vendor fields are decided from own
 * properties only (contract §7), so `Error.prototype` patches and prototype tricks are never read. An own
 * accessor's getter runs; one that throws, like a Proxy trap that throws, reads as absent. Never throws.
 */
export function readOwnData(target: object, key: string): unknown {
  try {
    // Written out, not through a module-level alias of the builtin (decision 015).
    return Object.prototype.hasOwnProperty.call(target, key) ? (target as Record<string, unknown>)[key] : undefined
  } catch {
    return undefined
  }
}

/**
 * The first `max` elements of an array (all of a shorter one), read as `for...of` reads them: a hole is
 * `undefined`. A loop over a vendor's array is bounded by the elements it reads, not only by those it keeps:
 * `[].length = 2 ** 32 - 1` is a few bytes.
 */
export const leadingElements = <T>(elements: ReadonlyArray<T>, max: number): ReadonlyArray<T> =>
  elements.length > max ? elements.slice(0, max) : elements

/** Whether `target` has an own member `key` (whatever its value); `false` for a Proxy that throws. Never throws. */
export function hasOwnMember(target: object, key: string): boolean {
  try {
    return Object.prototype.hasOwnProperty.call(target, key)
  } catch {
    return false
  }
}

/** The value of an own DATA property only: what {@link toJson} copies, so copying never runs a getter. */
function readOwnValue(target: object, key: string): unknown {
  try {
    const descriptor = Object.getOwnPropertyDescriptor(target, key)
    return descriptor !== undefined && 'value' in descriptor ? descriptor.value : undefined
  } catch {
    return undefined
  }
}

/** Sets `record[key]` as a plain own member, even for keys such as `__proto__` (no prototype pollution). */
export function defineMember<V>(record: Record<string, V>, key: string, value: V): void {
  if (key === '__proto__') {
    Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true })
  } else {
    record[key] = value
  }
}

/**
 * The members of a vendor object that no canonical field holds, as one bounded JSON record for
 * `extensions`: own members only (an own getter runs; one that throws is left out), in the vendor's order,
 * `known` ones left out; nested values are copied without running getters.
 */
export function extraMembers(
  source: object,
  known: ReadonlySet<string>,
  limits: JsonCopyLimits = defaultCopyLimits,
  shared?: JsonCopyBudget,
): JsonRecord {
  return splitMembers(source, known, ignoreMember, limits, shared)
}

const ignoreMember = (): void => undefined

/**
 * One pass over the own members of a vendor object: each `known` member is handed to `onKnown` (the decoder
 * reads its fields there, each member read once), every other one is kept, bounded, for `extensions`.
 */
export function splitMembers(
  source: object,
  known: ReadonlySet<string>,
  onKnown: (key: string, value: unknown) => void,
  limits: JsonCopyLimits = defaultCopyLimits,
  shared?: JsonCopyBudget,
): JsonRecord {
  return copyExtras(gatherMembers(source, { known, onKnown }, handKnownMember), limits, shared)
}

const handKnownMember = (
  reader: { readonly known: ReadonlySet<string>; readonly onKnown: (key: string, value: unknown) => void },
  key: string,
  value: unknown,
): boolean => {
  if (!reader.known.has(key)) return false
  reader.onKnown(key, value)
  return true
}

/** What one pass over a vendor object's own members gathered for `extensions`, before the bounded copy. */
export interface GatheredMembers {
  /** The members no canonical field holds, as read; `undefined` when there are none. */
  readonly extras: Record<string, unknown> | undefined
  /** Whether every one of `extras` is a string, boolean, null or number (then {@link copyExtras} builds the copy directly). */
  readonly flat: boolean
  /** How many own members the pass read. */
  readonly members: number
  /**
   * `false` when the pass did not see every key: it stopped at `maxMembers`, listing the keys threw (a Proxy), or
   * the source is a typed array or `String` wrapper (only the fields named were read).
   */
  readonly complete: boolean
  /** Whether reading a member threw (a hostile getter or Proxy): that member was left out. */
  readonly threw: boolean
  /** Whether the source is a plain object (prototype `Object.prototype` or `null`), as the pass found it. */
  readonly plain: boolean
  /** Characters of the keys of `extras` and of those of its values that are strings. */
  readonly text: number
}

/**
 * One pass over the own members of a vendor object, as decoders read them: each member goes to
 * `readKnown`, which takes it into `fields` and answers `true` when a canonical field holds it; every other
 * member is gathered for `extensions` ({@link copyExtras} makes the bounded copy, possibly later: a fault tree
 * copies only the faults it keeps). A member that throws when read (a hostile getter or Proxy) is absent. The
 * pass stops after `maxMembers` members, `complete: false`: a caller that needs only a few fields of an object
 * that may be huge reads its first members this way and looks up the fields it has not seen. Such a pass reads
 * no member of an object that is not plain (`complete: false` at once): listing its keys alone is O(keys). Nor
 * does any pass over a typed array or a `String` wrapper, whose keys are its elements: it reads the own members
 * named in `fieldNames` only (`complete: false`), and gathers no extras.
 */
export function gatherMembers<F>(
  source: object,
  fields: F,
  readKnown: (fields: F, key: string, value: unknown) => boolean,
  maxMembers: number = Number.POSITIVE_INFINITY,
  fieldNames: Iterable<string> = noFieldNames,
): GatheredMembers {
  const gathered: Gathering = { extras: undefined, flat: true, members: 0, complete: true, threw: false, plain: false, text: 0 }
  try {
    gathered.plain = isPlainObject(source)
    if (gathered.plain) {
      // `for...in` walks a plain object's keys without copying them (V8 keeps them cached per object shape). It
      // lists own keys before any inherited one (ES2020), so the first inherited key ends the walk.
      for (const key in source) {
        if (!Object.prototype.hasOwnProperty.call(source, key) || isFull(gathered, maxMembers)) break
        // Read here, in the loop over the keys, where V8 reads a member by its enumerated key from the object's
        // layout (through a called function it looks the key up instead).
        let value: unknown
        try {
          value = (source as Record<string, unknown>)[key]
        } catch {
          markThrown(gathered)
          continue
        }
        keepMember(gathered, key, value, fields, readKnown)
      }
    } else if (maxMembers !== Number.POSITIVE_INFINITY) {
      // `Object.keys` (below) lists every key before the first step, and a typed array or class instance may hold
      // thousands: a pass that is to read a few members of such an object reads none, and leaves them to lookups.
      gathered.complete = false
    } else if (isIndexedView(source)) {
      // Its elements are no members: the fields are looked up by name, and no extra is gathered.
      gathered.complete = false
      for (const key of fieldNames) {
        if (Object.prototype.hasOwnProperty.call(source, key)) gatherMember(gathered, source, key, fields, readKnown, maxMembers)
      }
    } else {
      // But `for...in` also lists every enumerable key of the prototype chain before its first step: an object
      // of any other prototype (which may hold a million keys, shared by a million faults) is walked by its own
      // keys only.
      const keys = Object.keys(source)
      for (let i = 0; i < keys.length; i++) if (!gatherMember(gathered, source, keys[i] as string, fields, readKnown, maxMembers)) break
    }
  } catch {
    // A Proxy whose key traps throw: the members read before it threw still count.
    gathered.complete = false
  }
  return gathered
}

/**
 * A typed array (or `DataView`) or a `String` wrapper of this realm: it lists one key per element or character,
 * and a thousand of them may view one buffer or string, each listed in full (decision 014). Its elements are
 * never members of a vendor object. Both checks run no
 * code of the object's (no `Symbol.toStringTag` getter).
 */
const isIndexedView = (source: object): boolean => ArrayBuffer.isView(source) || source instanceof String

const noFieldNames: ReadonlyArray<string> = []

// What a pass has gathered so far (`flat` while every extra member is a string, boolean, null or number).
type Gathering = { -readonly [K in keyof GatheredMembers]: GatheredMembers[K] }

// Whether a pass has read `maxMembers` members: it stops there, incomplete.
function isFull(gathered: Gathering, maxMembers: number): boolean {
  if (gathered.members !== maxMembers) return false
  gathered.complete = false
  return true
}

// A member that throws when read (a hostile getter or Proxy) is absent; the others still count.
function markThrown(gathered: Gathering): void {
  gathered.members++
  gathered.threw = true
}

// One own member, read, into `gathered`: a field when `readKnown` takes it, else an extra.
function keepMember<F>(gathered: Gathering, key: string, value: unknown, fields: F, readKnown: (fields: F, key: string, value: unknown) => boolean): void {
  gathered.members++
  if (readKnown(fields, key, value) || value === undefined) return
  if (gathered.flat && typeof value === 'object' && value !== null) gathered.flat = false
  gathered.text += typeof value === 'string' ? key.length + value.length : key.length
  defineMember((gathered.extras ??= {}), key, value)
}

// One own member of a pass into `gathered`, read by its key: `false` when the pass stops there, having read
// `maxMembers`.
function gatherMember<F>(
  gathered: Gathering,
  source: object,
  key: string,
  fields: F,
  readKnown: (fields: F, key: string, value: unknown) => boolean,
  maxMembers: number,
): boolean {
  if (isFull(gathered, maxMembers)) return false
  let value: unknown
  try {
    value = (source as Record<string, unknown>)[key]
  } catch {
    markThrown(gathered)
    return true
  }
  keepMember(gathered, key, value, fields, readKnown)
  return true
}

/**
 * The `extensions` record of the extra members a {@link gatherMembers} pass collected: built directly when all
 * are primitives (`flat`), else a bounded {@link toJson} copy.
 */
export function copyExtras(gathered: GatheredMembers, limits: JsonCopyLimits = defaultCopyLimits, shared?: JsonCopyBudget): JsonRecord {
  const { extras } = gathered
  if (extras === undefined) return emptyRecord
  if (shared !== undefined && shared.remaining <= 0) {
    shared.exhausted = true
    return emptyRecord
  }
  // The direct build holds what the copy would: taken only when no bound cuts it (`members`, every member the pass
  // read, is at least the values the copy would spend).
  const textFits = gathered.text <= textLimitOf(limits) && (shared?.text === undefined || gathered.text <= shared.text)
  const valuesFit = gathered.members < limits.maxNodes && (shared === undefined || gathered.members < shared.remaining)
  if (gathered.flat && valuesFit && textFits) {
    if (shared !== undefined) {
      shared.remaining -= gathered.members
      chargeText(shared, gathered.text)
    }
    return primitiveRecord(extras)
  }
  const copy = toJson(extras, limits, shared)
  return typeof copy === 'object' && copy !== null && !Array.isArray(copy) ? (copy as JsonRecord) : emptyRecord
}

const emptyRecord: JsonRecord = /*#__PURE__*/ Object.freeze({})

// `toJson` of a record whose members are all primitives: non-finite numbers, functions, symbols and bigints
// dropped, `-0` written as `0`, the rest kept in place.
function primitiveRecord(record: Record<string, unknown>): JsonRecord {
  for (const key of Object.keys(record)) {
    const value = record[key]
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) delete record[key]
      else if (value === 0) record[key] = 0
    } else if (typeof value !== 'string' && typeof value !== 'boolean' && value !== null) delete record[key]
  }
  return record as JsonRecord
}
