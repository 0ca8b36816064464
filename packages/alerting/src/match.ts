import type { CanonicalError } from '@faultline/core'
import { valuesOf, type AlertMatch, type GroupByField, type OneOrMany } from './AlertRule'
import type { Labeler } from './labels'

const anyOf = <A>(expected: OneOrMany<A> | undefined, actual: A): boolean => {
  const values = valuesOf(expected)
  return values === undefined || values.includes(actual)
}

/**
 * Whether `error` satisfies every field `match` gives (a list means any of its values). Fields are
 * compared with the error's own values: `vendor: 'acme'` matches vendor `acme` whatever the label policy.
 */
export function matches(match: AlertMatch, error: CanonicalError): boolean {
  return (
    anyOf(match.kind, error.kind) &&
    anyOf(match.vendor, error.vendor) &&
    anyOf(match.reason, error.reason) &&
    (match.recognized === undefined || match.recognized === error.recognized) &&
    (match.retryable === undefined || match.retryable === error.retryable) &&
    (error.status === null ? match.status === undefined : anyOf(match.status, error.status))
  )
}

/** The `vendorCode` group value of an error without one. */
export const NO_VENDOR_CODE = 'none'

/**
 * The group an error falls in: one label per group-by field, bounded exactly as the metrics label it
 * (`other` vendors and reasons, status classes), except `vendorCode`, which is kept verbatim.
 */
export function groupOf(
  groupBy: ReadonlyArray<GroupByField>,
  error: CanonicalError,
  labeler: Labeler,
): Record<string, string> {
  const group: Record<string, string> = {}
  for (const field of groupBy) {
    switch (field) {
      case 'vendor':
        group.vendor = labeler.vendor(error.vendor)
        break
      case 'kind':
        group.kind = error.kind
        break
      case 'reason':
        group.reason = labeler.reason(error.reason)
        break
      case 'status':
        group.status = labeler.status(error.status)
        break
      case 'vendorCode':
        group.vendorCode = error.vendorCode ?? NO_VENDOR_CODE
        break
    }
  }
  return group
}
