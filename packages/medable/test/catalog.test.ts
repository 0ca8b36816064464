import { kindTable } from '@faultline/core'
import { describe, expect, it } from 'vitest'
import { medableCatalog } from '../src/catalog'

// Every row of medable-faults.txt: Source, code, status, and the meaning we promise for it.
const documented = [
  ['account', 'kAccountNotActivated', 403, 'permission', 'account_not_active'],
  ['account', 'kAccountNotVerified', 403, 'permission', 'account_not_active'],
  ['account', 'kProviderRegistrationDisabled', 403, 'permission', 'registration_disabled'],
  ['account', 'kSelfRegistrationDisabled', 403, 'permission', 'registration_disabled'],
  ['auth', 'kInvalidRequestSignature', 400, 'authentication', 'invalid_request_signature'],
  ['auth', 'kStaleRequestSignature', 400, 'authentication', 'invalid_request_signature'],
  ['auth', 'kAccountLocked', 403, 'authentication', 'account_locked'],
  ['auth', 'kInvalidCredentials', 403, 'authentication', 'invalid_credentials'],
  ['auth', 'kNoCredentialsSupplied', 403, 'authentication', 'missing_credentials'],
  ['error', 'kIllegalExpansion', 400, 'invalid_request', 'invalid_field'],
  ['error', 'kInvalidArgument', 400, 'invalid_request', 'invalid_field'],
  ['error', 'kInvalidObject', 400, 'invalid_request', 'invalid_field'],
  ['error', 'kAccessDenied', 403, 'permission', 'forbidden'],
  ['error', 'kNotDeletable', 404, 'invalid_request', 'unsupported_operation'],
  ['error', 'kNotFound', 404, 'not_found', 'resource_not_found'],
  ['error', 'kNotPullable', 404, 'invalid_request', 'unsupported_operation'],
  ['error', 'kNotWritable', 404, 'invalid_request', 'unsupported_operation'],
  ['error', 'kTimeout', 408, 'timeout', 'timeout'],
  ['error', 'kExists', 409, 'conflict', 'already_exists'],
  ['error', 'kStaleDocument', 409, 'conflict', 'stale_document'],
  ['error', 'kExpired', 410, 'not_found', 'gone'],
  ['error', 'kRequestTooLarge', 413, 'invalid_request', 'payload_too_large'],
  ['error', 'kThrottled', 429, 'rate_limited', 'throttled'],
  ['error', 'kError', 500, 'internal', 'internal_error'],
  ['error', 'kNotImplemented', 501, 'internal', 'not_implemented'],
  ['error', 'kUnsupportedOperation', 501, 'invalid_request', 'unsupported_operation'],
  ['error', 'kTooBusy', 503, 'unavailable', 'overloaded'],
  ['files', 'kMediaNotReady', 202, 'pending', 'media_not_ready'],
  ['files', 'kMismatchedMediaContentType', 400, 'invalid_request', 'invalid_media'],
  ['files', 'kMissingMediaSource', 400, 'invalid_request', 'missing_field'],
  ['files', 'kMediaTypeNotAllowed', 415, 'invalid_request', 'unsupported_media_type'],
  ['location', 'kNewLocation', 200, 'action_required', 'location_verification_required'],
  ['location', 'kCouldNotReadCookies', 400, 'invalid_request', 'missing_field'],
  ['location', 'kFingerprintMismatch', 400, 'invalid_request', 'location_verification_failed'],
  ['location', 'kInvalidFingerprint', 400, 'invalid_request', 'location_verification_failed'],
  ['location', 'kLocationAlreadyVerified', 400, 'conflict', 'already_exists'],
  ['location', 'kLocationAccessRevoked', 403, 'permission', 'location_denied'],
  ['location', 'kLocationClientMismatch', 403, 'permission', 'location_denied'],
  ['location', 'kUnverifiedLocation', 403, 'action_required', 'location_verification_required'],
  ['registration', 'kAccountActivationRequired', 403, 'permission', 'account_not_active'],
  ['registration', 'kRegistrationInvitationRequired', 403, 'permission', 'forbidden'],
  ['sessions', 'kCSRFTokenMismatch', 403, 'permission', 'csrf_mismatch'],
  ['sessions', 'kLoggedInElsewhere', 403, 'authentication', 'session_revoked'],
  ['sessions', 'kNotLoggedIn', 403, 'authentication', 'not_authenticated'],
  ['sessions', 'kSessionExpired', 403, 'authentication', 'session_expired'],
  ['sessions', 'kSessionOrgMismatch', 403, 'permission', 'org_access_denied'],
  ['sessions', 'kUnsafeGoodsDetected', 403, 'permission', 'security_violation'],
  ['sessions', 'kSessionRequired', 500, 'authentication', 'session_required'],
  ['validation', 'kCastError', 400, 'invalid_request', 'invalid_field'],
  ['validation', 'kCreatableOnly', 400, 'invalid_request', 'invalid_field'],
  ['validation', 'kEnumValue', 400, 'invalid_request', 'invalid_field'],
  ['validation', 'kInvalidDateOfBirth', 400, 'invalid_request', 'invalid_field'],
  ['validation', 'kInvalidDomainFormat', 400, 'invalid_request', 'invalid_field'],
  ['validation', 'kInvalidEmailFormat', 400, 'invalid_request', 'invalid_field'],
  ['validation', 'kInvalidFormat', 400, 'invalid_request', 'invalid_field'],
  ['validation', 'kInvalidIPv4AddrOrCidr', 400, 'invalid_request', 'invalid_field'],
  ['validation', 'kInvalidJSON', 400, 'invalid_request', 'invalid_field'],
  ['validation', 'kInvalidJSONSchema', 400, 'invalid_request', 'invalid_field'],
  ['validation', 'kInvalidNPI', 400, 'invalid_request', 'invalid_field'],
  ['validation', 'kInvalidPhoneNumberFormat', 400, 'invalid_request', 'invalid_field'],
  ['validation', 'kMaxAllowed', 400, 'invalid_request', 'too_many_items'],
  ['validation', 'kMaxItems', 400, 'invalid_request', 'too_many_items'],
  ['validation', 'kMinItems', 400, 'invalid_request', 'too_few_items'],
  ['validation', 'kMinRequired', 400, 'invalid_request', 'too_few_items'],
  ['validation', 'kRequired', 400, 'invalid_request', 'missing_field'],
  ['validation', 'kScriptCompilationError', 400, 'invalid_request', 'invalid_field'],
  ['validation', 'kValidationError', 400, 'invalid_request', 'validation_failed'],
] as const

describe('medableCatalog', () => {
  it('holds every documented code exactly once, with its source and status', () => {
    expect(medableCatalog.entries).toHaveLength(documented.length)
    expect(new Set(medableCatalog.entries.map((entry) => entry.code)).size).toBe(documented.length)
  })

  it.each(documented)('%s %s (%i) -> %s/%s', (group, code, status, kind, reason) => {
    expect(medableCatalog.lookup(code)).toMatchObject({ group, code, status, kind, reason })
  })

  it('uses only the §3 vocabulary and Medable\'s own sentences', () => {
    for (const entry of medableCatalog.entries) {
      expect(kindTable[entry.kind].reasons as ReadonlyArray<string>).toContain(entry.reason)
      expect(entry.description.length).toBeGreaterThan(3)
    }
  })

  it('picks good codes for other vendors\' errors', () => {
    expect(medableCatalog.entryFor('authentication', 'unrecognized')?.code).toBe('kNotLoggedIn')
    expect(medableCatalog.entryFor('permission', 'insufficient_scope')?.code).toBe('kAccessDenied')
    expect(medableCatalog.entryFor('invalid_request', 'malformed')?.code).toBe('kInvalidArgument')
    expect(medableCatalog.entryFor('invalid_request', 'missing_field')?.code).toBe('kRequired')
    expect(medableCatalog.entryFor('unavailable', 'bad_gateway')?.code).toBe('kTooBusy')
    expect(medableCatalog.entryFor('transport', 'timeout')).toBeUndefined()
  })

  it('never finds prototype members', () => {
    expect(medableCatalog.lookup('constructor')).toBeUndefined()
    expect(medableCatalog.lookup('__proto__')).toBeUndefined()
  })
})
