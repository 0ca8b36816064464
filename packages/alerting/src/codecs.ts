import * as t from 'io-ts'

// Small io-ts combinators for configuration: their names are the phrases the reporter prints
// ("expected a positive integer, got -1"), and `struct` rejects unknown fields so typos do not pass silently.

const show = (u: unknown): string => {
  try {
    return JSON.stringify(u) ?? String(u)
  } catch {
    return String(u)
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
      if (result._tag === 'Left') errors.push(...result.left)
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
