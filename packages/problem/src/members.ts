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
 * The io-ts codec of a problem document's members that faultline reads: the five of RFC 9457, faultline's
 * extension members, and `message` (the occurrence's text of servers that write no `detail`: Fastify, NestJS,
 * hapi). Every member is optional and read on its own: one of the wrong type is ignored, the others still count
 * (tolerant decoding).
 */
export const ProblemMembers = t.partial({
  type: t.string,
  title: t.string,
  status: t.number,
  detail: t.string,
  instance: t.string,
  message: t.string,
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

/**
 * The member names faultline writes or reads as a field (every member of {@link ProblemMembers} but `message`,
 * which it never writes): a vendor member of such a name is written under an escaped name (`memberNames.ts`).
 */
export const reservedMembers: ReadonlySet<string> = /*#__PURE__*/ new Set(Object.keys(ProblemMembers.props).filter((name) => name !== 'message'))

// The members a decoder may keep in `extensions`, depending on the document: `title` (a foreign type's),
// `instance` (anything but faultline's request URN) and `message` (when `detail` says the occurrence).
const keptWhenUnread = ['title', 'instance', 'message'] as const
const alwaysRead: ReadonlyArray<string> = Object.keys(ProblemMembers.props).filter((name) => !(keptWhenUnread as ReadonlyArray<string>).includes(name))
const readSets: Array<ReadonlySet<string>> = []

/**
 * The members a decoder does not copy to `extensions`: every member of {@link ProblemMembers}, except `title`
 * when the document's type is foreign (kept, so that re-encoding writes it back), `instance` unless it named a
 * request id, and `message` unless it was read as the message.
 */
export function membersRead(keepTitle: boolean, instanceRead: boolean, messageRead: boolean): ReadonlySet<string> {
  const index = (keepTitle ? 0 : 1) + (instanceRead ? 2 : 0) + (messageRead ? 4 : 0)
  let set = readSets[index]
  if (set === undefined) {
    set = new Set([...alwaysRead, ...(keepTitle ? [] : ['title']), ...(instanceRead ? ['instance'] : []), ...(messageRead ? ['message'] : [])])
    readSets[index] = set
  }
  return set
}

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
  /**
   * `${base}${kind}/${reason}`: stable per kind and reason; or the foreign type of an error read from another
   * server's document (its `vendorCode`), when writing it back loses nothing (decision 009).
   */
  readonly type: string
  /**
   * Stable per type: faultline's title of its type (see `problemTitles`), or the foreign document's own title
   * beside its foreign type (absent when that document had none).
   */
  readonly title?: string
  readonly status?: number
  /** The occurrence's explanation: the canonical `message`. */
  readonly detail: string
  /**
   * `urn:faultline:request:<request id>` when the request id is known; else the foreign document's own
   * `instance` (canonical `extensions.instance`), when it had one.
   */
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
  /**
   * The vendor's own members (canonical `extensions`), when `includeExtensions` is on: under their own names
   * when these follow RFC 9457 §3.2, else under escaped names (`faultline_x_2D_trace` for `x-trace`).
   */
  readonly [extension: string]: Json | ReadonlyArray<ProblemViolation> | ReadonlyArray<ProblemDocument> | undefined
}
