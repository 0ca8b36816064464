import { defineCatalog, type CatalogEntry, type EnvelopeType, type Kind } from '@faultline/core'

/**
 * Every documented code of Telepatia's consultation scribe API, mapped by meaning: the code, not the
 * `type`, says what happened (`resource_not_found` arrives with `type: "invalid_request_error"`).
 */
export const scribeCatalog = /*#__PURE__*/ defineCatalog('scribe', [
  { group: 'invalid_request_error', code: 'parameter_missing', status: 400, kind: 'invalid_request', reason: 'missing_field', description: 'A required field is missing from the request body.' },
  { group: 'invalid_request_error', code: 'parameter_invalid', status: 400, kind: 'invalid_request', reason: 'invalid_field', description: 'A field value is malformed or not accepted.' },
  { group: 'invalid_request_error', code: 'account_invalid', status: 400, kind: 'permission', reason: 'account_misconfigured', description: 'The account associated with the API key is misconfigured.' },
  { group: 'authentication_error', code: 'authentication_required', status: 401, kind: 'authentication', reason: 'invalid_credentials', description: 'Missing or invalid API key.' },
  { group: 'permission_error', code: 'permission_denied', status: 403, kind: 'permission', reason: 'forbidden', description: 'Insufficient permissions for this operation.' },
  { group: 'invalid_request_error', code: 'resource_not_found', status: 404, kind: 'not_found', reason: 'resource_not_found', description: 'The requested resource does not exist.' },
  { group: 'invalid_request_error', code: 'resource_conflict', status: 409, kind: 'conflict', reason: 'already_exists', description: 'A resource with the given identifier already exists.' },
  { group: 'api_error', code: 'service_unavailable', status: 503, kind: 'unavailable', reason: 'dependency_failed', description: 'An external dependency is temporarily down.' },
] satisfies ReadonlyArray<CatalogEntry>)

/** The scribe's documented error types: what an unknown code of each type falls back to. */
export const scribeTypes: ReadonlyArray<EnvelopeType> = [
  { type: 'invalid_request_error', kind: 'invalid_request', description: 'The request is malformed or contains invalid parameters.' },
  { type: 'authentication_error', kind: 'authentication', description: 'Authentication failed (missing or invalid API key).' },
  { type: 'permission_error', kind: 'permission', description: 'The API key does not have permission for this operation.' },
  { type: 'api_error', kind: 'internal', description: 'An internal or upstream service error occurred.' },
]

/** A status at which an unknown code of a broad scribe `type` means a narrower kind than the type alone. */
export interface ScribeTypeAtStatus {
  readonly type: string
  readonly status: number
  readonly kind: Kind
}

/**
 * Where the status says more than the type about an unknown code (`recognized: false`, reason `unrecognized`):
 * the scribe files `resource_not_found` (404) and `resource_conflict` (409) under `invalid_request_error`, so
 * that type at 404, 409 or 429 is a missing resource, a conflict or a throttle; `api_error` is "an internal or
 * upstream service error", and at 502, 503 or 504 it is the upstream's. At any other status the type decides.
 */
export const scribeTypesAtStatus: ReadonlyArray<ScribeTypeAtStatus> = [
  { type: 'invalid_request_error', status: 404, kind: 'not_found' },
  { type: 'invalid_request_error', status: 409, kind: 'conflict' },
  { type: 'invalid_request_error', status: 429, kind: 'rate_limited' },
  { type: 'api_error', status: 502, kind: 'unavailable' },
  { type: 'api_error', status: 503, kind: 'unavailable' },
  { type: 'api_error', status: 504, kind: 'unavailable' },
]
