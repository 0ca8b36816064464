import { createTypedEnvelopeAdapter, type Adapter, type TypedEnvelopeSpec } from '@faultline/core'
import { medblocksCatalog, medblocksTypes } from './catalog'
import { medblocksRetryableByStatus, medblocksRetryPolicy } from './retryPolicy'
import { decodeMedblocksSdkError } from './sdkError'

/** What Medblocks' envelope adapter is made of: its catalog, types, retry policy and documentation. */
export const medblocksEnvelope: TypedEnvelopeSpec = {
  id: 'medblocks',
  catalog: medblocksCatalog,
  types: medblocksTypes,
  writesNullParam: true,
  retryPolicy: medblocksRetryPolicy,
  // What the SDK retries is decided by status: an internal_error at 503 is retried, a fhir_error at 500 is not.
  retryableByStatus: medblocksRetryableByStatus,
  documentation: {
    title: 'Medblocks',
    overview:
      'Medblocks answers every failed Platform API call with `{"error":{type, code, message, param, doc_url, request_id}}` ' +
      'and a status pinned to the type. Its SDK (`@medblocks/connect`) throws `Medblocks*Error` classes carrying the same ' +
      'fields, and `MedblocksSignatureError` (reason, no status) when a webhook fails verification.',
    normalForm: [
      'status: the canonical status, else the code\'s documented status, else the kind\'s usual status.',
      'body: `{"error":{...}}` with `type` and `code` when known, `message`, `param` always (`null` when there is none), `doc_url` and `request_id` when known, and every member kept in `extensions`.',
      'headers: `retry-after` (delta-seconds, rounded up) when `retryAfter` is set; `x-request-id` when `requestId` is set.',
    ],
    notes: [
      'A known code decides by meaning, whatever the status; an unknown code falls back to its `type`, then to the HTTP status (`recognized: false`).',
      'An envelope inside a 2xx answer is an error that keeps its status line.',
      'Retryable follows the SDK, by status first: 429, 502, 503 and 504 are retryable whatever the code, a 500 never is (the API page says "retry with backoff" for 500; the SDK, which never retries it, wins); other statuses take the code\'s kind.',
      '`request_id` in the body wins over the SDK\'s `requestId` and the `X-Request-Id` header.',
      'SDK errors decode from own properties only; a `MedblocksRateLimitError`\'s own `retryAfter` is used as it is.',
      '`MedblocksSignatureError` becomes kind `signature` with its `reason`, status `null`.',
    ],
  },
}

const envelopeAdapter = /*#__PURE__*/ createTypedEnvelopeAdapter(medblocksEnvelope)

/**
 * The Medblocks adapter: the API's error envelope, the SDK's error classes and webhook signature errors.
 *
 * @example
 * createNormalizer([medblocksAdapter]).normalizeError('medblocks', {
 *   status: 401,
 *   body: { error: { type: 'authentication_error', code: 'invalid_api_key', message: 'API key invalid' } },
 * }) // -> { kind: 'authentication', reason: 'invalid_credentials', ... }
 */
export const medblocksAdapter: Adapter = {
  ...envelopeAdapter,
  decodeThrown: (thrown, options) => decodeMedblocksSdkError(thrown, options, envelopeAdapter.decode),
}
