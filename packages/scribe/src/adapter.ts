import { createTypedEnvelopeAdapter, type Adapter, type TypedEnvelopeSpec } from '@faultline/core'
import { scribeCatalog, scribeTypes } from './catalog'
import { scribeRetryPolicy } from './retryPolicy'

/** What the scribe adapter is made of: its catalog, types, retry policy and documentation. */
export const scribeEnvelope: TypedEnvelopeSpec = {
  id: 'scribe',
  catalog: scribeCatalog,
  types: scribeTypes,
  writesNullParam: false,
  retryPolicy: scribeRetryPolicy,
  documentation: {
    title: 'Consultation scribe (Telepatia)',
    overview:
      'The scribe API answers failures with `{"error":{type, code, message, param}}`; `param` is optional (absent in the ' +
      '401 and 404 examples). Clients switch on `code`: the 404 arrives with `type: "invalid_request_error"`.',
    normalForm: [
      'status: the canonical status, else the code\'s documented status, else the kind\'s usual status.',
      'body: `{"error":{...}}` with `type` and `code` when known, `message`, and `param` only when it is set; `doc_url` / `request_id` when known; `extensions` members written back into `error`.',
      'headers: `retry-after` when `retryAfter` is set, `x-request-id` when `requestId` is set.',
    ],
    notes: [
      '`resource_not_found` is `not_found` although its type is `invalid_request_error` (the code decides).',
      '`account_invalid` (400) is `permission` / `account_misconfigured`: the request is fine, the account behind the key is not.',
      'Nothing is documented about 429, `Retry-After` or request ids: the standard headers are read when present.',
      'An unknown code falls back to its `type` (`api_error` -> internal), then to the HTTP status.',
    ],
  },
}

/**
 * The adapter of Telepatia's consultation scribe ("synapse") API.
 *
 * @example
 * createNormalizer([scribeAdapter]).normalizeError('scribe', {
 *   status: 404,
 *   body: { error: { type: 'invalid_request_error', code: 'resource_not_found', message: 'No session scribe found.' } },
 * }) // -> { kind: 'not_found', reason: 'resource_not_found', ... }
 */
export const scribeAdapter: Adapter = /*#__PURE__*/ createTypedEnvelopeAdapter(scribeEnvelope)
