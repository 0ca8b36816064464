import * as t from 'io-ts'
import { isJson, type JsonRecord } from './json'
import { kinds, type Kind } from './kinds'
import { isSnakeCase } from './reasonCode'

/**
 * A codec of `base` values that satisfy `predicate`, its static type `A` itself (no brand): errors are plain data
 * that users build and compare without casts.
 */
const refined = <A>(base: t.Type<A, A, unknown>, predicate: (value: A) => boolean, name: string): t.Type<A, A, unknown> =>
  new t.Type<A, A, unknown>(
    name,
    (u): u is A => base.is(u) && predicate(u),
    (u, c) => (base.is(u) && predicate(u) ? t.success(u) : t.failure(u, c)),
    t.identity,
  )

/** A snake_case reason. The §3 vocabulary is documentation, not a restriction: user adapters may add reasons. */
export const Reason = refined(t.string, isSnakeCase, 'Reason')

const NonEmptyString = refined(t.string, (s) => s.trim().length > 0, 'NonEmptyString')

/** An HTTP status: an integer from 100 to 599. */
export const HttpStatus = refined(t.number, (n) => Number.isInteger(n) && n >= 100 && n <= 599, 'HttpStatus')

// Seconds to wait: finite, not negative, and not -0 (which JSON would write as 0).
const Seconds = refined(t.number, (n) => Number.isFinite(n) && n >= 0 && !Object.is(n, -0), 'Seconds')

/** A JSON object whose values survive `JSON.parse(JSON.stringify(x))` unchanged. */
const isJsonRecord = (u: unknown): u is JsonRecord => typeof u === 'object' && u !== null && !Array.isArray(u) && isJson(u)
export const JsonRecordCodec = new t.Type<JsonRecord, JsonRecord, unknown>(
  'JsonRecord',
  isJsonRecord,
  (u, c) => (isJsonRecord(u) ? t.success(u) : t.failure(u, c)),
  t.identity,
)

const nullable = <C extends t.Mixed>(codec: C) => t.union([codec, t.null])

/** The io-ts codec of a {@link Violation}. */
export const ViolationCodec = t.readonly(
  t.type({
    /** The offending field's path as the vendor wrote it (`name.first`, `/items/0`), or `null`. */
    path: nullable(t.string),
    /** Vendor-neutral snake_case reason (`missing_field`, `invalid_field`, ...). */
    reason: Reason,
    /** What is wrong with the field. */
    message: t.string,
    /** The vendor's own code for this violation, verbatim. */
    vendorCode: nullable(t.string),
  }),
  'Violation',
)

/** One field-level problem, in the document order of the vendor's answer. */
export type Violation = t.TypeOf<typeof ViolationCodec>

/**
 * The codecs of the fields every error has, whatever its kind (contract §2): the one list of them. `kind`,
 * `status` (never set for `transport` and `signature`) and `causes` (recursive) are added per variant.
 */
const fieldCodecs = {
  reason: Reason,
  vendor: t.string,
  vendorCode: nullable(t.string),
  vendorType: nullable(t.string),
  message: NonEmptyString,
  detail: nullable(t.string),
  param: nullable(t.string),
  requestId: nullable(t.string),
  docUrl: nullable(t.string),
  retryable: t.boolean,
  retryAfter: nullable(Seconds),
  recognized: t.boolean,
  violations: t.readonlyArray(ViolationCodec),
  extensions: JsonRecordCodec,
  truncated: t.boolean,
}

/** The fields every error has, whatever its kind (contract §2), derived from their codecs. */
export type ErrorFields = Readonly<t.TypeOf<t.TypeC<typeof fieldCodecs>>> & {
  readonly status: number | null
  readonly causes: ReadonlyArray<CanonicalError>
}

/** The variant of the union for kind `K`: `transport` and `signature` never carry a status. */
export type ErrorOfKind<K extends Kind> = K extends 'transport' | 'signature'
  ? Omit<ErrorFields, 'status'> & { readonly kind: K; readonly status: null }
  : ErrorFields & { readonly kind: K }

/**
 * Every vendor's failure in one shape: a union discriminated on `kind`, every variant with every field,
 * plain readonly JSON data.
 */
export type CanonicalError = { [K in Kind]: ErrorOfKind<K> }[Kind]

const variantCodec = (kind: Kind, self: t.Type<CanonicalError>): t.Mixed => {
  const statusless = kind === 'transport' || kind === 'signature'
  return t.readonly(
    t.type({ kind: t.literal(kind), ...fieldCodecs, status: statusless ? t.null : nullable(HttpStatus), causes: t.readonlyArray(self) }),
    `${kind}Error`,
  )
}

/**
 * The io-ts codec of the union. `CanonicalError.is(x)` validates any value; `CanonicalError.decode(x)`
 * says which field of which variant is wrong.
 *
 * Law (property-tested): every non-null result of `normalizeError` satisfies `CanonicalError.is`.
 */
export const CanonicalError: t.Type<CanonicalError, CanonicalError, unknown> = t.recursion('CanonicalError', (self) => {
  const byKind = new Map<string, t.Mixed>(kinds.map((kind) => [kind, variantCodec(kind, self)]))
  const [first, second, ...rest] = [...byKind.values()]
  const union = t.union([first as t.Mixed, second as t.Mixed, ...rest])
  // Dispatch on `kind` first, so a failure names the one variant that applies instead of all fourteen.
  return new t.Type<CanonicalError, CanonicalError, unknown>(
    'CanonicalError',
    (u): u is CanonicalError => union.is(u),
    (u, c) => {
      const kind = typeof u === 'object' && u !== null ? (u as { kind?: unknown }).kind : undefined
      const variant = typeof kind === 'string' ? byKind.get(kind) : undefined
      return variant === undefined
        ? union.validate(u, c)
        : (variant.validate(u, t.appendContext(c, String(kind), variant, u)) as t.Validation<CanonicalError>)
    },
    t.identity,
  )
})
