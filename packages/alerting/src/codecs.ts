import * as t from 'io-ts'

// Small io-ts combinators for configuration: their names are the phrases the reporter prints
// ("expected a positive integer, got -1"), and `struct` rejects unknown fields so typos do not pass silently.

/**
 * What `loadRules` puts in place of a part of a value it cannot hand to a codec: a cycle, a part nested deeper
 * than any rule file, or binary data. Symbols, so that no codec accepts one; {@link show} names them.
 */
export const placeholders = {
  cycle: Symbol('a reference to a value that contains it (a cycle)'),
  tooDeep: Symbol('a value nested deeper than any rule file'),
  opaque: Symbol('binary data or a boxed string'),
} as const

const placeholderText = new Map<symbol, readonly [alone: string, inside: string]>([
  [placeholders.cycle, ['a reference to a value that contains it (a cycle)', '<cycle>']],
  [placeholders.tooDeep, ['a value nested deeper than any rule file', '<too deep>']],
  [placeholders.opaque, ['binary data or a boxed string', '<binary>']],
])

const maxShownString = 40
const maxShownEntries = 3
const maxShownLength = 100

// A string as JSON, cut after `max` characters (the cut marked inside the quotes).
const quote = (text: string, max: number): string =>
  text.length <= max ? JSON.stringify(text) : `${JSON.stringify(text.slice(0, max)).slice(0, -1)}…"`

function shown(u: unknown, depth: number, ancestors: Set<object>): string {
  switch (typeof u) {
    case 'string':
      return quote(u, maxShownString)
    case 'number':
      return Object.is(u, -0) ? '-0' : String(u)
    case 'bigint':
      return `${u}n`
    case 'boolean':
    case 'undefined':
      return String(u)
    case 'symbol': {
      const text = placeholderText.get(u)
      if (text !== undefined) return depth === 2 ? text[0] : text[1]
      return `Symbol(${quote(u.description ?? '', maxShownString).slice(1, -1)})`
    }
    case 'function':
      return 'a function'
  }
  if (u === null) return 'null'
  const value = u as object
  if (ancestors.has(value)) return '<cycle>'
  const list = Array.isArray(value)
  const keys = list ? [] : Object.keys(value)
  const size = list ? (value as unknown[]).length : keys.length
  const [open, close] = list ? ['[', ']'] : ['{', '}']
  if (size === 0) return `${open}${close}`
  if (depth === 0) return `${open}…${close}`
  ancestors.add(value)
  const entries: string[] = []
  for (let i = 0; i < Math.min(size, maxShownEntries); i++) {
    entries.push(
      list
        ? shown((value as unknown[])[i], depth - 1, ancestors)
        : `${quote(keys[i]!, maxShownString)}:${shown((value as Record<string, unknown>)[keys[i]!], depth - 1, ancestors)}`,
    )
  }
  ancestors.delete(value)
  if (size > maxShownEntries) entries.push('…')
  return `${open}${entries.join(',')}${close}`
}

/**
 * A value as a reader would write it in a config file (JSON-like), for error messages: at most two levels,
 * three entries a level and about 100 characters, so a message stays one short line whatever the value (a
 * cycle, 200,000 nested lists, a 10 MB string). Total: a value that cannot be read is named as such.
 */
function show(u: unknown): string {
  try {
    const text = shown(u, 2, new Set())
    return text.length <= maxShownLength ? text : `${text.slice(0, maxShownLength)}…`
  } catch {
    return 'a value that cannot be read'
  }
}

/** A codec of plain values checked by one predicate; `name` is what the reporter says was expected. */
export const refined = <A>(name: string, is: (u: unknown) => u is A): t.Type<A, A, unknown> =>
  new t.Type<A, A, unknown>(name, is, (u, c) => (is(u) ? t.success(u) : t.failure(u, c)), t.identity)

/** An integer greater than zero. */
export const PositiveInteger = /*#__PURE__*/ refined(
  'a positive integer',
  (u): u is number => typeof u === 'number' && Number.isSafeInteger(u) && u > 0,
)

/** An integer greater than or equal to zero. */
export const NonNegativeInteger = /*#__PURE__*/ refined(
  'a non-negative integer',
  (u): u is number => typeof u === 'number' && Number.isSafeInteger(u) && u >= 0,
)

/** A string with something other than white space in it. */
export const NonBlankString = /*#__PURE__*/ refined('a non-empty string', (u): u is string => typeof u === 'string' && u.trim() !== '')

/** One value, or a non-empty list of values: how a match names "any of". */
export const oneOrMany = <A>(codec: t.Type<A, A, unknown>, name: string): t.Type<A | ReadonlyArray<A>, A | ReadonlyArray<A>, unknown> => {
  const many = t.readonlyArray(codec)
  return new t.Type<A | ReadonlyArray<A>, A | ReadonlyArray<A>, unknown>(
    name,
    (u): u is A | ReadonlyArray<A> => codec.is(u) || (many.is(u) && u.length > 0),
    (u, c) => {
      if (!Array.isArray(u)) return codec.is(u) ? t.success(u) : t.failure(u, c)
      if (u.length === 0) return t.failure(u, c, `expected ${name}, got an empty list`)
      return many.validate(u, c)
    },
    t.identity,
  )
}

/** A list whose elements are all different. */
export const uniqueList = <A>(codec: t.Type<A, A, unknown>, name: string): t.Type<ReadonlyArray<A>, ReadonlyArray<A>, unknown> => {
  const list = t.readonlyArray(codec, name)
  return new t.Type<ReadonlyArray<A>, ReadonlyArray<A>, unknown>(
    name,
    (u): u is ReadonlyArray<A> => list.is(u) && new Set(u).size === u.length,
    (u, c) => {
      const result = list.validate(u, c)
      if (result._tag === 'Left') return result
      const seen = new Set<A>()
      for (const [index, element] of result.right.entries()) {
        if (seen.has(element)) {
          return t.failure(element, t.appendContext(c, String(index), codec, element), `${show(element)} is listed twice`)
        }
        seen.add(element)
      }
      return result
    },
    t.identity,
  )
}

type Required<P extends t.Props> = { readonly [K in keyof P]: t.TypeOf<P[K]> }
type Optional<P extends t.Props> = { readonly [K in keyof P]?: t.TypeOf<P[K]> }

/**
 * A JSON object with required and optional fields and no others. An optional field may be absent, not
 * `null`. An unknown field is an error naming the known ones, so `forSecond: 60` does not vanish silently.
 */
export const struct = <R extends t.Props, O extends t.Props = Record<never, never>>(
  name: string,
  required: R,
  optional: O = {} as O,
): t.Type<Required<R> & Optional<O>, Required<R> & Optional<O>, unknown> => {
  type A = Required<R> & Optional<O>
  const known = [...Object.keys(required), ...Object.keys(optional)]
  const validate: t.Validate<unknown, A> = (u, c) => {
    if (typeof u !== 'object' || u === null || Array.isArray(u)) return t.failure(u, c, `expected ${name}, got ${show(u)}`)
    const record = u as Record<string, unknown>
    const errors: t.Errors = []
    const output: Record<string, unknown> = {}
    const field = (key: string, codec: t.Mixed, value: unknown) => {
      const result = codec.validate(value, t.appendContext(c, key, codec, value))
      // One push per error: spreading 100,000 of them into one call overflows the stack.
      if (result._tag === 'Left') for (const error of result.left) errors.push(error)
      else output[key] = result.right
    }
    for (const [key, codec] of Object.entries(required)) {
      if (!Object.prototype.hasOwnProperty.call(record, key)) {
        errors.push({ value: undefined, context: t.appendContext(c, key, codec, undefined), message: `missing; expected ${codec.name}` })
      } else field(key, codec, record[key])
    }
    for (const [key, codec] of Object.entries(optional)) {
      if (Object.prototype.hasOwnProperty.call(record, key)) field(key, codec, record[key])
    }
    for (const key of Object.keys(record)) {
      if (!known.includes(key)) {
        errors.push({
          value: record[key],
          context: t.appendContext(c, key, t.never, record[key]),
          message: `unknown field; expected one of ${known.join(', ')}`,
        })
      }
    }
    return errors.length > 0 ? t.failures(errors) : t.success(output as A)
  }
  const is = (u: unknown): u is A => validate(u, [{ key: '', type: t.unknown, actual: u }])._tag === 'Right'
  return new t.Type<A, A, unknown>(name, is, validate, t.identity)
}

/** A value as a reader would write it in a config file (JSON), for error messages. */
export { show }
