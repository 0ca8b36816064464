import type { CanonicalError } from '@faultline/core'
import { safeIdentifier, safeKind } from './identifiers'
import { redact } from './redaction'

/**
 * A Sentry-style fingerprint that groups errors by what happened, not by message text or stack:
 * `[vendor, kind, reason]` (the vendor and the reason through the default redactor, as in span attributes: a
 * reason read from a foreign problem `type` is the vendor's text).
 *
 * @example
 * Sentry.captureException(toError(error), { fingerprint: fingerprint(error) })
 * // fingerprint -> ['medblocks', 'rate_limited', 'throttled']
 */
export const fingerprint = (error: CanonicalError): [vendor: string, kind: string, reason: string] => [
  safeIdentifier(error.vendor, redact),
  safeKind(error.kind),
  safeIdentifier(error.reason, redact),
]
