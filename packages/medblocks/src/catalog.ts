import { defineCatalog, type CatalogEntry, type EnvelopeType } from '@faultline/core'

const authentication = 'authentication_error'
const permission = 'permission_error'
const invalidRequest = 'invalid_request_error'
const notFound = 'not_found_error'
const conflict = 'conflict_error'
const rateLimit = 'rate_limit_error'
const ehr = 'ehr_error'
const api = 'api_error'

/**
 * Every public Medblocks code (API errors reference and SDK errors page), mapped by meaning.
 * `status` is the one Medblocks documents for the code's type; the sentence is Medblocks' own.
 */
export const medblocksCatalog = /*#__PURE__*/ defineCatalog('medblocks', [
  { group: authentication, code: 'not_authenticated', status: 401, kind: 'authentication', reason: 'not_authenticated', description: 'The request is not authenticated.' },
  { group: authentication, code: 'invalid_credentials', status: 401, kind: 'authentication', reason: 'invalid_credentials', description: 'Login or credential verification failed.' },
  { group: authentication, code: 'session_expired', status: 401, kind: 'authentication', reason: 'session_expired', description: 'A user session expired.' },
  { group: authentication, code: 'missing_api_key', status: 401, kind: 'authentication', reason: 'missing_credentials', description: 'Authorization header is missing.' },
  { group: authentication, code: 'invalid_api_key', status: 401, kind: 'authentication', reason: 'invalid_credentials', description: 'API key is invalid.' },
  { group: authentication, code: 'expired_api_key', status: 401, kind: 'authentication', reason: 'expired_credentials', description: 'API key is expired.' },
  { group: permission, code: 'forbidden', status: 403, kind: 'permission', reason: 'forbidden', description: 'Authenticated caller cannot access the operation.' },
  { group: permission, code: 'org_access_denied', status: 403, kind: 'permission', reason: 'org_access_denied', description: 'Caller is not a member of the active organization.' },
  { group: permission, code: 'role_insufficient', status: 403, kind: 'permission', reason: 'role_insufficient', description: 'User role is not allowed to perform the operation.' },
  { group: permission, code: 'patient_access_denied', status: 403, kind: 'permission', reason: 'patient_access_denied', description: 'Patient session is required or invalid.' },
  { group: permission, code: 'scope_violation', status: 403, kind: 'permission', reason: 'scope_violation', description: 'Resource is outside the active organization.' },
  { group: permission, code: 'insufficient_scope', status: 403, kind: 'permission', reason: 'insufficient_scope', description: 'API key lacks the required scope.' },
  { group: invalidRequest, code: 'bad_request', status: 400, kind: 'invalid_request', reason: 'malformed', description: 'Request is malformed or missing required fields.' },
  { group: invalidRequest, code: 'invalid_data', status: 400, kind: 'invalid_request', reason: 'validation_failed', description: 'Request data failed validation.' },
  { group: invalidRequest, code: 'payload_too_large', status: 413, kind: 'invalid_request', reason: 'payload_too_large', description: 'Request body is too large.' },
  { group: invalidRequest, code: 'invalid_image', status: 400, kind: 'invalid_request', reason: 'invalid_media', description: 'Image data or format is invalid.' },
  { group: invalidRequest, code: 'unsupported_api_version', status: 400, kind: 'invalid_request', reason: 'unsupported_api_version', description: 'Version header is not supported.' },
  { group: invalidRequest, code: 'oauth_state_expired', status: 400, kind: 'invalid_request', reason: 'oauth_state_expired', description: 'OAuth state expired before callback completion.' },
  { group: notFound, code: 'resource_not_found', status: 404, kind: 'not_found', reason: 'resource_not_found', description: 'Patient, Session, or source was not found.' },
  { group: conflict, code: 'resource_conflict', status: 409, kind: 'conflict', reason: 'resource_conflict', description: 'Request conflicts with existing data.' },
  { group: conflict, code: 'already_linked', status: 409, kind: 'conflict', reason: 'already_linked', description: 'Resource is already linked to another entity.' },
  { group: conflict, code: 'external_id_already_exists', status: 409, kind: 'conflict', reason: 'already_exists', description: 'External identifier already exists in the organization.' },
  { group: rateLimit, code: 'throttled', status: 429, kind: 'rate_limited', reason: 'throttled', description: 'Too many requests.' },
  { group: rateLimit, code: 'quota_exceeded', status: 429, kind: 'rate_limited', reason: 'quota_exceeded', description: 'API key quota is exceeded.' },
  { group: ehr, code: 'fhir_error', status: 502, kind: 'unavailable', reason: 'fhir_failed', description: 'Upstream FHIR service failed.' },
  { group: ehr, code: 'oauth_error', status: 502, kind: 'unavailable', reason: 'oauth_failed', description: 'Upstream OAuth provider failed.' },
  { group: ehr, code: 'email_error', status: 502, kind: 'unavailable', reason: 'email_failed', description: 'Email delivery failed.' },
  { group: ehr, code: 'token_exchange_failed', status: 502, kind: 'unavailable', reason: 'token_exchange_failed', description: 'Medblocks could not exchange an OAuth code for tokens.' },
  { group: ehr, code: 'token_unavailable', status: 502, kind: 'unavailable', reason: 'token_unavailable', description: 'No valid token is available for the upstream service.' },
  { group: ehr, code: 'storage_error', status: 502, kind: 'unavailable', reason: 'storage_failed', description: 'Cloud storage operation failed.' },
  // The API page says "retry with backoff" for 500; the SDK never retries it. Contract §7 follows the SDK.
  { group: api, code: 'internal_error', status: 500, kind: 'internal', reason: 'internal_error', description: 'Unexpected Medblocks server error.' },
  { group: api, code: 'db_error', status: 500, kind: 'internal', reason: 'database_error', description: 'Database operation failed.' },
  { group: api, code: 'config_missing', status: 500, kind: 'internal', reason: 'misconfigured', description: 'Required server configuration is missing.' },
] satisfies ReadonlyArray<CatalogEntry>)

/** Medblocks' documented error types: what an unknown code of each type falls back to. */
export const medblocksTypes: ReadonlyArray<EnvelopeType> = [
  { type: authentication, kind: 'authentication', description: 'Missing, invalid, or expired API key (401).' },
  { type: permission, kind: 'permission', description: 'The key is valid but not allowed here (403).' },
  { type: invalidRequest, kind: 'invalid_request', description: 'A field failed validation, or the request is malformed (400).' },
  { type: notFound, kind: 'not_found', description: 'The resource does not exist for your organization (404).' },
  { type: conflict, kind: 'conflict', description: 'A duplicate external_id or a state conflict (409).' },
  { type: rateLimit, kind: 'rate_limited', description: 'Over quota (429).' },
  { type: ehr, kind: 'unavailable', description: 'An upstream service failed, such as the EHR, OAuth, or storage (502).' },
  { type: api, kind: 'internal', description: 'An unexpected error on the Medblocks side (500).' },
]
