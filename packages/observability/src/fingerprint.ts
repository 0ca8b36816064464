import type { CanonicalError } from '@faultline/core'

/**
 * A Sentry-style fingerprint that groups errors by what happened, not by message text or stack:
 * `[vendor, kind, reason]`.
 *
 * @example
 * Sentry.captureException(toError(error), { fingerprint: fingerprint(error) })
 * // fingerprint -> ['medblocks', 'rate_limited', 'throttled']
 */
export const fingerprint = (error: CanonicalError): [vendor: string, kind: string, reason: string] => [error.vendor, error.kind, error.reason]
