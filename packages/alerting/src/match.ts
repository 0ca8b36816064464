import type { CanonicalError } from '@faultline/core'
import { valuesOf, type AlertMatch, type GroupByField, type OneOrMany } from './AlertRule'
import type { FieldReader } from './groupIndex'
import type { Labeler } from './labels'

const anyOf = <A>(expected: OneOrMany<A> | undefined, actual: A): boolean => {
  const values = valuesOf(expected)
  return values === undefined || values.includes(actual)
}

/**
 * Whether `error` satisfies every field `match` gives (a list means any of its values) and does not satisfy
 * its `not`. Fields are compared with the error's own values: `vendor: 'acme'` matches vendor `acme` whatever
 * the label policy.
 */
export function matches(match: AlertMatch, error: CanonicalError): boolean {
  return (
    anyOf(match.kind, error.kind) &&
    anyOf(match.vendor, error.vendor) &&
    anyOf(match.reason, error.reason) &&
    (match.recognized === undefined || match.recognized === error.recognized) &&
    (match.retryable === undefined || match.retryable === error.retryable) &&
    (error.status === null ? match.status === undefined : anyOf(match.status, error.status)) &&
    (match.not === undefined || !matches(match.not, error))
  )
}

/** A match compiled to a predicate: lists become sets. */
export type CompiledMatch = (error: CanonicalError) => boolean

const setOf = <A>(value: OneOrMany<A> | undefined): ReadonlySet<A> | undefined => {
  const values = valuesOf(value)
  return values === undefined ? undefined : new Set(values)
}

/** `match` compiled once. Law: `compileMatch(match)(error) === matches(match, error)` for every error. */
export function compileMatch(match: AlertMatch): CompiledMatch {
  const kinds = setOf<string>(match.kind)
  const vendors = setOf(match.vendor)
  const reasons = setOf(match.reason)
  const statuses = setOf(match.status)
  const { recognized, retryable } = match
  const not = match.not === undefined ? undefined : compileMatch(match.not)
  return (error) =>
    (kinds === undefined || kinds.has(error.kind)) &&
    (vendors === undefined || vendors.has(error.vendor)) &&
    (reasons === undefined || reasons.has(error.reason)) &&
    (recognized === undefined || recognized === error.recognized) &&
    (retryable === undefined || retryable === error.retryable) &&
    (error.status === null ? statuses === undefined : statuses === undefined || statuses.has(error.status)) &&
    (not === undefined || !not(error))
}

/** The `vendorCode` group value of an error without one. */
export const NO_VENDOR_CODE = 'none'

/** The value an error gives a group-by field, bounded exactly like `groupOf` (and the metrics). */
export function fieldReaderOf(field: GroupByField, labeler: Labeler): FieldReader<CanonicalError> {
  switch (field) {
    case 'vendor':
      return (error) => labeler.vendor(error.vendor)
    case 'kind':
      return (error) => error.kind
    case 'reason':
      return (error) => labeler.reason(error.reason)
    case 'status':
      return (error) => labeler.status(error.status)
    case 'vendorCode':
      return (error) => error.vendorCode ?? NO_VENDOR_CODE
  }
}

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
  for (const field of groupBy) group[field] = fieldReaderOf(field, labeler)(error)
  return group
}
