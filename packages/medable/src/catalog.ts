import { defineCatalog, type CatalogEntry } from '@faultline/core'

/**
 * Every code of Medable's fault table (medable-faults.txt), mapped by meaning, not by status: `group` is the
 * table's Source column, `status` the documented status, `description` Medable's own sentence.
 *
 * Order matters: the first entry of a kind (and of a kind and reason) is the code `encode` writes for another
 * vendor's error, so the codes Medable's errCode categories name lead, then sessions (`kNotLoggedIn` first).
 */
export const medableCatalog = /*#__PURE__*/ defineCatalog('medable', [
  // Source "error", the errCode category codes first, in the order of Medable's category table.
  { group: 'error', code: 'kInvalidArgument', status: 400, kind: 'invalid_request', reason: 'invalid_field', description: 'Invalid Argument. Typically accompanied by a reason and path.' },
  { group: 'error', code: 'kAccessDenied', status: 403, kind: 'permission', reason: 'forbidden', description: 'Access to this resource is denied.' },
  { group: 'error', code: 'kNotFound', status: 404, kind: 'not_found', reason: 'resource_not_found', description: 'Resource not found.' },
  { group: 'error', code: 'kTimeout', status: 408, kind: 'timeout', reason: 'timeout', description: 'Timeout.' },
  { group: 'error', code: 'kExists', status: 409, kind: 'conflict', reason: 'already_exists', description: 'Resource already exists.' },
  { group: 'error', code: 'kExpired', status: 410, kind: 'not_found', reason: 'gone', description: 'Resource expired.' },
  { group: 'error', code: 'kRequestTooLarge', status: 413, kind: 'invalid_request', reason: 'payload_too_large', description: 'Request too large.' },
  { group: 'error', code: 'kThrottled', status: 429, kind: 'rate_limited', reason: 'throttled', description: 'Request throttled. Too many requests from the client.' },
  { group: 'error', code: 'kTooBusy', status: 503, kind: 'unavailable', reason: 'overloaded', description: 'Too Busy. The server cannot respond to requests. Clients should scale back requests for a while.' },
  { group: 'error', code: 'kError', status: 500, kind: 'internal', reason: 'internal_error', description: 'Error. General error, accompanied by a "reason", and possible child faults.' },
  { group: 'error', code: 'kNotImplemented', status: 501, kind: 'internal', reason: 'not_implemented', description: 'Not implemented. An unimplemented, undocumented and/or planned feature is part of the api, but not ready for release.' },
  { group: 'error', code: 'kUnsupportedOperation', status: 501, kind: 'invalid_request', reason: 'unsupported_operation', description: 'Unsupported Operation.' },
  { group: 'error', code: 'kIllegalExpansion', status: 400, kind: 'invalid_request', reason: 'invalid_field', description: 'This property cannot be expanded.' },
  { group: 'error', code: 'kInvalidObject', status: 400, kind: 'invalid_request', reason: 'invalid_field', description: 'Invalid or Unknown Object.' },
  // Medable answers 404 for operations a resource does not support; by meaning they are unsupported operations.
  { group: 'error', code: 'kNotDeletable', status: 404, kind: 'invalid_request', reason: 'unsupported_operation', description: 'Resource cannot be deleted.' },
  { group: 'error', code: 'kNotPullable', status: 404, kind: 'invalid_request', reason: 'unsupported_operation', description: 'Removal from collection not supported.' },
  { group: 'error', code: 'kNotWritable', status: 404, kind: 'invalid_request', reason: 'unsupported_operation', description: 'Resource is not writable.' },
  { group: 'error', code: 'kStaleDocument', status: 409, kind: 'conflict', reason: 'stale_document', description: 'Stale document. Versioning error.' },
  // Source "sessions".
  { group: 'sessions', code: 'kNotLoggedIn', status: 403, kind: 'authentication', reason: 'not_authenticated', description: 'You must be logged in to access this resource.' },
  { group: 'sessions', code: 'kCSRFTokenMismatch', status: 403, kind: 'permission', reason: 'csrf_mismatch', description: 'CSRF token mismatch. This occurs is the client is configured to use CSRF protection and the client has not sent the correct Medable-CSRF-Token header.' },
  { group: 'sessions', code: 'kLoggedInElsewhere', status: 403, kind: 'authentication', reason: 'session_revoked', description: 'Logged in elsewhere. This can occur is the org is configure to sign out other client sessions.' },
  { group: 'sessions', code: 'kSessionExpired', status: 403, kind: 'authentication', reason: 'session_expired', description: 'Your session has expired.' },
  { group: 'sessions', code: 'kSessionOrgMismatch', status: 403, kind: 'permission', reason: 'org_access_denied', description: "The application and session Orgs don't match." },
  { group: 'sessions', code: 'kUnsafeGoodsDetected', status: 403, kind: 'permission', reason: 'security_violation', description: 'Authorization security failure.' },
  { group: 'sessions', code: 'kSessionRequired', status: 500, kind: 'authentication', reason: 'session_required', description: 'A session is required to access the resource.' },
  // Source "auth".
  { group: 'auth', code: 'kInvalidRequestSignature', status: 400, kind: 'authentication', reason: 'invalid_request_signature', description: 'Invalid request signature.' },
  { group: 'auth', code: 'kStaleRequestSignature', status: 400, kind: 'authentication', reason: 'invalid_request_signature', description: 'Stale request signature.' },
  { group: 'auth', code: 'kAccountLocked', status: 403, kind: 'authentication', reason: 'account_locked', description: 'Your account access has been disabled.' },
  { group: 'auth', code: 'kInvalidCredentials', status: 403, kind: 'authentication', reason: 'invalid_credentials', description: 'Invalid email/password combination.' },
  { group: 'auth', code: 'kNoCredentialsSupplied', status: 403, kind: 'authentication', reason: 'missing_credentials', description: 'No access credentials were supplied.' },
  // Source "validation": the field-level codes a kValidationError carries as child faults.
  { group: 'validation', code: 'kValidationError', status: 400, kind: 'invalid_request', reason: 'validation_failed', description: 'A validation error has occured. Typically, validation errors will have 1 or more child faults.' },
  { group: 'validation', code: 'kCastError', status: 400, kind: 'invalid_request', reason: 'invalid_field', description: 'Cast error. A request value could not be sanely converted.' },
  { group: 'validation', code: 'kCreatableOnly', status: 400, kind: 'invalid_request', reason: 'invalid_field', description: 'Property is only writable on creation.' },
  { group: 'validation', code: 'kEnumValue', status: 400, kind: 'invalid_request', reason: 'invalid_field', description: 'Please enter a value from the list.' },
  { group: 'validation', code: 'kInvalidDateOfBirth', status: 400, kind: 'invalid_request', reason: 'invalid_field', description: 'Invalid date of birth.' },
  { group: 'validation', code: 'kInvalidDomainFormat', status: 400, kind: 'invalid_request', reason: 'invalid_field', description: 'Invalid domain format.' },
  { group: 'validation', code: 'kInvalidEmailFormat', status: 400, kind: 'invalid_request', reason: 'invalid_field', description: 'Invalid email address format.' },
  { group: 'validation', code: 'kInvalidFormat', status: 400, kind: 'invalid_request', reason: 'invalid_field', description: 'Generic validation string format error.' },
  { group: 'validation', code: 'kInvalidIPv4AddrOrCidr', status: 400, kind: 'invalid_request', reason: 'invalid_field', description: 'Enter a valid IPv4 address or IPv4 CIDR range.' },
  { group: 'validation', code: 'kInvalidJSON', status: 400, kind: 'invalid_request', reason: 'invalid_field', description: 'Please enter valid JSON.' },
  { group: 'validation', code: 'kInvalidJSONSchema', status: 400, kind: 'invalid_request', reason: 'invalid_field', description: 'Please enter a valid JSON schema.' },
  { group: 'validation', code: 'kInvalidNPI', status: 400, kind: 'invalid_request', reason: 'invalid_field', description: 'Invalid NPI format.' },
  { group: 'validation', code: 'kInvalidPhoneNumberFormat', status: 400, kind: 'invalid_request', reason: 'invalid_field', description: 'Invalid phone number format.' },
  { group: 'validation', code: 'kMaxAllowed', status: 400, kind: 'invalid_request', reason: 'too_many_items', description: 'Too many documents in a document array.' },
  { group: 'validation', code: 'kMaxItems', status: 400, kind: 'invalid_request', reason: 'too_many_items', description: 'Too many items in a property array.' },
  { group: 'validation', code: 'kMinItems', status: 400, kind: 'invalid_request', reason: 'too_few_items', description: 'Not enough items in a property array.' },
  { group: 'validation', code: 'kMinRequired', status: 400, kind: 'invalid_request', reason: 'too_few_items', description: 'Not enough documents were provided for a document array.' },
  { group: 'validation', code: 'kRequired', status: 400, kind: 'invalid_request', reason: 'missing_field', description: 'A required value is missing from the request.' },
  { group: 'validation', code: 'kScriptCompilationError', status: 400, kind: 'invalid_request', reason: 'invalid_field', description: 'Script compilation error. An uploaded script has failed to compile.' },
  // Source "account" and "registration".
  { group: 'account', code: 'kAccountNotActivated', status: 403, kind: 'permission', reason: 'account_not_active', description: 'Account is not yet activated.' },
  { group: 'account', code: 'kAccountNotVerified', status: 403, kind: 'permission', reason: 'account_not_active', description: "Account connections can't occur until an account has been verified." },
  { group: 'account', code: 'kProviderRegistrationDisabled', status: 403, kind: 'permission', reason: 'registration_disabled', description: 'Provider registration is not enabled.' },
  { group: 'account', code: 'kSelfRegistrationDisabled', status: 403, kind: 'permission', reason: 'registration_disabled', description: 'Self registration is not enabled.' },
  { group: 'registration', code: 'kAccountActivationRequired', status: 403, kind: 'permission', reason: 'account_not_active', description: 'The account must be activated to login.' },
  // Registration is open; the caller lacks the invitation it requires: not allowed, not disabled.
  { group: 'registration', code: 'kRegistrationInvitationRequired', status: 403, kind: 'permission', reason: 'forbidden', description: 'Registration requires a valid invitation.' },
  // Source "location": a new or unverified sign-in location needs the account holder to act (the CLI treats both alike).
  { group: 'location', code: 'kNewLocation', status: 200, kind: 'action_required', reason: 'location_verification_required', description: 'A new location has been added to the account. 2FA is triggered. A subsequent sign in must use the location verification token.' },
  { group: 'location', code: 'kUnverifiedLocation', status: 403, kind: 'action_required', reason: 'location_verification_required', description: 'Access by this location is pending account holder verification. This occurs when a user signs in from a new location and attempts a login while the 2fA is still in progress.' },
  // A client that sends no readable cookies lacks what sessions require: the request is wrong, not the credentials.
  { group: 'location', code: 'kCouldNotReadCookies', status: 400, kind: 'invalid_request', reason: 'missing_field', description: 'Could not read cookies. Cookies are required for sessions.' },
  { group: 'location', code: 'kFingerprintMismatch', status: 400, kind: 'invalid_request', reason: 'location_verification_failed', description: "Fingerprint doesn't match session." },
  { group: 'location', code: 'kInvalidFingerprint', status: 400, kind: 'invalid_request', reason: 'location_verification_failed', description: 'Invalid location fingerprint.' },
  // Nothing failed: the location is verified already, so the request conflicts with the current state.
  { group: 'location', code: 'kLocationAlreadyVerified', status: 400, kind: 'conflict', reason: 'already_exists', description: 'Location already verified.' },
  { group: 'location', code: 'kLocationAccessRevoked', status: 403, kind: 'permission', reason: 'location_denied', description: 'Access from this location has been revoked.' },
  { group: 'location', code: 'kLocationClientMismatch', status: 403, kind: 'permission', reason: 'location_denied', description: 'Location/Access client mismatch. Occurs if location jiggery pokery is attempted.' },
  // Source "files".
  { group: 'files', code: 'kMediaNotReady', status: 202, kind: 'pending', reason: 'media_not_ready', description: 'File not ready. Not really an error. File processing occurs asynchronously, and depends on the file size, type, and facet processors.' },
  { group: 'files', code: 'kMismatchedMediaContentType', status: 400, kind: 'invalid_request', reason: 'invalid_media', description: "Uploaded file content type must match the source. Occurs during processing if the uploaded file doesn't match the facet's expected content type." },
  { group: 'files', code: 'kMissingMediaSource', status: 400, kind: 'invalid_request', reason: 'missing_field', description: 'A file source is missing from the upload. Occurs when a File is configured with required facets that were not included in the upload request.' },
  { group: 'files', code: 'kMediaTypeNotAllowed', status: 415, kind: 'invalid_request', reason: 'unsupported_media_type', description: "This file type is not allowed. For example, a File facet expecting an image/png will produce this error if the uploaded type doesn't match." },
] satisfies ReadonlyArray<CatalogEntry>)
