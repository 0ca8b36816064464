import type { Adapter, AdapterDocumentation } from '@faultline/core'
import { formatCount, textBounds } from '@faultline/core/internal'
import { medipimCatalog } from './catalog'
import { decodeMedipim } from './decode'
import { encodeMedipim } from './encode'
import { medipimRetryPolicy } from './retryPolicy'
import { maxViolations } from './violations'

const retriedStatuses = (medipimRetryPolicy.retryOn.statuses ?? []).join(', ')
const retriedKinds = (medipimRetryPolicy.retryOn.kinds ?? []).map((kind) => `\`${kind}\``).join(', ')

/** What the Medipim docs page says beyond the catalog (rendered by core's `renderCatalogMarkdown`). */
export const medipimDocumentation: AdapterDocumentation = {
  title: 'Medipim',
  overview:
    'Medipim answers a failed call with `{"error":{status, code, message}}` (plus `violations` on a 422) and an HTTP ' +
    'status that is the reliable one. Codes are dotted (`authentication.not_authenticated`) or flat (`bad_request`). ' +
    'Streaming endpoints answer `application/x-json-stream`, one JSON value per line, and can report a failure after ' +
    'their 200 as an `{"error":{...}}` line in the middle or at the end of the stream.',
  normalForm: [
    "status: the canonical status, else the code's documented status, else the kind's usual status.",
    'body: plain JSON (never a stream) `{"error":{...}}` with `status` equal to the response status, `code` when known, ' +
      '`message`, `violations` only when there are any, and every `extensions` member written back into `error`.',
    'violations: inside `error`, each `{"propertyPath", "message", "code"}` with `propertyPath` left out when the path is ' +
      '`null` and `code` left out when there is none (a foreign violation without a code but with a reason other than ' +
      '`invalid_field` writes that reason as its code).',
    'headers (lower-case): `retry-after` (delta-seconds, rounded up) when `retryAfter` is set; `x-request-id` when ' +
      '`requestId` is set; `allow` on a 405 when `extensions.allow` is a string (then not repeated in the body). No content-type.',
    'L2 holds for every response whose status line is an HTTP status (100-599); an invalid status line is read as ' +
      'no status, which `encode` must replace by a real one.',
  ],
  notes: [
    'The HTTP status line wins over `error.status` (Medipim says so). Exception: a 2xx/3xx answer that carries an ' +
      'error (an error line in a 200 JSON stream, or an envelope in a plain 2xx JSON body) takes `error.status` when it ' +
      'is an integer from 100 to 599, else keeps its status line. A disagreeing `error.status` is not kept.',
    'JSON streams: the FIRST line whose value has an own `error` object wins; only top-level members of a line count. ' +
      'A line is parsed only when it contains `"error"` (or a `\\u` escape that might spell it), so a long product ' +
      'stream costs one substring search per line. A stream without an error line is a success (`null`) below 400.',
    'A documented code maps by meaning. An unknown dotted code takes the kind of its namespace (derived from the ' +
      'catalog: `authentication.*` -> `authentication`), `recognized: false`, reason `unrecognized`; an unknown flat ' +
      'code (or an unknown namespace) falls back to the HTTP status.',
    '`vendorType` is always `null`: Medipim has no error type. `param` is always `null`: Medipim names no single field.',
    '[assumption] The element shape of the 422 `violations` array is not published: `propertyPath` or `path`, ' +
      '`message` and `code` are read (Symfony / API-Platform style), the array inside `error` first, else at the top ' +
      'level of the body. One violation per element, in order: reason `missing_field` for codes saying ' +
      'required / missing / blank / null (and Symfony NotBlank, NotNull, Collection-missing UUIDs), `too_few_items` / ' +
      '`too_many_items` for Count codes, else `invalid_field`; the code is kept as the violation\'s `vendorCode`. A ' +
      'non-object element still counts, with `path: null` (a string element becomes the message). Violations are read ' +
      'whatever the code, since Medipim sent them.',
    `At most ${formatCount(maxViolations)} violations are kept (the first ones), holding at most ${formatCount(textBounds.maxViolationText)} characters of text; a longer array sets \`truncated: true\`.`,
    '[assumption] Whether a 405 carries an `Allow` header is not documented: when present on a 405 it is kept in ' +
      '`extensions.allow` (over an `allow` member of `error`) and written back as an `allow` header.',
    'No `Retry-After` is documented (the limit is 100 requests/minute; Medipim\'s PHP client retries a 429 three ' +
      'times after 1 s, 2 s and 3 s): the header is read when present. `too_many_requests` stays `rate_limited` whatever the header says.',
    `Retryable is the retry policy's answer, which \`withRetry\` follows too (one truth, decision 020): any error at ${retriedStatuses} (as Medipim's client retries it), and the kinds ${retriedKinds} (an abort excepted), so a 503 or 502 from a proxy is retried while a 500 \`server_error\` is not.`,
    'Request ids (contract §4): a `request_id` member of `error` first, though Medipim documents none, then the ' +
      '`X-Request-Id` or `Request-Id` header; `encode` writes it as the `x-request-id` header only.',
    'Unknown members of `error` are kept in `extensions` (bounded JSON copies); other top-level members of the body are not kept.',
    'An HTML, plain-text, empty or unreadable body with a status of 400 or more decodes by its status alone (`recognized: false`).',
  ],
}

/**
 * The Medipim adapter: the API's `{"error":{status, code, message}}` envelope, 422 violations, and errors
 * inside 2xx JSON streams (`application/x-json-stream`).
 *
 * @example
 * createNormalizer([medipimAdapter]).normalizeError('medipim', {
 *   status: 401,
 *   body: { error: { status: 401, code: 'authentication.api_key_not_found', message: 'API key not found' } },
 * }) // -> { kind: 'authentication', reason: 'invalid_credentials', vendorCode: 'authentication.api_key_not_found', ... }
 */
export const medipimAdapter: Adapter = {
  id: medipimCatalog.vendor,
  catalog: medipimCatalog,
  documentation: medipimDocumentation,
  decode: decodeMedipim,
  encode: encodeMedipim,
  retryPolicy: medipimRetryPolicy,
}
