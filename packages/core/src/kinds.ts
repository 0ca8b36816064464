/**
 * The kind vocabulary of contract §3: one declarative table from which every per-kind default is read.
 * `Kind` is derived from it, so the list of kinds exists exactly once.
 */
export const kindTable = {
  authentication: {
    summary: 'The caller is not (or no longer) authenticated.',
    message: 'The request was not authenticated: the credentials are missing, invalid or expired.',
    retryable: false,
    usualStatus: 401,
    reasons: [
      'not_authenticated',
      'missing_credentials',
      'invalid_credentials',
      'expired_credentials',
      'inactive_credentials',
      'session_expired',
      'session_required',
      'session_revoked',
      'account_locked',
      'invalid_request_signature',
    ],
  },
  permission: {
    summary: 'The caller is authenticated, but not allowed to do this.',
    message: 'The credentials are valid but do not allow this operation.',
    retryable: false,
    usualStatus: 403,
    reasons: [
      'forbidden',
      'insufficient_scope',
      'org_access_denied',
      'scope_violation',
      'role_insufficient',
      'patient_access_denied',
      'account_not_active',
      'registration_disabled',
      'location_denied',
      'csrf_mismatch',
      'security_violation',
      'account_misconfigured',
    ],
  },
  invalid_request: {
    summary: 'The request itself is wrong: malformed, or its data fails validation.',
    message: 'The request was rejected as malformed or invalid.',
    retryable: false,
    usualStatus: 400,
    reasons: [
      'malformed',
      'validation_failed',
      'missing_field',
      'invalid_field',
      'too_many_items',
      'too_few_items',
      'unsupported_api_version',
      'payload_too_large',
      'unsupported_media_type',
      'invalid_media',
      'method_not_allowed',
      'unsupported_operation',
      'oauth_state_expired',
      'location_verification_failed',
    ],
  },
  not_found: {
    summary: 'The resource or endpoint does not exist (or no longer does).',
    message: 'The requested resource was not found.',
    retryable: false,
    usualStatus: 404,
    reasons: ['resource_not_found', 'endpoint_not_found', 'gone'],
  },
  conflict: {
    summary: 'The request conflicts with the current state of the resource.',
    message: 'The request conflicts with the current state of the resource.',
    retryable: false,
    usualStatus: 409,
    reasons: ['resource_conflict', 'already_exists', 'already_linked', 'stale_document'],
  },
  rate_limited: {
    summary: 'Too many requests, or the quota is spent.',
    message: 'Too many requests: the rate limit or quota was exceeded.',
    retryable: true,
    usualStatus: 429,
    reasons: ['throttled', 'quota_exceeded'],
  },
  timeout: {
    summary: 'The server (or a gateway) gave up waiting.',
    message: 'The vendor timed out before completing the request.',
    retryable: true,
    usualStatus: 504,
    reasons: ['timeout', 'gateway_timeout'],
  },
  unavailable: {
    summary: 'The vendor, or a service behind it, is down or overloaded.',
    message: 'The vendor or a service it depends on is temporarily unavailable.',
    retryable: true,
    usualStatus: 503,
    reasons: [
      'service_unavailable',
      'overloaded',
      'bad_gateway',
      'fhir_failed',
      'oauth_failed',
      'email_failed',
      'token_exchange_failed',
      'token_unavailable',
      'storage_failed',
      'dependency_failed',
    ],
  },
  internal: {
    summary: 'The vendor failed unexpectedly.',
    message: 'The vendor failed unexpectedly while handling the request.',
    retryable: false,
    usualStatus: 500,
    reasons: ['internal_error', 'database_error', 'misconfigured', 'not_implemented'],
  },
  pending: {
    summary: 'Not an error yet: the result is not ready, ask again later.',
    message: 'The result is not ready yet; ask again later.',
    retryable: true,
    usualStatus: 202,
    reasons: ['media_not_ready'],
  },
  action_required: {
    summary: 'A person must act before the call can succeed.',
    message: 'A person must act (for example confirm a new sign-in location) before the request can succeed.',
    retryable: false,
    usualStatus: 403,
    reasons: ['location_verification_required'],
  },
  transport: {
    summary: 'No HTTP response was received.',
    message: 'No response was received from the vendor.',
    retryable: true,
    usualStatus: 503,
    reasons: ['connection_failed', 'dns_failed', 'timeout', 'tls_failed', 'aborted', 'network_error'],
  },
  signature: {
    summary: 'A webhook delivery failed verification (client side).',
    message: 'The webhook delivery failed signature verification.',
    retryable: false,
    usualStatus: 400,
    reasons: ['missing_header', 'malformed_header', 'timestamp_expired', 'signature_mismatch', 'malformed_body'],
  },
  unknown: {
    summary: 'Nothing more specific can be told.',
    message: 'An unrecognized error occurred.',
    retryable: false,
    usualStatus: 500,
    reasons: ['unrecognized'],
  },
} as const satisfies Record<string, KindInfo>

/** What the table says of one kind. */
export interface KindInfo {
  /** One sentence: when this kind happens. */
  readonly summary: string
  /** The message an error of this kind gets when the vendor gives none. */
  readonly message: string
  /** Whether repeating the same request later can succeed, unless a vendor code says otherwise. */
  readonly retryable: boolean
  /** The HTTP status an encoder writes for an error of this kind that has none (§7). */
  readonly usualStatus: number
  /** The documented reason vocabulary of this kind. */
  readonly reasons: ReadonlyArray<string>
}

/** What happened, vendor-neutral. */
export type Kind = keyof typeof kindTable

/** A reason of the documented vocabulary of kind `K`. */
export type KnownReason<K extends Kind = Kind> = (typeof kindTable)[K]['reasons'][number]

/** Every kind, in the order of contract §3. */
export const kinds = /*#__PURE__*/ Object.keys(kindTable) as ReadonlyArray<Kind>

/** Whether `value` is one of the 14 kinds. */
export const isKind = (value: unknown): value is Kind =>
  typeof value === 'string' && Object.prototype.hasOwnProperty.call(kindTable, value)

/** The reason an error gets when nothing names a finer one. */
export const UNRECOGNIZED = 'unrecognized'

/** Kinds whose errors never carry an HTTP status (no response was received, or none was involved). */
export const statuslessKinds: ReadonlySet<Kind> = /*#__PURE__*/ new Set<Kind>(['transport', 'signature'])
