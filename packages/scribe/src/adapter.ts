import { createTypedEnvelopeAdapter, type Adapter, type TypedEnvelopeSpec } from '@faultline/core'
import { scribeCatalog, scribeTypes, scribeTypesAtStatus } from './catalog'
import { scribeRetryPolicy } from './retryPolicy'

const { statuses = [], kinds = [] } = scribeRetryPolicy.retryOn
const typesAtStatus = scribeTypesAtStatus.map(({ type, status, kind }) => `\`${type}\` at ${status} -> \`${kind}\``).join(', ')

/** What the scribe adapter is made of: its catalog, types, retry policy and documentation. */
export const scribeEnvelope: TypedEnvelopeSpec = {
  id: 'scribe',
  catalog: scribeCatalog,
  types: scribeTypes,
  writesNullParam: false,
  retryPolicy: scribeRetryPolicy,
  typesAtStatus: scribeTypesAtStatus,
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
      'An unknown code falls back to its `type` (`invalid_request_error` -> invalid_request, `api_error` -> internal), then to the HTTP status; `recognized: false`, reason `unrecognized`.',
      `Two types are broader than one kind, and for them some statuses say more than the type: ${typesAtStatus}. The scribe files \`resource_not_found\` and \`resource_conflict\` under \`invalid_request_error\`, so an unknown code of that type at 404 or 409 is most likely a sibling of theirs; \`api_error\` is "an internal or upstream service error", and a gateway status says it is the upstream's.`,
      `Retryable is the retry policy's answer, which \`withRetry\` follows too (one truth, decision 020): any error at ${statuses.join(', ')} (the scribe's transient status), and the kinds ${kinds.map((kind) => `\`${kind}\``).join(', ')} (an abort excepted); the scribe documents no other retry behaviour.`,
    ],
  },
}

const envelopeAdapter = /*#__PURE__*/ createTypedEnvelopeAdapter(scribeEnvelope)

// The decoder of an unknown code of `type` at `status`: the same envelope, that type falling back to the narrower kind.
/**
 * The adapter of Telepatia's consultation scribe ("synapse") API.
 *
 * @example
 * createNormalizer([scribeAdapter]).normalizeError('scribe', {
 *   status: 404,
 *   body: { error: { type: 'invalid_request_error', code: 'resource_not_found', message: 'No session scribe found.' } },
 * }) // -> { kind: 'not_found', reason: 'resource_not_found', ... }
 */
export const scribeAdapter: Adapter = envelopeAdapter
