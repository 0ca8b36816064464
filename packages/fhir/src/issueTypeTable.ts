import type { Kind } from '@faultline/core'
import type { IssueSeverity, IssueType } from './issueType'

/** The IssueType of each kind, and of the reasons that say more than their kind. */
type IssueTypeTable = { readonly [K in Kind]: { readonly kind: IssueType; readonly reasons?: Readonly<Record<string, IssueType>> } }

/**
 * Canonical kind and reason -> FHIR IssueType, the most specific code of the hierarchy that says the same
 * thing (`security/login`, `processing/duplicate`, `transient/throttled`, ...). The top of the hierarchy says
 * whether resubmitting can help: `transient` ("may be able to resubmit ... once an underlying issue is
 * resolved") against `processing` ("expected to be final"). A code under `transient` is written exactly for the
 * kinds that are retryable by default (decision 010): so `exception`, which R4 puts under `transient`, is not
 * written for `internal` nor `unknown` (not retryable); they take `processing`, which a reader without faultline's
 * `kind/reason` coding decides by its status. Kinds FHIR has no word for take the nearest code of the right branch: `pending` -> `incomplete`,
 * `action_required` -> `business-rule`, `transport` -> `transient`, `signature` -> `security`.
 */
export const issueTypeTable: IssueTypeTable = {
  authentication: {
    kind: 'login',
    reasons: { expired_credentials: 'expired', session_expired: 'expired', invalid_request_signature: 'security' },
  },
  permission: { kind: 'forbidden', reasons: { csrf_mismatch: 'security', security_violation: 'security' } },
  invalid_request: {
    kind: 'invalid',
    reasons: {
      malformed: 'structure',
      missing_field: 'required',
      invalid_field: 'value',
      too_many_items: 'value',
      too_few_items: 'required',
      payload_too_large: 'too-long',
      unsupported_api_version: 'not-supported',
      unsupported_media_type: 'not-supported',
      method_not_allowed: 'not-supported',
      unsupported_operation: 'not-supported',
      invalid_media: 'value',
      oauth_state_expired: 'expired',
      location_verification_failed: 'business-rule',
    },
  },
  not_found: { kind: 'not-found', reasons: { gone: 'deleted' } },
  conflict: { kind: 'conflict', reasons: { already_exists: 'duplicate', already_linked: 'duplicate' } },
  rate_limited: { kind: 'throttled' },
  timeout: { kind: 'timeout' },
  unavailable: { kind: 'transient', reasons: { storage_failed: 'no-store' } },
  internal: { kind: 'processing', reasons: { not_implemented: 'not-supported' } },
  pending: { kind: 'incomplete' },
  action_required: { kind: 'business-rule' },
  transport: { kind: 'transient', reasons: { timeout: 'timeout' } },
  signature: { kind: 'security' },
  unknown: { kind: 'processing' },
}

/** The IssueType of a kind and reason. */
export function issueTypeOf(kind: Kind, reason: string): IssueType {
  const entry = issueTypeTable[kind]
  return (entry.reasons !== undefined && Object.prototype.hasOwnProperty.call(entry.reasons, reason) ? entry.reasons[reason] : undefined) ?? entry.kind
}

/** The IssueType of a violation (an `invalid_request` problem of one field) by its reason. */
export const violationIssueType = (reason: string): IssueType => issueTypeOf('invalid_request', reason)

/**
 * The severity of an error's issues: `error`, but `warning` for `pending` (not a failure yet: the result is not
 * ready, ask again later; R4's `warning` "not important enough to cause the action to fail"). A reader without
 * faultline's extension takes such an outcome in a 2xx for success (decision 010).
 */
export const issueSeverityOf = (kind: Kind): IssueSeverity => (kind === 'pending' ? 'warning' : 'error')
