import type { Kind } from '@faultline/core'
import type { IssueType } from './issueType'

/** The IssueType of each kind, and of the reasons that say more than their kind. */
type IssueTypeTable = { readonly [K in Kind]: { readonly kind: IssueType; readonly reasons?: Readonly<Record<string, IssueType>> } }

/**
 * Canonical kind and reason -> FHIR IssueType, the most specific code of the hierarchy that says the same
 * thing (`security/login`, `processing/duplicate`, `transient/throttled`, ...). Kinds FHIR has no word for
 * take their nearest parent: `pending` -> `incomplete`, `action_required` -> `business-rule`,
 * `transport` -> `transient`, `signature` -> `security`, `unknown` -> `exception`.
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
  internal: { kind: 'exception', reasons: { not_implemented: 'not-supported' } },
  pending: { kind: 'incomplete' },
  action_required: { kind: 'business-rule' },
  transport: { kind: 'transient', reasons: { timeout: 'timeout' } },
  signature: { kind: 'security' },
  unknown: { kind: 'exception' },
}

/** The IssueType of a kind and reason. */
export function issueTypeOf(kind: Kind, reason: string): IssueType {
  const entry = issueTypeTable[kind]
  return (entry.reasons !== undefined && Object.prototype.hasOwnProperty.call(entry.reasons, reason) ? entry.reasons[reason] : undefined) ?? entry.kind
}

/** The IssueType of a violation (an `invalid_request` problem of one field) by its reason. */
export const violationIssueType = (reason: string): IssueType => issueTypeOf('invalid_request', reason)
