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
    'body: `type` (`<base><kind>/<reason>`), `title` (stable per type), `detail` (the message), `instance` (`urn:faultline:request:<id>`) when the request id is known, `vendor`, `reason`, `retryable`, `recognized` always; `vendorCode`, `vendorType`, `additionalDetail` (canonical `detail`), `param`, `docUrl`, `retryAfter` when set; `errors` (`{path?, reason, detail, code?}`) when there are violations; `causes` (nested documents, `status` only when known) when there are causes; `truncated: true` when cut; the vendor\'s own members (canonical `extensions`) except those named like a faultline member.',
  ],
  notes: [
    'A problem document is an error at any status when the content type is `application/problem+json`; under another content type an object with a standard member counts at status 400 or more, or without a status line.',
    'A foreign `type` (not faultline\'s, not `about:blank`) is kept as `vendorCode` (and as `docUrl` when it is an http(s) URL); the kind comes from the status (`recognized: false`). A type with more than 128 characters after the base is foreign.',
    'A foreign document\'s `title`, when it also has a `detail`, becomes the canonical `detail`.',
    'The request id is read from `instance` (faultline\'s URN, else the instance verbatim), then the `X-Request-Id` / `Request-Id` header.',
    'The `retryAfter` member wins over the `Retry-After` header (it keeps fractions the header rounds).',
    'Violations are read from `errors` (an array, or ASP.NET Core\'s `{ field: [messages] }` map), `invalid-params` (RFC 7807) or `violations` (API Platform): path from `path` / `pointer` / `propertyPath` / `field` / `name`, message from `detail` / `message` / a free-text `reason`.',
    'The `vendor` member, when present, is kept: a problem written by a faultline server for a Medable failure decodes with `vendor: \'medable\'`.',
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
    encode: (error) => toProblemResponse(error, { typeBase }),
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
