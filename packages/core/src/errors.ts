import type { CanonicalError } from './CanonicalError'
import type { Kind } from './kinds'

/** The brand that marks faultline's errors across realms and bundle copies (`instanceof` alone cannot). */
const brand: unique symbol = Symbol.for('faultline.error')

/**
 * The error faultline throws: an `Error` carrying the canonical error (`.canonical`) and its most used fields.
 * `JSON.stringify` of one gives the canonical error, never a stack or the raw vendor input.
 */
export class FaultlineError extends Error {
  declare readonly [brand]: true
  readonly canonical: CanonicalError
  readonly kind: Kind
  readonly reason: string
  readonly vendor: string
  readonly vendorCode: string | null
  readonly status: number | null
  readonly requestId: string | null
  readonly retryable: boolean
  readonly retryAfter: number | null

  constructor(canonical: CanonicalError, options?: { readonly cause?: unknown }) {
    super(canonical.message, options?.cause === undefined ? undefined : { cause: options.cause })
    Object.defineProperty(this, brand, { value: true })
    // `cause` may hold the raw vendor input: keep it off JSON and out of enumerable keys.
    if (options?.cause !== undefined) Object.defineProperty(this, 'cause', { value: options.cause, enumerable: false })
    this.name = new.target.name
    this.canonical = canonical
    this.kind = canonical.kind
    this.reason = canonical.reason
    this.vendor = canonical.vendor
    this.vendorCode = canonical.vendorCode
    this.status = canonical.status
    this.requestId = canonical.requestId
    this.retryable = canonical.retryable
    this.retryAfter = canonical.retryAfter
  }

  /** The canonical error: what logs and wire formats should carry. */
  toJSON(): CanonicalError {
    return this.canonical
  }
}

/** The caller is not (or no longer) authenticated. */
export class AuthenticationError extends FaultlineError {}
/** Authenticated, but not allowed. */
export class PermissionError extends FaultlineError {}
/** The request itself is wrong: malformed, or its data fails validation. */
export class InvalidRequestError extends FaultlineError {}
/** The resource or endpoint does not exist (or no longer does). */
export class NotFoundError extends FaultlineError {}
/** The request conflicts with current state. */
export class ConflictError extends FaultlineError {}
/** Too many requests, or the quota is spent. */
export class RateLimitedError extends FaultlineError {}
/** The vendor (or a gateway) gave up waiting. */
export class TimeoutError extends FaultlineError {}
/** The vendor or a service behind it is down or overloaded. */
export class UnavailableError extends FaultlineError {}
/** The vendor failed unexpectedly. */
export class InternalError extends FaultlineError {}
/** Not an error yet: the result is not ready. */
export class PendingError extends FaultlineError {}
/** A person must act before the call can succeed. */
export class ActionRequiredError extends FaultlineError {}
/** No HTTP response was received. */
export class TransportError extends FaultlineError {}
/** A webhook delivery failed verification. */
export class SignatureError extends FaultlineError {}
/** Nothing more specific can be told. */
export class UnknownError extends FaultlineError {}

/** The class of each kind: the one table `toError` reads. */
export const errorClassOfKind: { readonly [K in Kind]: typeof FaultlineError } = {
  authentication: AuthenticationError,
  permission: PermissionError,
  invalid_request: InvalidRequestError,
  not_found: NotFoundError,
  conflict: ConflictError,
  rate_limited: RateLimitedError,
  timeout: TimeoutError,
  unavailable: UnavailableError,
  internal: InternalError,
  pending: PendingError,
  action_required: ActionRequiredError,
  transport: TransportError,
  signature: SignatureError,
  unknown: UnknownError,
}

/**
 * A throwable error of the class of the canonical error's kind.
 *
 * @example
 * const error = normalizeError('medblocks', thrown)
 * throw toError(error, { cause: thrown }) // an AuthenticationError, a RateLimitedError, ...
 */
export function toError(canonical: CanonicalError, options?: { readonly cause?: unknown }): FaultlineError {
  const ErrorClass = errorClassOfKind[canonical.kind] ?? UnknownError
  return new ErrorClass(canonical, options)
}

/**
 * Whether `value` is a faultline error (of `kind`, when given), also across realms and duplicate bundle
 * copies, where `instanceof` fails: it checks the `Symbol.for('faultline.error')` brand.
 */
export function isFaultlineError(value: unknown, kind?: Kind): value is FaultlineError {
  if (typeof value !== 'object' || value === null) return false
  try {
    if ((value as { [brand]?: unknown })[brand] !== true) return false
    const canonical = (value as { canonical?: { kind?: unknown } }).canonical
    return typeof canonical === 'object' && canonical !== null && (kind === undefined || canonical.kind === kind)
  } catch {
    return false
  }
}

const guard =
  <K extends Kind>(kind: K) =>
  (value: unknown): value is FaultlineError & { readonly kind: K } =>
    isFaultlineError(value, kind)

/** Whether `value` is a faultline `authentication` error. */
export const isAuthenticationError = guard('authentication')
/** Whether `value` is a faultline `permission` error. */
export const isPermissionError = guard('permission')
/** Whether `value` is a faultline `invalid_request` error. */
export const isInvalidRequestError = guard('invalid_request')
/** Whether `value` is a faultline `not_found` error. */
export const isNotFoundError = guard('not_found')
/** Whether `value` is a faultline `conflict` error. */
export const isConflictError = guard('conflict')
/** Whether `value` is a faultline `rate_limited` error. */
export const isRateLimitedError = guard('rate_limited')
/** Whether `value` is a faultline `timeout` error. */
export const isTimeoutError = guard('timeout')
/** Whether `value` is a faultline `unavailable` error. */
export const isUnavailableError = guard('unavailable')
/** Whether `value` is a faultline `internal` error. */
export const isInternalError = guard('internal')
/** Whether `value` is a faultline `pending` error. */
export const isPendingError = guard('pending')
/** Whether `value` is a faultline `action_required` error. */
export const isActionRequiredError = guard('action_required')
/** Whether `value` is a faultline `transport` error. */
export const isTransportError = guard('transport')
/** Whether `value` is a faultline `signature` error. */
export const isSignatureError = guard('signature')
/** Whether `value` is a faultline `unknown` error. */
export const isUnknownError = guard('unknown')
