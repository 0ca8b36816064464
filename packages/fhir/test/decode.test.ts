import { canonicalError, createNormalizer, readResponse } from '@faultline/core'
import { describe, expect, it } from 'vitest'
import { fhirAdapter } from '../src/adapter'
import { fhirCatalog } from '../src/catalog'
import { toOperationOutcome } from '../src/encode'
import { issueTypeOf } from '../src/issueTypeTable'

const { normalizeError } = createNormalizer([fhirAdapter])
const outcome = (...issue: unknown[]) => ({ resourceType: 'OperationOutcome', issue })

describe('decoding OperationOutcome responses', () => {
  it('decodes a HAPI 404 by its IssueType', () => {
    const error = normalizeError('fhir', {
      status: 404,
      headers: { 'content-type': 'application/fhir+json;charset=utf-8', 'X-Request-Id': 'hapi-7Ql3' },
      body: JSON.stringify({
        resourceType: 'OperationOutcome',
        text: { status: 'generated', div: '<div xmlns="http://www.w3.org/1999/xhtml">...</div>' },
        issue: [{ severity: 'error', code: 'not-found', diagnostics: 'HAPI-2001: Resource Patient/123 is not known' }],
      }),
    })
    expect(error).toMatchObject({
      kind: 'not_found',
      reason: 'resource_not_found',
      vendor: 'fhir',
      vendorCode: 'not-found',
      vendorType: 'not-found',
      status: 404,
      message: 'HAPI-2001: Resource Patient/123 is not known',
      requestId: 'hapi-7Ql3',
      recognized: true,
      extensions: { text: { status: 'generated' } },
    })
  })

  it('turns issues with an expression into violations, and keeps a server\'s own coding as vendorCode', () => {
    const error = normalizeError('fhir', {
      status: 422,
      body: outcome(
        { severity: 'error', code: 'required', diagnostics: 'Patient.name: minimum required = 1, but only found 0', expression: ['Patient.name'] },
        { severity: 'error', code: 'value', details: { text: 'Invalid date', coding: [{ system: 'urn:oid:1.2.840.114350', code: '59100' }] }, location: ['Patient.birthDate'] },
        { severity: 'warning', code: 'informational', diagnostics: 'Unknown extension ignored' },
      ),
    })
    expect(error).toMatchObject({ kind: 'invalid_request', reason: 'missing_field', status: 422, message: 'Patient.name: minimum required = 1, but only found 0' })
    expect(error?.violations).toEqual([
      { path: 'Patient.name', reason: 'missing_field', message: 'Patient.name: minimum required = 1, but only found 0', vendorCode: null },
      { path: 'Patient.birthDate', reason: 'invalid_field', message: 'Invalid date', vendorCode: '59100' },
    ])
  })

  it('lets the status decide for `processing` and bare `security`', () => {
    expect(normalizeError('fhir', { status: 404, body: outcome({ severity: 'error', code: 'processing', diagnostics: 'Unknown resource' }) })).toMatchObject({ kind: 'not_found', recognized: false })
    expect(normalizeError('fhir', { status: 401, body: outcome({ severity: 'error', code: 'security' }) })).toMatchObject({ kind: 'authentication', recognized: false })
  })

  it('treats informational outcomes in a 2xx as success, and failing issues as errors at any status', () => {
    expect(normalizeError('fhir', { status: 200, body: outcome({ severity: 'information', code: 'informational', diagnostics: 'Successfully deleted 1 resource(s)' }) })).toBeNull()
    expect(normalizeError('fhir', { status: 200, body: outcome({ severity: 'fatal', code: 'exception' }) })).toMatchObject({ kind: 'internal', status: 200 })
    expect(normalizeError('fhir', { status: 503, headers: { 'retry-after': '5' }, body: '<html>down</html>' })).toMatchObject({ kind: 'unavailable', retryAfter: 5, recognized: false })
  })

  it('reads back an outcome faultline wrote, with the fields FHIR has no element for', () => {
    const error = canonicalError({
      kind: 'authentication',
      reason: 'session_expired',
      vendor: 'medable',
      vendorCode: 'kSessionExpired',
      status: 403,
      message: 'Session expired.',
      requestId: 'req_1',
      retryAfter: 2.5,
      extensions: { errCode: 'cortex.accessDenied.sessionExpired' },
    })
    const decoded = fhirAdapter.decode(readResponse(fhirAdapter.encode(error)))
    expect(decoded).toEqual(error)
    expect(fhirAdapter.decode(readResponse({ status: 403, body: toOperationOutcome(error, { canonicalExtension: false }) }))).toMatchObject({
      kind: 'authentication',
      reason: 'session_expired',
      vendor: 'medable',
      vendorCode: 'kSessionExpired',
      requestId: null,
    })
  })

  it('the IssueType written for a kind and reason reads back as that kind, where FHIR has a word for it', () => {
    for (const entry of fhirCatalog.entries.filter((entry) => entry.kind !== 'internal')) {
      expect(fhirCatalog.lookup(issueTypeOf(entry.kind, entry.reason))?.kind, entry.code).toBe(entry.kind)
    }
    for (const kind of ['authentication', 'permission', 'invalid_request', 'not_found', 'conflict', 'rate_limited', 'timeout', 'unavailable'] as const) {
      expect(fhirCatalog.lookup(issueTypeOf(kind, 'unrecognized'))?.kind).toBe(kind)
    }
    // `internal` is written as `processing` (R4 puts `exception` under `transient`): faultline's reason coding still
    // says the kind and reason; without it, the status decides.
    const internal = canonicalError({ kind: 'internal', reason: 'database_error', vendor: 'acme', status: 500 })
    const plain = toOperationOutcome(internal, { canonicalExtension: false })
    expect(plain.issue[0]?.code).toBe('processing')
    expect(fhirAdapter.decode(readResponse({ status: 500, body: plain }))).toMatchObject({ kind: 'internal', reason: 'database_error', recognized: true })
    const uncoded = { ...plain, issue: plain.issue.map(({ details: _details, ...issue }) => issue) }
    expect(fhirAdapter.decode(readResponse({ status: 500, body: uncoded }))).toMatchObject({ kind: 'internal', reason: 'unrecognized', recognized: false })
  })
})

describe('long reason codes', () => {
  it('does not read a reason code of more than 128 characters as faultline\'s', () => {
    const coding = (code: string) => ({ system: 'https://faultline.dev/fhir/CodeSystem/reason', code })
    const issue = (code: string) => ({ severity: 'error', code: 'invalid', details: { coding: [coding(code)] } })
    const decode = (code: string) => normalizeError('fhir', { status: 400, body: outcome(issue(code)) })
    expect(decode('invalid_request/missing_field')?.reason).toBe('missing_field')
    expect(decode(`invalid_request/${'a'.repeat(120)}`)?.reason).not.toBe('a'.repeat(120))
  })
})

describe('issues an outcome in memory repeats', () => {
  it('reads an issue object, and a coding array, once however often they appear', () => {
    let issueReads = 0
    let codingReads = 0
    const coding = [{ system: 'https://faultline.dev/fhir/CodeSystem/vendor/acme', get code() { codingReads++; return 'E1' } }]
    const issue = { get severity() { issueReads++; return 'error' }, code: 'invalid', details: { coding } }
    const distinct = Array.from({ length: 100 }, () => ({ severity: 'error', code: 'invalid', details: { coding } }))
    const error = normalizeError('fhir', { status: 400, body: outcome(...Array(1_000).fill(issue), ...distinct) })
    expect([error?.vendor, error?.vendorCode]).toEqual(['acme', 'E1'])
    expect([issueReads, codingReads]).toEqual([1, 1])
  })
})

describe('the human sentence and the technical text', () => {
  // HL7 FHIR R4 operationoutcome-example.json ("101"), as published.
  const example101 = {
    resourceType: 'OperationOutcome',
    id: '101',
    text: { status: 'generated', div: '<div xmlns="http://www.w3.org/1999/xhtml">\n      <p>The code &quot;W&quot; is not known and not legal Patient.gender.</p>\n    </div>' },
    issue: [
      {
        severity: 'error',
        code: 'code-invalid',
        details: { text: 'The code "W" is not known and not legal in this context' },
        diagnostics: 'Acme.Interop.FHIRProcessors.Patient.processGender line 2453',
        location: ['/f:Patient/f:gender'],
        expression: ['Patient.gender'],
      },
    ],
    meta: { tag: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ActReason', code: 'HTEST', display: 'test health data' }] },
  }

  it('reads `details.text` as the message and `diagnostics` as the detail (HL7\'s example 101)', () => {
    const error = normalizeError('fhir', { status: 400, headers: { 'content-type': 'application/fhir+json' }, body: example101 })
    expect(error).toMatchObject({
      kind: 'invalid_request',
      reason: 'invalid_field',
      vendorCode: 'code-invalid',
      message: 'The code "W" is not known and not legal in this context',
      detail: 'Acme.Interop.FHIRProcessors.Patient.processGender line 2453',
      violations: [{ path: 'Patient.gender', reason: 'invalid_field', message: 'The code "W" is not known and not legal in this context', vendorCode: null }],
      extensions: { id: '101', meta: example101.meta },
    })
    expect(fhirAdapter.decode(readResponse(fhirAdapter.encode(error!)))).toEqual(error)
  })

  it('writes the message as `details.text` and the detail as `diagnostics`, and reads them back without the extension', () => {
    const error = canonicalError({ kind: 'internal', reason: 'database_error', vendor: 'acme', status: 500, message: 'The record could not be saved.', detail: 'PSQLException: connection reset (Repo.java:88)' })
    const [issue] = toOperationOutcome(error).issue
    expect(issue).toMatchObject({ details: { text: 'The record could not be saved.' }, diagnostics: 'PSQLException: connection reset (Repo.java:88)' })
    const plain = fhirAdapter.decode(readResponse({ status: 500, body: toOperationOutcome(error, { canonicalExtension: false }) }))
    expect(plain).toMatchObject({ message: 'The record could not be saved.', detail: 'PSQLException: connection reset (Repo.java:88)' })
    // HAPI writes `diagnostics` alone: it stays the message.
    expect(normalizeError('fhir', { status: 404, body: outcome({ severity: 'error', code: 'not-found', diagnostics: 'HAPI-2001: Resource Patient/123 is not known' }) })).toMatchObject({ message: 'HAPI-2001: Resource Patient/123 is not known', detail: null })
  })
})
