import { type Adapter, type AdapterDocumentation } from '@faultline/core'
import { textBounds } from '@faultline/core/internal'
import { problemCatalog, problemCatalogFor } from './catalog'
import { decodeProblem, problemTreeBounds } from './decode'
import { toProblemResponse } from './encode'
import { problemTypeBase } from './typeUri'
import { maxViolations } from './violations'

/** Options of {@link createProblemAdapter}. */
export interface ProblemAdapterOptions {
  /** The adapter's vendor id (default `problem`). */
  readonly id?: string
  /** The base of the type URIs it writes and recognizes (default {@link problemTypeBase}). */
  readonly typeBase?: string
}

/** The docs page text of the problem adapter. */
export const problemDocumentation: AdapterDocumentation = {
  title: 'RFC 9457 Problem Details',
  overview:
    'Any server that answers failures with `application/problem+json` (RFC 9457, formerly RFC 7807): `type`, `title`, ' +
    '`status`, `detail`, `instance` and extension members. faultline writes one type URI per kind and reason and reads ' +
    'its own types back exactly; any other type falls back to the HTTP status, so a vendor that speaks the RFC needs no code.',
  normalForm: [
    'status: the canonical status, else the kind\'s usual status; the body\'s `status` member repeats it.',
    'headers: `content-type: application/problem+json`; `retry-after` (delta-seconds, rounded up) when `retryAfter` is set; `x-request-id` when `requestId` is set.',
    'body: `type` (`<base><kind>/<reason>`), `title` (stable per type), `detail` (the message), `instance` (`urn:faultline:request:<id>`) when the request id is known, `vendor`, `reason`, `retryable`, `recognized` always; `vendorCode`, `vendorType`, `additionalDetail` (canonical `detail`), `param`, `docUrl`, `retryAfter` when set; `errors` (`{path?, reason, detail, code?}`) when there are violations; `causes` (nested documents, `status` only when known) when there are causes; `truncated: true` when cut; the vendor\'s own members (canonical `extensions`).',
    'Vendor members are written under their own names when these follow RFC 9457 §3.2 (a letter, then letters, digits and `_`, three characters at least) and are not a member faultline writes; any other under `faultline_` and the name escaped (letters and digits kept, `_` as `__`, any other UTF-16 unit as `_<hex>_`): `x-trace-id` -> `faultline_x_2D_trace_2D_id`, `id` -> `faultline_id`, `type` -> `faultline_type`.',
    'An error read from another server\'s document (vendor `problem`, a foreign type as `vendorCode`, kind and reason as its status says) is written back with that `type` and its own `title` (`extensions.title`; none when it had none), without `vendorCode`, and without `additionalDetail` / `docUrl` when the title / the type say them. `instance` is a foreign document\'s own (`extensions.instance`) when there is no request id.',
  ],
  notes: [
    'A problem document is an error at any status when the content type is `application/problem+json`; under another content type an object with a standard member counts at status 400 or more, or without a status line, and an object with a `message` member at status 400 or more (Fastify\'s and hapi\'s `{statusCode, error, message}`, NestJS\').',
    'The message is `detail`, else a `message` text (then not kept in `extensions`; NestJS\' list of messages is kept there), else `title`. A `text/plain` body (or one without a content type) at status 400 or more is the message, trimmed, unless it starts with `<`, `{` or `[`; HTML and other bodies are decided by the status alone.',
    'A foreign `type` (not faultline\'s, not `about:blank`) is kept as `vendorCode` (and as `docUrl` when it is an http(s) URL); the kind comes from the status (`recognized: false`). A type with more than 128 characters after the base is foreign.',
    'A foreign type\'s `title` is kept verbatim as `extensions.title`, and becomes the canonical `detail` when the document also says the occurrence (`detail` or `message`). The title of `about:blank` (the status phrase) is not kept.',
    'The request id is read from `instance` only when it is faultline\'s URN (`urn:faultline:request:<id>`), else from the `X-Request-Id` / `Request-Id` header. Any other `instance` (Spring\'s request path `/account/12345/msgs/abc`, a `urn:uuid:`) names the occurrence in the server\'s terms, not a correlation id: it is kept verbatim as `extensions.instance`.',
    'Members under escaped names (`faultline_...`) are read back under the names they escape; any other member under its own name (documents of other servers, and of faultline before names were escaped).',
    'The `retryAfter` member wins over the `Retry-After` header (it keeps fractions the header rounds).',
    'Violations are read from `errors` (an array, or ASP.NET Core\'s `{ field: [messages] }` map), `invalid-params` (RFC 7807) or `violations` (API Platform): path from `path` / `pointer` / `propertyPath` / `field` / `name`, message from `detail` / `message` / a free-text `reason`.',
    'The `vendor` member, when present, is kept: a problem written by a faultline server for a Medable failure decodes with `vendor: \'medable\'`. A foreign document\'s `vendor`, `vendorCode`, `vendorType`, `reason`, `retryable` and `recognized` are not read, nor kept.',
    `Trees are cut at ${problemTreeBounds.maxDepth} levels of \`causes\` and ${problemTreeBounds.maxNodes} elements of \`causes\` read, a document met twice, ${problemTreeBounds.maxExtensionNodes} values of \`extensions\` over the tree (the root's first), ${textBounds.maxTreeText} characters of text in the causes' fields and as many in all extensions, violations at ${maxViolations} entries and ${textBounds.maxViolationText} characters (\`truncated: true\`).`,
  ],
}

/**
 * A problem+json adapter with its own id and type base (e.g. your documentation's URL).
 *
 * @example
 * const adapter = createProblemAdapter({ id: 'acme', typeBase: 'https://errors.acme.example/' })
 * createNormalizer([adapter]).normalizeError('acme', response)
 */
export function createProblemAdapter(options: ProblemAdapterOptions = {}): Adapter {
  const id = options.id ?? 'problem'
  const typeBase = options.typeBase ?? problemTypeBase
  const catalog = typeBase === problemTypeBase ? problemCatalog : problemCatalogFor(typeBase)
  const dialect = { id, typeBase, catalog }
  return {
    id,
    catalog,
    documentation: problemDocumentation,
    decode: (input, decodeOptions) => decodeProblem(dialect, input, decodeOptions),
    encode: (error) => toProblemResponse(error, { typeBase, id }),
  }
}

/**
 * The RFC 9457 adapter, id `problem`: decodes any `application/problem+json` response into the union and
 * encodes canonical errors as problem+json.
 *
 * @example
 * createNormalizer([problemAdapter]).normalizeError('problem', {
 *   status: 403,
 *   headers: { 'content-type': 'application/problem+json' },
 *   body: { type: 'https://example.com/probs/out-of-credit', title: 'You do not have enough credit.', status: 403 },
 * }) // -> { kind: 'permission', reason: 'unrecognized', vendorCode: 'https://example.com/probs/out-of-credit', ... }
 */
export const problemAdapter: Adapter = /*#__PURE__*/ createProblemAdapter()
