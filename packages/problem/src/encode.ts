import { kindTable, meaningOfStatus, type CanonicalError, type WireResponse } from '@faultline/core'
import { defineMember, nonBlank } from '@faultline/core/internal'
import { instanceOfRequestId, requestInstancePrefix } from './instance'
import { extensionMemberName } from './memberNames'
import { reservedMembers, type ProblemDocument } from './members'
import { problemTitle } from './titles'
import { aboutBlank, parseProblemType, problemType, problemTypeBase } from './typeUri'
import { toProblemViolation } from './violations'

/** Options of {@link toProblemDetails}. */
export interface ProblemDetailsOptions {
  /** The base of the `type` URIs (default {@link problemTypeBase}). */
  readonly typeBase?: string
  /**
   * The id of the adapter that reads problem documents (default `problem`): an error of this vendor read from
   * another server's document (a foreign type, kept as `vendorCode`) is written back with that type and title.
   */
  readonly id?: string
  /**
   * Whether the vendor's own members (canonical `extensions`, e.g. a Medable `trace`) are written as extension
   * members (default `true`, which round-trips). Turn it off when answering clients that must not see them.
   */
  readonly includeExtensions?: boolean
}

/** The media type of a problem details document (RFC 9457 §3). */
export const problemMediaType = 'application/problem+json'

const httpUrl = /^https?:\/\//i

/**
 * The foreign type of an error the problem adapter read from another server's document, when writing it back as
 * `type` loses nothing: the decoder then takes the kind, reason and retryability from the status, so they must be
 * what the status says; it reads no vendor, vendor type or recognition from a foreign document, and takes an
 * http(s) type as the doc URL unless the document names another. Otherwise `undefined`: faultline's type is written.
 */
function foreignTypeOf(error: CanonicalError, status: number | null, base: string, id: string): string | undefined {
  const type = error.vendorCode
  if (type === null || error.vendor !== id || error.recognized || error.vendorType !== null) return undefined
  if (type === aboutBlank || parseProblemType(type, base) !== undefined) return undefined
  if (error.docUrl === null && httpUrl.test(type)) return undefined
  const meaning = meaningOfStatus(status)
  return meaning.kind === error.kind && meaning.reason === error.reason && meaning.retryable === error.retryable ? type : undefined
}

// What the decoder makes the canonical `detail` of a document of a foreign type whose `detail` is the message:
// its title, when that says something besides the message.
const detailOfTitle = (title: string | undefined, message: string): string | null =>
  title !== undefined && nonBlank(title) !== undefined && title !== message ? title : null

function document(error: CanonicalError, options: ProblemDetailsOptions, root: boolean): ProblemDocument {
  const base = options.typeBase ?? problemTypeBase
  // A cause has no status line: it states a status only when it has one.
  const status = root ? (error.status ?? kindTable[error.kind].usualStatus) : error.status
  const foreignType = foreignTypeOf(error, status, base, options.id ?? 'problem')
  let instance = error.requestId === null ? undefined : instanceOfRequestId(error.requestId)
  let title = foreignType === undefined ? problemTitle(error.kind, error.reason) : undefined
  const extensions: Record<string, unknown> = {}
  if (options.includeExtensions !== false) {
    for (const [key, value] of Object.entries(error.extensions)) {
      // A foreign document's own `instance` and `title`, kept by the decoder, go back to their members when these
      // are free and the decoder would read them back as they are; otherwise, like every vendor member named
      // like a member faultline writes, or against RFC 9457 §3.2's advice, under an escaped name.
      if (key === 'instance' && instance === undefined && typeof value === 'string' && !value.startsWith(requestInstancePrefix)) {
        instance = value
      } else if (key === 'title' && foreignType !== undefined && title === undefined && typeof value === 'string' && (error.detail !== null || detailOfTitle(value, error.message) === null)) {
        title = value
      } else {
        defineMember(extensions, extensionMemberName(key, reservedMembers), value)
      }
    }
  }
  // Beside a foreign type the decoder reads the title as the canonical detail, and an http(s) type as the doc URL:
  // those are not written twice.
  const detail = foreignType !== undefined && error.detail === detailOfTitle(title, error.message) ? null : error.detail
  const docUrl = foreignType !== undefined && error.docUrl === foreignType && httpUrl.test(foreignType) ? null : error.docUrl
  return {
    ...(extensions as ProblemDocument),
    type: foreignType ?? problemType(error.kind, error.reason, base),
    ...(title === undefined ? {} : { title }),
    ...(status === null ? {} : { status }),
    detail: error.message,
    ...(instance === undefined ? {} : { instance }),
    vendor: error.vendor,
    reason: error.reason,
    // Beside a foreign type the vendor code is the type.
    ...(error.vendorCode === null || foreignType !== undefined ? {} : { vendorCode: error.vendorCode }),
    ...(error.vendorType === null ? {} : { vendorType: error.vendorType }),
    ...(detail === null ? {} : { additionalDetail: detail }),
    ...(error.param === null ? {} : { param: error.param }),
    ...(docUrl === null ? {} : { docUrl }),
    retryable: error.retryable,
    ...(error.retryAfter === null ? {} : { retryAfter: error.retryAfter }),
    recognized: error.recognized,
    ...(error.violations.length === 0 ? {} : { errors: error.violations.map(toProblemViolation) }),
    ...(error.causes.length === 0 ? {} : { causes: error.causes.map((cause) => document(cause, options, false)) }),
    ...(error.truncated ? { truncated: true as const } : {}),
  }
}

/**
 * The RFC 9457 problem details of a canonical error: `type` a stable URI per kind and reason, `title` stable
 * per type, `status` (the kind's usual status when the error has none), `detail` the message, `instance` the
 * request id, and extension members for every other canonical field (`vendor`, `vendorCode`, `reason`,
 * `retryAfter`, violations as `errors`, ...) and for the vendor's own members (escaped where their names go
 * against RFC 9457 §3.2 or are faultline's). An error read from another server's document is written back with
 * its foreign `type`, `title` and `instance` (decision 009). Pure; reads nothing but the canonical fields.
 *
 * @example
 * toProblemDetails(error)
 * // -> { type: 'https://faultline.dev/problems/rate_limited/throttled', title: 'Too many requests', status: 429,
 * //      detail: 'Too many requests.', vendor: 'medblocks', vendorCode: 'throttled', reason: 'throttled',
 * //      retryable: true, retryAfter: 30, recognized: true, ... }
 */
export function toProblemDetails(error: CanonicalError, options: ProblemDetailsOptions = {}): ProblemDocument {
  return document(error, options, true)
}

/**
 * The whole `application/problem+json` response of a canonical error: the status line, `Content-Type`,
 * `Retry-After` (whole seconds, rounded up) and `X-Request-Id` headers, and {@link toProblemDetails} as body.
 *
 * @example
 * const { status, headers, body } = toProblemResponse(error)
 * reply.status(status).headers(headers).send(body)
 */
export function toProblemResponse(error: CanonicalError, options: ProblemDetailsOptions = {}): WireResponse {
  const body = toProblemDetails(error, options)
  const headers: Record<string, string> = { 'content-type': problemMediaType }
  if (error.retryAfter !== null) headers['retry-after'] = String(Math.ceil(error.retryAfter))
  if (error.requestId !== null) headers['x-request-id'] = error.requestId
  return { status: body.status ?? kindTable[error.kind].usualStatus, headers, body }
}
