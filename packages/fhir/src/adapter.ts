import { type Adapter, type AdapterDocumentation } from '@faultline/core'
import { textBounds } from '@faultline/core/internal'
import { fhirCatalog } from './catalog'
import { decodeOperationOutcome, maxIssues } from './decode'
import { toOperationOutcomeResponse } from './encode'

/** The docs page text of the fhir adapter. */
export const fhirDocumentation: AdapterDocumentation = {
  title: 'FHIR R4 OperationOutcome',
  overview:
    'FHIR servers (HAPI, Epic, Cerner, Azure, Google, Medplum...) answer failed interactions with an `OperationOutcome`: ' +
    'a list of issues, each with a `severity`, a `code` from the IssueType hierarchy, `diagnostics`, `details` and an ' +
    '`expression` naming the element. The catalog maps every IssueType by meaning.',
  normalForm: [
    'status: the canonical status, else the kind\'s usual status.',
    'headers: `content-type: application/fhir+json`; `retry-after` (delta-seconds, rounded up) when `retryAfter` is set; `x-request-id` when `requestId` is set.',
    'body: `{"resourceType":"OperationOutcome","extension":[canonical-error],"issue":[...]}`: one issue per violation (`code` from its reason, `expression` its path, `details.text` its message), else one issue for the error (`details.text` the message, `diagnostics` the `detail`); every issue has severity `error` (`warning` for `pending`, which has not failed) and `details.coding` with faultline\'s `kind/reason` code and the vendor\'s code.',
    'A vendor code is written verbatim when it is a valid R4 `code` (no whitespace but single inner spaces, no control character) without `%`; any other is percent-encoded (`E 12  ` -> `E%2012%20%20`) and read back as it was.',
    'The `https://faultline.dev/fhir/StructureDefinition/canonical-error` extension carries kind, reason, vendor, vendorCode, vendorType, message, detail, param, requestId, docUrl, retryable, retryAfter, recognized, truncated, the number of violations and the vendor\'s own members (JSON text); empty strings are left out (FHIR strings may not be empty).',
  ],
  notes: [
    'An OperationOutcome is an error at status 400 or more, with an issue of severity `fatal` or `error` at any status, or when it carries the canonical-error extension. A 2xx outcome of only warnings and information is success (`null`). The result of `$validate` (200 with error issues about the validated resource) therefore reads as an error: do not normalize it.',
    'Without the extension, the first `fatal` / `error` issue is the error: its IssueType decides by meaning; `processing`, `informational` and bare `security` fall back to the status (`recognized: false`). Its first foreign `details.coding` code (or the IssueType) is `vendorCode`, the IssueType `vendorType`, `details.text` (the human sentence; else `diagnostics`) the message, and `diagnostics` beside a `details.text` the `detail`.',
    'Every issue with an `expression` (else a `location`) is a violation; its reason comes from the IssueType (`required` -> `missing_field`, `value` -> `invalid_field`, ...), its message from `details.text`, else `diagnostics`.',
    'faultline writes a code under `transient` exactly for the kinds that are retryable by default: `internal` and `unknown` are written as `processing` (not `exception`, which R4 puts under `transient`); faultline\'s `kind/reason` coding still says what they are, and a reader without it decides by the status.',
    'The request id comes from the `X-Request-Id` / `Request-Id` header (FHIR has no element for it).',
    'Not carried: `causes` (FHIR has no nesting; they are dropped), and foreign extensions; the outcome\'s other members (`id`, `meta`, `text`) go to `extensions`.',
    'XML outcomes (`application/fhir+xml`) are not parsed: their status decides.',
    `At most ${maxIssues} issues are read, and the violations hold at most ${textBounds.maxViolationText} characters of text (\`truncated: true\` beyond).`,
  ],
}

/**
 * The FHIR R4 adapter, id `fhir`: decodes OperationOutcome responses from FHIR servers into the union and
 * encodes canonical errors as OperationOutcomes.
 *
 * @example
 * createNormalizer([fhirAdapter]).normalizeError('fhir', {
 *   status: 404,
 *   body: { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'not-found', diagnostics: 'Resource Patient/123 is not known' }] },
 * }) // -> { kind: 'not_found', reason: 'resource_not_found', vendorCode: 'not-found', ... }
 */
export const fhirAdapter: Adapter = {
  id: 'fhir',
  catalog: fhirCatalog,
  documentation: fhirDocumentation,
  decode: decodeOperationOutcome,
  encode: (error) => toOperationOutcomeResponse(error),
}
