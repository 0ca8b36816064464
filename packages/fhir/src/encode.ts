import { kindTable, type CanonicalError, type Violation, type WireResponse } from '@faultline/core'
import { reasonCoding, vendorCoding, type CodeableConcept, type Coding } from './codings'
import { canonicalErrorExtension, type Extension } from './extension'
import type { IssueSeverity, IssueType } from './issueType'
import { issueSeverityOf, issueTypeOf, violationIssueType } from './issueTypeTable'

/** One `OperationOutcome.issue` as faultline writes it. */
export interface OperationOutcomeIssue {
  readonly severity: IssueSeverity
  readonly code: IssueType
  /** faultline's `kind/reason` coding, the vendor's code, and the message as `text` (the human sentence). */
  readonly details?: CodeableConcept
  /** The error's `detail`, its technical second explanation (absent when there is none, or it is empty). */
  readonly diagnostics?: string
  /** The violation's path, as the vendor wrote it. */
  readonly expression?: ReadonlyArray<string>
}

/** A FHIR R4 `OperationOutcome` as faultline writes it. */
export interface OperationOutcome {
  readonly resourceType: 'OperationOutcome'
  readonly extension?: ReadonlyArray<Extension>
  readonly issue: ReadonlyArray<OperationOutcomeIssue>
}

/** Options of {@link toOperationOutcome}. */
export interface OperationOutcomeOptions {
  /**
   * Whether to add the canonical-error extension, which carries what no OperationOutcome element holds
   * (kind, reason, vendor, message, detail, request id, retry data, ...) so that the fhir adapter reads the
   * error back (default `true`). Without it the outcome is only the issues.
   */
  readonly canonicalExtension?: boolean
  /** Whether that extension carries the vendor's own members (canonical `extensions`) (default `true`). */
  readonly includeExtensions?: boolean
}

/** The media type of FHIR JSON. */
export const fhirMediaType = 'application/fhir+json'

const nonEmpty = (text: string | null): text is string => text !== null && text.length > 0

// R4: "A human readable description of the error issue SHOULD be placed in details.text"; `diagnostics` holds
// "additional diagnostic information", e.g. how a value is wrong or a stack dump.
function details(error: CanonicalError, reason: string, vendorCode: string | null, text: string): CodeableConcept {
  const coding: Coding[] = [reasonCoding(error.kind, reason)]
  if (nonEmpty(vendorCode)) coding.push(vendorCoding(error.vendor, vendorCode))
  return nonEmpty(text) ? { coding, text } : { coding }
}

function violationIssue(error: CanonicalError, violation: Violation): OperationOutcomeIssue {
  return {
    severity: issueSeverityOf(error.kind),
    code: violationIssueType(violation.reason),
    details: details(error, violation.reason, violation.vendorCode, violation.message),
    ...(nonEmpty(violation.path) ? { expression: [violation.path] } : {}),
  }
}

function errorIssue(error: CanonicalError): OperationOutcomeIssue {
  return {
    severity: issueSeverityOf(error.kind),
    code: issueTypeOf(error.kind, error.reason),
    details: details(error, error.reason, error.vendorCode, error.message),
    ...(nonEmpty(error.detail) ? { diagnostics: error.detail } : {}),
  }
}

/**
 * The FHIR R4 OperationOutcome of a canonical error: one issue per violation (`code` from the reason, e.g.
 * `required` / `value`, `expression` the violation's path, `details.text` its message), else one issue for the
 * error (`code` from the kind and reason: `login`, `forbidden`, `not-found`, `duplicate`, `throttled`,
 * `timeout`, `transient`, `processing`, ...; `details.text` the message, `diagnostics` the `detail`). Severity
 * `error`, `warning` for `pending` (not a failure yet). `details.coding` carries faultline's `kind/reason` code
 * and the vendor's own code (system `https://faultline.dev/fhir/CodeSystem/vendor/<vendor>`, the code
 * percent-encoded where it is no valid R4 `code`). Pure.
 *
 * @example
 * toOperationOutcome(medableValidationError)
 * // -> { resourceType: 'OperationOutcome', issue: [
 * //      { severity: 'error', code: 'value', expression: ['dob'], details: { coding: [...], text: 'Invalid date' } }, ...] }
 */
export function toOperationOutcome(error: CanonicalError, options: OperationOutcomeOptions = {}): OperationOutcome {
  const issue = error.violations.length === 0 ? [errorIssue(error)] : error.violations.map((violation) => violationIssue(error, violation))
  if (options.canonicalExtension === false) return { resourceType: 'OperationOutcome', issue }
  return { resourceType: 'OperationOutcome', extension: [canonicalErrorExtension(error, options.includeExtensions !== false)], issue }
}

/**
 * The whole FHIR response of a canonical error: the status line (the kind's usual status when the error has
 * none), `Content-Type: application/fhir+json`, `Retry-After` and `X-Request-Id`, and the OperationOutcome.
 *
 * @example
 * const { status, headers, body } = toOperationOutcomeResponse(error)
 */
export function toOperationOutcomeResponse(error: CanonicalError, options: OperationOutcomeOptions = {}): WireResponse {
  const headers: Record<string, string> = { 'content-type': fhirMediaType }
  if (error.retryAfter !== null) headers['retry-after'] = String(Math.ceil(error.retryAfter))
  if (error.requestId !== null) headers['x-request-id'] = error.requestId
  return { status: error.status ?? kindTable[error.kind].usualStatus, headers, body: toOperationOutcome(error, options) }
}
