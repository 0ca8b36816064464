import { defineCatalog, type Catalog } from '@faultline/core'

/**
 * What each FHIR R4 IssueType means, by meaning (contract §3 rule 1), with the definition the specification
 * gives. `processing`, `informational` and the bare `security` say nothing an HTTP status does not: they are
 * left out, so the status decides (`recognized: false`).
 */
export const fhirCatalog: Catalog = /*#__PURE__*/ defineCatalog('fhir', [
  { code: 'invalid', group: 'invalid', status: 400, kind: 'invalid_request', reason: 'validation_failed', description: 'Content invalid against the specification or a profile.' },
  { code: 'structure', group: 'invalid', status: 400, kind: 'invalid_request', reason: 'malformed', description: 'A structural issue in the content such as wrong namespace, unable to parse the content completely, invalid syntax, etc.' },
  { code: 'required', group: 'invalid', status: 400, kind: 'invalid_request', reason: 'missing_field', description: 'A required element is missing.' },
  { code: 'value', group: 'invalid', status: 400, kind: 'invalid_request', reason: 'invalid_field', description: 'An element or header value is invalid.' },
  { code: 'invariant', group: 'invalid', status: 400, kind: 'invalid_request', reason: 'validation_failed', description: 'A content validation rule failed - e.g. a schematron rule.' },
  { code: 'login', group: 'security', status: 401, kind: 'authentication', reason: 'not_authenticated', description: 'The client needs to initiate an authentication process.' },
  { code: 'unknown', group: 'security', status: 401, kind: 'authentication', reason: 'invalid_credentials', description: 'The user or system was not able to be authenticated (either there is no process, or the proferred token is unacceptable).' },
  { code: 'expired', group: 'security', status: 401, kind: 'authentication', reason: 'session_expired', description: 'User session expired; a login may be required.' },
  { code: 'forbidden', group: 'security', status: 403, kind: 'permission', reason: 'forbidden', description: 'The user does not have the rights to perform this action.' },
  { code: 'suppressed', group: 'security', status: 403, kind: 'permission', reason: 'forbidden', description: 'Some information was not or might not have been returned due to business rules, consent or privacy rules, or access permission constraints.' },
  { code: 'not-supported', group: 'processing', status: 400, kind: 'invalid_request', reason: 'unsupported_operation', description: 'The interaction, operation, resource or profile is not supported.' },
  { code: 'duplicate', group: 'processing', status: 409, kind: 'conflict', reason: 'already_exists', description: 'An attempt was made to create a duplicate record.' },
  { code: 'multiple-matches', group: 'processing', status: 412, kind: 'conflict', reason: 'resource_conflict', description: 'Multiple matching records were found when the operation required only one match.' },
  { code: 'not-found', group: 'processing', status: 404, kind: 'not_found', reason: 'resource_not_found', description: 'The reference provided was not found.' },
  { code: 'deleted', group: 'processing', status: 410, kind: 'not_found', reason: 'gone', description: 'The reference pointed to content (usually a resource) that has been deleted.' },
  { code: 'too-long', group: 'processing', status: 413, kind: 'invalid_request', reason: 'payload_too_large', description: 'Provided content is too long (typically, this is a denial of service protection).' },
  { code: 'code-invalid', group: 'processing', status: 400, kind: 'invalid_request', reason: 'invalid_field', description: 'The code or system could not be understood, or it was not valid in the context of a particular ValueSet.binding.' },
  { code: 'extension', group: 'processing', status: 400, kind: 'invalid_request', reason: 'invalid_field', description: 'An extension was found that was not acceptable, could not be resolved, or a modifierExtension was not recognized.' },
  { code: 'too-costly', group: 'processing', status: 400, kind: 'invalid_request', reason: 'unsupported_operation', description: 'The operation was stopped to protect server resources; e.g. a request for a value set expansion on all of SNOMED CT.' },
  { code: 'business-rule', group: 'processing', status: 422, kind: 'invalid_request', reason: 'validation_failed', description: 'The content/operation failed to pass some business rule and so could not proceed.' },
  { code: 'conflict', group: 'processing', status: 409, kind: 'conflict', reason: 'resource_conflict', description: 'Content could not be accepted because of an edit conflict (i.e. version aware updates).' },
  { code: 'transient', group: 'transient', status: 503, kind: 'unavailable', reason: 'service_unavailable', description: 'Transient processing issues. The system receiving the message may be able to resubmit the same content once an underlying issue is resolved.' },
  { code: 'lock-error', group: 'transient', status: 503, kind: 'unavailable', reason: 'service_unavailable', description: 'A resource/record locking failure (usually in an underlying database).' },
  { code: 'no-store', group: 'transient', status: 503, kind: 'unavailable', reason: 'storage_failed', description: 'The persistent store is unavailable; e.g. the database is down for maintenance or similar action, and the interaction or operation cannot be processed.' },
  { code: 'exception', group: 'transient', status: 500, kind: 'internal', reason: 'internal_error', description: 'An unexpected internal error has occurred.' },
  { code: 'timeout', group: 'transient', status: 504, kind: 'timeout', reason: 'timeout', description: 'An internal timeout has occurred.' },
  { code: 'incomplete', group: 'transient', status: 503, kind: 'unavailable', reason: 'dependency_failed', description: 'Not all data sources typically accessed could be reached or responded in time, so the returned information might not be complete (applies to search interactions and some operations).' },
  { code: 'throttled', group: 'transient', status: 429, kind: 'rate_limited', reason: 'throttled', description: 'The system is not prepared to handle this request due to load management.' },
])
