import * as t from 'io-ts'

/**
 * The FHIR R4 IssueType value set (http://hl7.org/fhir/ValueSet/issue-type, a required binding of
 * `OperationOutcome.issue.code`), as an io-ts codec. The hierarchy: invalid > structure, required, value,
 * invariant; security > login, unknown, expired, forbidden, suppressed; processing > not-supported, duplicate,
 * multiple-matches, not-found (> deleted), too-long, code-invalid, extension, too-costly, business-rule,
 * conflict; transient > lock-error, no-store, exception, timeout, incomplete, throttled; informational.
 */
export const IssueType = t.keyof({
  invalid: null,
  structure: null,
  required: null,
  value: null,
  invariant: null,
  security: null,
  login: null,
  unknown: null,
  expired: null,
  forbidden: null,
  suppressed: null,
  processing: null,
  'not-supported': null,
  duplicate: null,
  'multiple-matches': null,
  'not-found': null,
  deleted: null,
  'too-long': null,
  'code-invalid': null,
  extension: null,
  'too-costly': null,
  'business-rule': null,
  conflict: null,
  transient: null,
  'lock-error': null,
  'no-store': null,
  exception: null,
  timeout: null,
  incomplete: null,
  throttled: null,
  informational: null,
})

/** A code of the FHIR R4 IssueType value set. */
export type IssueType = t.TypeOf<typeof IssueType>

/** The FHIR R4 IssueSeverity value set (required binding of `OperationOutcome.issue.severity`). */
export const IssueSeverity = t.keyof({ fatal: null, error: null, warning: null, information: null })

/** A code of the FHIR R4 IssueSeverity value set. */
export type IssueSeverity = t.TypeOf<typeof IssueSeverity>
