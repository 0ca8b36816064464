import { type Kind, type KnownReason } from '@faultline/core'

type TitleTable = { readonly [K in Kind]: { readonly [R in KnownReason<K> | 'unrecognized']: string } }

/**
 * The `title` of every faultline problem type: one short, stable, English summary per kind and reason
 * (RFC 9457 §3.1.3: the title does not change from occurrence to occurrence). `unrecognized` is the kind's title.
 */
export const problemTitles: TitleTable = {
  authentication: {
    unrecognized: 'Authentication required',
    not_authenticated: 'Not authenticated',
    missing_credentials: 'Credentials missing',
    invalid_credentials: 'Invalid credentials',
    expired_credentials: 'Credentials expired',
    inactive_credentials: 'Credentials inactive',
    session_expired: 'Session expired',
    session_required: 'Session required',
    session_revoked: 'Session revoked',
    account_locked: 'Account locked',
    invalid_request_signature: 'Invalid request signature',
  },
  permission: {
    unrecognized: 'Permission denied',
    forbidden: 'Forbidden',
    insufficient_scope: 'Insufficient scope',
    org_access_denied: 'Organization access denied',
    scope_violation: 'Outside the permitted scope',
    role_insufficient: 'Role not permitted',
    patient_access_denied: 'Patient access denied',
    account_not_active: 'Account not active',
    registration_disabled: 'Registration disabled',
    location_denied: 'Location denied',
    csrf_mismatch: 'CSRF token mismatch',
    security_violation: 'Security violation',
    account_misconfigured: 'Account misconfigured',
  },
  invalid_request: {
    unrecognized: 'Invalid request',
    malformed: 'Malformed request',
    validation_failed: 'Validation failed',
    missing_field: 'Required field missing',
    invalid_field: 'Invalid field',
    too_many_items: 'Too many items',
    too_few_items: 'Too few items',
    unsupported_api_version: 'Unsupported API version',
    payload_too_large: 'Payload too large',
    unsupported_media_type: 'Unsupported media type',
    invalid_media: 'Invalid media',
    method_not_allowed: 'Method not allowed',
    unsupported_operation: 'Unsupported operation',
    oauth_state_expired: 'OAuth state expired',
    location_verification_failed: 'Location verification failed',
  },
  not_found: {
    unrecognized: 'Not found',
    resource_not_found: 'Resource not found',
    endpoint_not_found: 'Endpoint not found',
    gone: 'Gone',
  },
  conflict: {
    unrecognized: 'Conflict',
    resource_conflict: 'Resource conflict',
    already_exists: 'Already exists',
    already_linked: 'Already linked',
    stale_document: 'Stale document',
  },
  rate_limited: { unrecognized: 'Rate limited', throttled: 'Too many requests', quota_exceeded: 'Quota exceeded' },
  timeout: { unrecognized: 'Timed out', timeout: 'Request timed out', gateway_timeout: 'Gateway timed out' },
  unavailable: {
    unrecognized: 'Service unavailable',
    service_unavailable: 'Service unavailable',
    overloaded: 'Service overloaded',
    bad_gateway: 'Bad gateway',
    fhir_failed: 'Upstream FHIR service failed',
    oauth_failed: 'Upstream OAuth provider failed',
    email_failed: 'Email delivery failed',
    token_exchange_failed: 'Token exchange failed',
    token_unavailable: 'Token unavailable',
    storage_failed: 'Storage failed',
    dependency_failed: 'Dependency failed',
  },
  internal: {
    unrecognized: 'Internal error',
    internal_error: 'Internal error',
    database_error: 'Database error',
    misconfigured: 'Server misconfigured',
    not_implemented: 'Not implemented',
  },
  pending: { unrecognized: 'Not ready yet', media_not_ready: 'Media not ready yet' },
  action_required: { unrecognized: 'Action required', location_verification_required: 'Location verification required' },
  transport: {
    unrecognized: 'Transport failure',
    connection_failed: 'Connection failed',
    dns_failed: 'DNS lookup failed',
    timeout: 'Connection timed out',
    tls_failed: 'TLS handshake failed',
    aborted: 'Request aborted',
    network_error: 'Network error',
  },
  signature: {
    unrecognized: 'Signature verification failed',
    missing_header: 'Signature header missing',
    malformed_header: 'Signature header malformed',
    timestamp_expired: 'Signature timestamp expired',
    signature_mismatch: 'Signature mismatch',
    malformed_body: 'Signed body malformed',
  },
  unknown: { unrecognized: 'Unknown error' },
}

/** The title of a kind and reason; a reason outside the vocabulary gets its kind's title. */
export function problemTitle(kind: Kind, reason: string): string {
  const titles: Readonly<Record<string, string>> = problemTitles[kind]
  return Object.prototype.hasOwnProperty.call(titles, reason) ? titles[reason]! : titles.unrecognized!
}
