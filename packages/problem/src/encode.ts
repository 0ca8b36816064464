import { kindTable, type CanonicalError, type WireResponse } from '@faultline/core'
import { defineMember } from '@faultline/core/internal'
import { instanceOfRequestId } from './instance'
import { knownMembers, type ProblemDocument } from './members'
import { problemTitle } from './titles'
import { problemType, problemTypeBase } from './typeUri'
import { toProblemViolation } from './violations'

/** Options of {@link toProblemDetails}. */
export interface ProblemDetailsOptions {
  /** The base of the `type` URIs (default {@link problemTypeBase}). */
  readonly typeBase?: string
  /**
   * Whether the vendor's own members (canonical `extensions`, e.g. a Medable `trace`) are written as extension
   * members (default `true`, which round-trips). Turn it off when answering clients that must not see them.
   */
  readonly includeExtensions?: boolean
}

/** The media type of a problem details document (RFC 9457 §3). */
export const problemMediaType = 'application/problem+json'

function document(error: CanonicalError, options: ProblemDetailsOptions, root: boolean): ProblemDocument {
  const extensions: Record<string, unknown> = {}
  if (options.includeExtensions !== false) {
    // A vendor member named like a faultline member would be overwritten, or read back as one: it is left out.
    for (const [key, value] of Object.entries(error.extensions)) if (!knownMembers.has(key)) defineMember(extensions, key, value)
  }
  // A cause has no status line: it states a status only when it has one.
  const status = root ? (error.status ?? kindTable[error.kind].usualStatus) : error.status
  return {
    ...(extensions as ProblemDocument),
    type: problemType(error.kind, error.reason, options.typeBase ?? problemTypeBase),
    title: problemTitle(error.kind, error.reason),
    ...(status === null ? {} : { status }),
    detail: error.message,
    ...(error.requestId === null ? {} : { instance: instanceOfRequestId(error.requestId) }),
    vendor: error.vendor,
    reason: error.reason,
    ...(error.vendorCode === null ? {} : { vendorCode: error.vendorCode }),
    ...(error.vendorType === null ? {} : { vendorType: error.vendorType }),
    ...(error.detail === null ? {} : { additionalDetail: error.detail }),
    ...(error.param === null ? {} : { param: error.param }),
    ...(error.docUrl === null ? {} : { docUrl: error.docUrl }),
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
 * `retryAfter`, violations as `errors`, ...). Pure; reads nothing but the canonical fields.
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
