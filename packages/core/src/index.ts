export { CanonicalError, HttpStatus, JsonRecordCodec, Reason, ViolationCodec } from './CanonicalError'
export type { ErrorFields, ErrorOfKind, Violation } from './CanonicalError'
export type { Adapter, AdapterDocumentation, NormalizeOptions } from './adapter'
export { readBody, textToBody, bytesToText, parseJson, splitLines, isStreamContentType, lastLine, linesBody } from './body'
export type { Body } from './body'
export { canonicalError, canonicalErrorOf, noCauses, noViolations, nonBlank, statusRead, stringOrNull } from './build'
export type { ErrorDraft, ErrorRead } from './build'
export { defineCatalog, documentedMeaning, fallbackMeaning, meaningOfEntry, meaningOfStatus } from './catalog'
export type { Catalog, CatalogEntry, Meaning } from './catalog'
export { decodeByStatus, retryAfterOf } from './decodeHelpers'
export { bodyView, readResponse, responseView, viewOf } from './input/view'
export type { ResponseInput, ResponseView } from './input/view'
export type { BodyStream, ResponseReader, ResponseSource } from './input/ResponseSource'
export { readResponseSource, responseReaders } from './input/readers'
export { readPlainResponse } from './input/plain'
export { isFetchResponse, readFetchResponse } from './input/fetch'
export { readIncomingMessage } from './input/incomingMessage'
export { readHttpError } from './input/httpError'
export { readHeaders, noHeaders } from './headers'
export type { HeaderMap, HeadersInput } from './headers'
export { copyExtras, defineMember, extraMembers, gatherMembers, hasOwnMember, isJson, isPlainObject, leadingElements, readOwnData, splitMembers, splitMembersInto, toJson } from './json'
export type { GatheredMembers, Json, JsonCopyBudget, JsonCopyLimits, JsonRecord } from './json'
export { fieldText, fitViolationText, textBounds } from './textBounds'
export { isReasonWord, isSnakeCase, maxReasonCodeLength, parseReasonCode, reasonCode } from './reasonCode'
export { isKind, kinds, kindTable, statuslessKinds, UNRECOGNIZED } from './kinds'
export type { Kind, KindInfo, KnownReason } from './kinds'
export { createNormalizer } from './normalizer'
export type { NormalizeResponseOptions, Normalizer, VendorId, WithRetryOptions } from './normalizer'
export { renderCatalogMarkdown } from './renderCatalog'
export { findRequestId, requestIdOf } from './requestId'
export type { WireResponse } from './response'
export { parseHttpDate, parseRetryAfter, retryAfterAt } from './retryAfter'
export { errorStatus, isHttpStatus, kindForStatus } from './statusFallback'
export type { StatusMeaning } from './statusFallback'
export { decodeTransportError, transportError, transportReasonOfCode } from './transport'
export { createTypedEnvelopeAdapter, envelopeError, typedEnvelopeDecoder } from './typedEnvelope'
export type { EnvelopeType, TypedEnvelope, TypedEnvelopeSpec } from './typedEnvelope'
export { renderKindsMarkdown } from './renderKinds'
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
export { backoffDelay, defaultRetryPolicy, shouldRetry } from './retryPolicy'
export type { BackoffStep, RetryPolicy } from './retryPolicy'
