import { type Json } from '@faultline/core'
import { readOwnData } from '@faultline/core/internal'
import * as t from 'io-ts'

const finiteSeconds = new t.Type<number, number, unknown>(
  'Seconds',
  (u): u is number => typeof u === 'number' && Number.isFinite(u) && u >= 0,
  (u, c) => (typeof u === 'number' && Number.isFinite(u) && u >= 0 ? t.success(u) : t.failure(u, c)),
  t.identity,
)

/**
 * The io-ts codec of a problem document's members that faultline reads: the five of RFC 9457 and faultline's
 * extension members. Every member is optional and read on its own: one of the wrong type is ignored, the
 * others still count (tolerant decoding).
 */
export const ProblemMembers = t.partial({
  type: t.string,
  title: t.string,
  status: t.number,
  detail: t.string,
  instance: t.string,
  vendor: t.string,
  reason: t.string,
  vendorCode: t.string,
  vendorType: t.string,
  additionalDetail: t.string,
  param: t.string,
  docUrl: t.string,
  retryable: t.boolean,
  retryAfter: finiteSeconds,
  recognized: t.boolean,
  truncated: t.boolean,
  errors: t.unknown,
  'invalid-params': t.unknown,
  violations: t.unknown,
  causes: t.UnknownArray,
})

/** The members of a problem document that faultline reads. */
export type ProblemMembers = t.TypeOf<typeof ProblemMembers>

/** Member names with a meaning to faultline: never copied to `extensions`, never overwritten from them. */
export const knownMembers: ReadonlySet<string> = /*#__PURE__*/ new Set(Object.keys(ProblemMembers.props))

/**
 * Reads every known member of `source` that has the right type (own data properties only, no getter runs).
 * Never throws.
 */
export function readProblemMembers(source: object): ProblemMembers {
  const members: Record<string, unknown> = {}
  for (const [key, codec] of Object.entries(ProblemMembers.props) as Array<[string, t.Mixed]>) {
    const value = readOwnData(source, key)
    if (value !== undefined && codec.is(value)) members[key] = value
  }
  return members as ProblemMembers
}

/** One element of `errors`, faultline's form of a violation (after the RFC 9457 §3 example). */
export interface ProblemViolation {
  /** The field's path as the vendor wrote it; absent when the vendor named none. */
  readonly path?: string
  readonly reason: string
  /** What is wrong with the field. */
  readonly detail: string
  /** The vendor's own code for the violation. */
  readonly code?: string
}

/**
 * An RFC 9457 problem details object as faultline writes it: the five standard members and faultline's
 * extension members (absent when the canonical field is `null`), plus the vendor's own members.
 */
export interface ProblemDocument {
  /** `${base}${kind}/${reason}`: stable per kind and reason. */
  readonly type: string
  /** Stable per type (see `problemTitles`). */
  readonly title: string
  readonly status?: number
  /** The occurrence's explanation: the canonical `message`. */
  readonly detail: string
  /** `urn:faultline:request:<request id>` when the request id is known. */
  readonly instance?: string
  readonly vendor: string
  readonly reason: string
  readonly vendorCode?: string
  readonly vendorType?: string
  /** The canonical `detail`: a second explanation. */
  readonly additionalDetail?: string
  readonly param?: string
  readonly docUrl?: string
  readonly retryable: boolean
  readonly retryAfter?: number
  readonly recognized: boolean
  /** The violations, when there are any. */
  readonly errors?: ReadonlyArray<ProblemViolation>
  /** Nested errors (each a problem document of its own, without `errors`). */
  readonly causes?: ReadonlyArray<ProblemDocument>
  /** Present (and `true`) only when the error tree was cut at the size bounds. */
  readonly truncated?: true
  /** The vendor's own members (canonical `extensions`), when `includeExtensions` is on. */
  readonly [extension: string]: Json | ReadonlyArray<ProblemViolation> | ReadonlyArray<ProblemDocument> | undefined
}
