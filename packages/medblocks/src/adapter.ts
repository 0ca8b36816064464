import { createTypedEnvelopeAdapter, type Adapter, type CanonicalError, type NormalizeOptions, type ResponseView, type TypedEnvelopeSpec } from '@faultline/core'
import { readOwnData } from '@faultline/core/internal'
import { medblocksCatalog, medblocksTypes } from './catalog'
import { medblocksRetryPolicy } from './retryPolicy'
import { decodeMedblocksSdkError } from './sdkError'

const { statuses = [], kinds = [] } = medblocksRetryPolicy.retryOn

/** What Medblocks' envelope adapter is made of: its catalog, types, retry policy and documentation. */
export const medblocksEnvelope: TypedEnvelopeSpec = {
  id: 'medblocks',
  catalog: medblocksCatalog,
  types: medblocksTypes,
  writesNullParam: true,
  retryPolicy: medblocksRetryPolicy,
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
      `Retryable is what the SDK retries, and \`withRetry\` asks the same policy (one truth, decision 020): an error at ${statuses.join(', ')} whatever its code, and ${kinds.join(', ')} failures except an abort. Every other status is not retryable whatever the kind: a 500 (the API page says "retry with backoff"; the SDK, which never retries it, wins), a 408 \`timeout\`, a \`rate_limit_error\` at 400, an envelope in a 2xx answer; so is an error without a status (a bare body). The table's retryable column is the answer at the code's documented status.`,
      '`request_id` in the body wins over the SDK\'s `requestId` and the `X-Request-Id` header.',
      'SDK errors decode from own properties only; a `MedblocksRateLimitError`\'s own `retryAfter` is used as it is.',
      '`MedblocksSignatureError` becomes kind `signature` with its `reason`, status `null`, as an instance or as a plain object `{ name, reason, message }` (which reaches the adapter as a bare body: a bare body whose own `name` starts with `Medblocks` is read as an SDK error).',
    ],
  },
}

const envelopeAdapter = /*#__PURE__*/ createTypedEnvelopeAdapter(medblocksEnvelope)

// A bare body (no status line): an SDK error thrown as a plain object with neither `statusCode` nor `requestId`
// (a `MedblocksSignatureError` has neither) is handed over as one; its own `name` says it is an SDK error.
function decodeBareBody(view: ResponseView, options: NormalizeOptions | undefined): CanonicalError | null {
  const value = view.body.type === 'json' ? view.body.value : undefined
  if (typeof value === 'object' && value !== null) {
    try {
      const name = readOwnData(value, 'name')
      const fromSdk = typeof name === 'string' && name.startsWith('Medblocks') ? decodeMedblocksSdkError(value, options, envelopeAdapter.decode) : undefined
      if (fromSdk !== undefined) return fromSdk
    } catch {
      // A hostile object (a Proxy whose traps throw) is no SDK error: the envelope decoder reads what it can.
    }
  }
  return envelopeAdapter.decode(view, options)
}

// The envelope decoder asks the retry policy for `retryable` (decision 020); a bare body may be an SDK error.
const decode: Adapter['decode'] = (view, options) => (view.status === null ? decodeBareBody(view, options) : envelopeAdapter.decode(view, options))

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
  decode,
  decodeThrown: (thrown, options) => decodeMedblocksSdkError(thrown, options, envelopeAdapter.decode),
}
