import { kindTable } from '@faultline/core'
import { describe, expect, it } from 'vitest'
import { medblocksCatalog, medblocksTypes } from '../src/catalog'

// The 33 public codes of medblocks-api-errors.txt with their types, and the meaning we promise for each.
const documented = [
  ['authentication_error', 'not_authenticated', 'authentication', 'not_authenticated'],
  ['authentication_error', 'invalid_credentials', 'authentication', 'invalid_credentials'],
  ['authentication_error', 'session_expired', 'authentication', 'session_expired'],
  ['authentication_error', 'missing_api_key', 'authentication', 'missing_credentials'],
  ['authentication_error', 'invalid_api_key', 'authentication', 'invalid_credentials'],
  ['authentication_error', 'expired_api_key', 'authentication', 'expired_credentials'],
  ['permission_error', 'forbidden', 'permission', 'forbidden'],
  ['permission_error', 'org_access_denied', 'permission', 'org_access_denied'],
  ['permission_error', 'role_insufficient', 'permission', 'role_insufficient'],
  ['permission_error', 'patient_access_denied', 'permission', 'patient_access_denied'],
  ['permission_error', 'scope_violation', 'permission', 'scope_violation'],
  ['permission_error', 'insufficient_scope', 'permission', 'insufficient_scope'],
  ['invalid_request_error', 'bad_request', 'invalid_request', 'malformed'],
  ['invalid_request_error', 'invalid_data', 'invalid_request', 'validation_failed'],
  ['invalid_request_error', 'payload_too_large', 'invalid_request', 'payload_too_large'],
  ['invalid_request_error', 'invalid_image', 'invalid_request', 'invalid_media'],
  ['invalid_request_error', 'unsupported_api_version', 'invalid_request', 'unsupported_api_version'],
  ['invalid_request_error', 'oauth_state_expired', 'invalid_request', 'oauth_state_expired'],
  ['not_found_error', 'resource_not_found', 'not_found', 'resource_not_found'],
  ['conflict_error', 'resource_conflict', 'conflict', 'resource_conflict'],
  ['conflict_error', 'already_linked', 'conflict', 'already_linked'],
  ['conflict_error', 'external_id_already_exists', 'conflict', 'already_exists'],
  ['rate_limit_error', 'throttled', 'rate_limited', 'throttled'],
  ['rate_limit_error', 'quota_exceeded', 'rate_limited', 'quota_exceeded'],
  ['ehr_error', 'fhir_error', 'unavailable', 'fhir_failed'],
  ['ehr_error', 'oauth_error', 'unavailable', 'oauth_failed'],
  ['ehr_error', 'email_error', 'unavailable', 'email_failed'],
  ['ehr_error', 'token_exchange_failed', 'unavailable', 'token_exchange_failed'],
  ['ehr_error', 'token_unavailable', 'unavailable', 'token_unavailable'],
  ['ehr_error', 'storage_error', 'unavailable', 'storage_failed'],
  ['api_error', 'internal_error', 'internal', 'internal_error'],
  ['api_error', 'db_error', 'internal', 'database_error'],
  ['api_error', 'config_missing', 'internal', 'misconfigured'],
] as const

describe('medblocksCatalog', () => {
  it('holds exactly the 33 public codes', () => {
    expect(documented).toHaveLength(33)
    expect(medblocksCatalog.entries.map((entry) => entry.code).sort()).toEqual(documented.map(([, code]) => code).sort())
  })

  it.each(documented)('%s %s -> %s / %s', (type, code, kind, reason) => {
    expect(medblocksCatalog.lookup(code)).toMatchObject({ group: type, kind, reason })
  })

  it('uses only reasons of the contract vocabulary', () => {
    for (const entry of medblocksCatalog.entries) {
      expect(kindTable[entry.kind].reasons as ReadonlyArray<string>).toContain(entry.reason)
    }
  })

  it('knows every documented type, and every code type is one of them', () => {
    const types = medblocksTypes.map((entry) => entry.type)
    expect(types).toHaveLength(8)
    for (const entry of medblocksCatalog.entries) expect(types).toContain(entry.group)
  })

  it('does not find prototype members', () => {
    expect(medblocksCatalog.lookup('constructor')).toBeUndefined()
    expect(medblocksCatalog.lookup('__proto__')).toBeUndefined()
  })
})
