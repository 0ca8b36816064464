import type { CanonicalError, WireResponse } from '@faultline/core'
import { canonicalErrorArbitrary, extraMemberValue, headersInAnyForm, requestId, retryAfterValue, unrelatedHeaders } from '@faultline/testing'
import fc from 'fast-check'
import { reasonCoding, vendorCoding } from '../src/codings'
import { toOperationOutcomeResponse } from '../src/encode'
import { IssueType } from '../src/issueType'

const emptyToNull = (text: string | null): string | null => (text === '' ? null : text)

/**
 * Vendor codes that are no valid R4 `code` as they are (leading, trailing or double white space, tabs, line
 * breaks, control characters, `%`, a lone surrogate), and some that are.
 */
export const awkwardVendorCode: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(' E12', 'E12 ', 'E  12', 'E\t12', 'E\n12', ' ', 'a%20b', '100%', 'E\u000112', 'req_\ud800', 'kRequired', 'not found'),
  fc.string({ minLength: 1, maxLength: 12 }),
  fc.string({ unit: fc.constantFrom(' ', '\t', '\r', 'a', '%', '\ud800'), minLength: 1, maxLength: 6 }),
)

// Now and then an awkward code in place of a vendor code (`undefined`: the code is kept).
const awkwardOrKept = fc.option(awkwardVendorCode, { nil: undefined, freq: 3 })

/** Any canonical error, its vendor codes now and then awkward ones. */
export const awkwardlyCodedError: fc.Arbitrary<CanonicalError> = fc
  .tuple(canonicalErrorArbitrary(), awkwardOrKept, fc.array(awkwardOrKept, { minLength: 3, maxLength: 3 }))
  .map(
    ([error, code, codes]) =>
      ({
        ...error,
        vendorCode: code ?? error.vendorCode,
        violations: error.violations.map((violation, i) => ({ ...violation, vendorCode: codes[i] ?? violation.vendorCode })),
      }) as CanonicalError,
  )

/** What an OperationOutcome can carry of a canonical error: no causes, no empty strings (FHIR forbids them). */
export const fhirCarriableError: fc.Arbitrary<CanonicalError> = awkwardlyCodedError.map(
  (error) =>
    ({
      ...error,
      detail: emptyToNull(error.detail),
      param: emptyToNull(error.param),
      docUrl: emptyToNull(error.docUrl),
      vendorCode: emptyToNull(error.vendorCode),
      vendorType: emptyToNull(error.vendorType),
      requestId: emptyToNull(error.requestId),
      violations: error.violations.map((violation) => ({ ...violation, path: emptyToNull(violation.path), vendorCode: emptyToNull(violation.vendorCode) })),
      causes: [],
    }) as CanonicalError,
)

/** Responses in the fhir adapter's normal form: exactly what its `encode` writes (law L1). */
export const fhirNormalFormResponse = (): fc.Arbitrary<WireResponse> => fhirCarriableError.map((error) => toOperationOutcomeResponse(error))

const junk = fc.constantFrom<unknown>(null, 42, '', ['x'], { nested: true }, true)
const member = (valid: fc.Arbitrary<unknown>) =>
  fc.oneof({ weight: 5, arbitrary: valid }, { weight: 1, arbitrary: junk }, { weight: 2, arbitrary: fc.constant(undefined) })
const strip = (record: Record<string, unknown>) => {
  for (const key of Object.keys(record)) if (record[key] === undefined) delete record[key]
  return record
}
const text = fc.oneof(
  fc.constantFrom('HAPI-2001: Resource Patient/123 is not known', 'Patient.name: minimum required = 1, but only found 0', 'Access denied', 'Successfully deleted 1 resource(s)'),
  fc.string({ maxLength: 30 }),
)
const issueCode = fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...(Object.keys(IssueType.keys) as string[])) }, { weight: 1, arbitrary: fc.string({ maxLength: 10 }) })
const coding = fc.oneof(
  fc.record({ system: fc.constantFrom('urn:oid:1.2.840.114350.1.13.0.1.7.2.657369', 'http://terminology.hl7.org/CodeSystem/operation-outcome'), code: fc.constantFrom('4101', 'MSG_NO_MATCH', '') }),
  fc.tuple(fc.constantFrom('not_found', 'invalid_request', 'nope'), fc.constantFrom('gone', 'missing_field', 'Bad')).map(([kind, reason]) => reasonCoding(kind as never, reason)),
  // Vendor codings as any writer may send them: codes raw, percent-encoded, or malformed escapes.
  fc.tuple(fc.constantFrom('medable', 'acme', '%E0%A4%A'), fc.constantFrom('kRequired', '', 'E%2012', '%E0%A4%A', 'a  b')).map(([vendor, code]) => ({ system: vendor.startsWith('%') ? `https://faultline.dev/fhir/CodeSystem/vendor/${vendor}` : vendorCoding(vendor, code).system, code })),
  junk,
)
const issue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: fc
    .record({
      severity: member(fc.constantFrom('fatal', 'error', 'warning', 'information', 'bogus')),
      code: member(issueCode),
      diagnostics: member(text),
      expression: member(fc.array(fc.oneof(fc.constantFrom('Patient.name', 'Patient.birthDate', ''), junk), { maxLength: 2 })),
      location: member(fc.array(fc.constantFrom('/f:Patient/f:name', ''), { maxLength: 1 })),
      details: member(fc.record({ coding: member(fc.array(coding, { maxLength: 3 })), text: member(text) }).map(strip)),
    })
    .map(strip) },
  { weight: 1, arbitrary: junk },
)
const canonicalPart = fc.oneof(
  fc.record({ url: fc.constant('kind'), valueCode: fc.constantFrom('timeout', 'nope') }),
  fc.record({ url: fc.constant('reason'), valueCode: fc.constantFrom('gateway_timeout', 'Not-Snake') }),
  fc.record({ url: fc.constantFrom('vendor', 'message', 'detail', 'requestId', 'vendorCode'), valueString: fc.oneof(text, fc.constant('')) }),
  fc.record({ url: fc.constantFrom('retryable', 'recognized', 'truncated'), valueBoolean: fc.boolean() }),
  fc.record({ url: fc.constant('retryAfter'), valueDecimal: fc.double({ min: -5, max: 1e5, noNaN: true }) }),
  fc.record({ url: fc.constant('violations'), valueInteger: fc.integer({ min: -1, max: 3 }) }),
  fc.record({ url: fc.constant('extensions'), valueString: fc.oneof(fc.constantFrom('{"a":1}', '[1]', '{', 'null'), fc.jsonValue().map((v) => JSON.stringify(v))) }),
  junk,
)
const foreignOutcome = fc
  .record({
    extras: fc.dictionary(fc.constantFrom('id', 'meta', 'text', 'contained', 'x'), extraMemberValue, { maxKeys: 2 }),
    issue: member(fc.array(issue, { maxLength: 4 })),
    extension: member(
      fc.array(
        fc.oneof(
          fc.record({ url: fc.constant('https://faultline.dev/fhir/StructureDefinition/canonical-error'), extension: fc.array(canonicalPart, { maxLength: 6 }) }),
          fc.record({ url: fc.constant('http://example.org/ext'), valueString: text }),
          junk,
        ),
        { maxLength: 2 },
      ),
    ),
  })
  .map(({ extras, ...members }) => strip({ ...extras, resourceType: 'OperationOutcome', ...members }))

/**
 * Any response a FHIR server (or a proxy in front of it) may send: faultline's normal form, outcomes of any
 * shape with members of the wrong type, foreign codings and extensions, as parsed JSON, text or bytes, HTML
 * and empty bodies, and headers in all three forms.
 */
export function fhirWireResponse(now: number): fc.Arbitrary<{ status: number; headers: unknown; body: unknown }> {
  const outcome = fc.oneof({ weight: 2, arbitrary: fhirCarriableError.map((error) => toOperationOutcomeResponse(error).body) }, { weight: 4, arbitrary: foreignOutcome })
  const body = fc.oneof(
    { weight: 6, arbitrary: outcome },
    { weight: 2, arbitrary: outcome.map((value) => JSON.stringify(value)) },
    { weight: 1, arbitrary: outcome.map((value) => new TextEncoder().encode(JSON.stringify(value))) },
    { weight: 1, arbitrary: fc.constantFrom<unknown>('', '<OperationOutcome xmlns="http://hl7.org/fhir"/>', '{"resourceType":"Patient"}', undefined, null, []) },
  )
  const headers = fc
    .record({
      contentType: fc.option(fc.constantFrom('application/fhir+json', 'application/fhir+json; fhirVersion=4.0', 'application/json'), { nil: undefined }),
      retryAfter: fc.option(retryAfterValue(now), { nil: undefined }),
      requestId: fc.option(requestId, { nil: undefined }),
      unrelated: unrelatedHeaders,
    })
    .chain(({ contentType, retryAfter, requestId, unrelated }) => {
      const record: Record<string, string> = { ...unrelated }
      if (contentType !== undefined) record['content-type'] = contentType
      if (retryAfter !== undefined) record['retry-after'] = retryAfter
      if (requestId !== undefined) record['x-request-id'] = requestId
      return headersInAnyForm(record)
    })
  const status = fc.oneof(fc.constantFrom(200, 201, 400, 401, 403, 404, 409, 410, 412, 422, 429, 500, 503), fc.integer({ min: 100, max: 599 }))
  return fc.record({ status, headers, body })
}
