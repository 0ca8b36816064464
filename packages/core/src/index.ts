// The public API of @faultline/core. What the bundled adapters share beyond it is in ./internal, exported as
// `@faultline/core/internal` for them, with no promise of stability.

// The union, its codec, and the fields it is made of.
export { CanonicalError, HttpStatus, JsonRecordCodec, Reason, ViolationCodec } from './CanonicalError'
export type { ErrorFields, ErrorOfKind, Violation } from './CanonicalError'
export type { Json, JsonRecord } from './json'

// Kinds and reasons, and what a status alone means.
export { isKind, kinds, kindTable, statuslessKinds, UNRECOGNIZED } from './kinds'
export type { Kind, KindInfo, KnownReason } from './kinds'
export { errorStatus, isHttpStatus, kindForStatus } from './statusFallback'
export type { StatusMeaning } from './statusFallback'

// Catalogs: each vendor's one mapping table, and the pages generated from them.
export { defineCatalog, documentedMeaning, fallbackMeaning, meaningOfEntry, meaningOfStatus } from './catalog'
export type { Catalog, CatalogEntry, Meaning } from './catalog'
export { renderCatalogMarkdown } from './renderCatalog'
export { renderKindsMarkdown } from './renderKinds'

// The adapter contract, the one builder, and the helpers an adapter of your own needs.
export type { Adapter, AdapterDocumentation, NormalizeOptions } from './adapter'
export type { WireResponse } from './response'
export { canonicalError, canonicalErrorOf, noCauses, noViolations, statusRead } from './build'
export type { ErrorDraft, ErrorRead } from './build'
export { decodeByStatus, retryAfterOf } from './decodeHelpers'
export { findRequestId } from './requestId'
export { parseHttpDate, parseRetryAfter } from './retryAfter'
export { decodeTransportError, transportError } from './transport'
export type { Arrived } from './transport'
export { createTypedEnvelopeAdapter, envelopeError } from './typedEnvelope'
export type { EnvelopeType, TypedEnvelope, TypedEnvelopeSpec } from './typedEnvelope'

// The input model: readers turn what a client gives into one response view.
export { bodyView, readResponse, responseView, viewOf } from './input/view'
export type { ResponseInput, ResponseView } from './input/view'
export type { Body } from './body'
export type { HeaderMap, HeadersInput } from './headers'
export { readResponseSource } from './input/readers'
export type { BodyStream, ResponseReader, ResponseSource } from './input/ResponseSource'

// The entry points over a set of adapters.
export { createNormalizer } from './normalizer'
export type { NormalizeResponseOptions, Normalizer, VendorId, WithRetryOptions } from './normalizer'

// Typed errors to throw, and retrying.
export {
  ActionRequiredError,
  AuthenticationError,
  ConflictError,
  errorClassOfKind,
  FaultlineError,
  InternalError,
  InvalidRequestError,
  isActionRequiredError,
  isAuthenticationError,
  isConflictError,
  isFaultlineError,
  isInternalError,
  isInvalidRequestError,
  isNotFoundError,
  isPendingError,
  isPermissionError,
  isRateLimitedError,
  isSignatureError,
  isTimeoutError,
  isTransportError,
  isUnavailableError,
  isUnknownError,
  NotFoundError,
  PendingError,
  PermissionError,
  RateLimitedError,
  SignatureError,
  TimeoutError,
  toError,
  TransportError,
  UnavailableError,
  UnknownError,
} from './errors'
export { retryCall } from './retry'
export type { RetryAttempt, RetryOptions } from './retry'
export { backoffDelay, defaultRetryPolicy, retryDecider, retryMeaning, shouldRetry } from './retryPolicy'
export type { BackoffStep, RetryDecision, RetryPolicy } from './retryPolicy'
