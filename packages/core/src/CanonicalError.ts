import * as t from 'io-ts'
import { isJson, type JsonRecord } from './json'
import { kinds, type Kind } from './kinds'
import { isSnakeCase } from './reasonCode'

/** One field-level problem, in the document order of the vendor's answer. */
export interface Violation {
  /** The offending field's path as the vendor wrote it (`name.first`, `/items/0`), or `null`. */
  readonly path: string | null
  /** Vendor-neutral snake_case reason (`missing_field`, `invalid_field`, ...). */
  readonly reason: string
  /** What is wrong with the field. */
  readonly message: string
  /** The vendor's own code for this violation, verbatim. */
  readonly vendorCode: string | null
}

/** The fields every error has, whatever its kind (contract §2). */
export interface ErrorFields {
  readonly reason: string
  readonly vendor: string
  readonly vendorCode: string | null
  readonly vendorType: string | null
  readonly status: number | null
  readonly message: string
  readonly detail: string | null
  readonly param: string | null
  readonly requestId: string | null
  readonly docUrl: string | null
  readonly retryable: boolean
  readonly retryAfter: number | null
  readonly recognized: boolean
  readonly violations: ReadonlyArray<Violation>
  readonly causes: ReadonlyArray<CanonicalError>
  readonly extensions: JsonRecord
  readonly truncated: boolean
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


interface ReasonBrand {
  readonly Reason: unique symbol
}
/** A snake_case reason. The §3 vocabulary is documentation, not a restriction: user adapters may add reasons. */
export const Reason = t.brand(t.string, (s): s is t.Branded<string, ReasonBrand> => isSnakeCase(s), 'Reason')

interface NonEmptyBrand {
  readonly NonEmptyString: unique symbol
}
const NonEmptyString = t.brand(
  t.string,
  (s): s is t.Branded<string, NonEmptyBrand> => s.trim().length > 0,
  'NonEmptyString',
)

interface HttpStatusBrand {
  readonly HttpStatus: unique symbol
}
/** An HTTP status: an integer from 100 to 599. */
export const HttpStatus = t.brand(
  t.number,
  (n): n is t.Branded<number, HttpStatusBrand> => Number.isInteger(n) && n >= 100 && n <= 599,
  'HttpStatus',
)

interface SecondsBrand {
  readonly Seconds: unique symbol
}
const Seconds = t.brand(
  t.number,
  (n): n is t.Branded<number, SecondsBrand> => Number.isFinite(n) && n >= 0 && !Object.is(n, -0),
  'Seconds',
)

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
    path: nullable(t.string),
    reason: Reason,
    message: t.string,
    vendorCode: nullable(t.string),
  }),
  'Violation',
)

const variantCodec = (kind: Kind, self: t.Type<CanonicalError>): t.Mixed => {
  const statusless = kind === 'transport' || kind === 'signature'
  return t.readonly(
    t.type({
      kind: t.literal(kind),
      reason: Reason,
      vendor: t.string,
      vendorCode: nullable(t.string),
      vendorType: nullable(t.string),
      status: statusless ? t.null : nullable(HttpStatus),
      message: NonEmptyString,
      detail: nullable(t.string),
      param: nullable(t.string),
      requestId: nullable(t.string),
      docUrl: nullable(t.string),
      retryable: t.boolean,
      retryAfter: nullable(Seconds),
      recognized: t.boolean,
      violations: t.readonlyArray(ViolationCodec),
      causes: t.readonlyArray(self),
      extensions: JsonRecordCodec,
      truncated: t.boolean,
    }),
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
