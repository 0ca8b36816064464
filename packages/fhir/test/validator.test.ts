import { canonicalError } from '@faultline/core'
import { canonicalErrorArbitrary } from '@faultline/testing'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { toOperationOutcome } from '../src/encode'
import { IssueType } from '../src/issueType'
import { issueTypeTable } from '../src/issueTypeTable'
import { awkwardlyCodedError } from './arbitraries'
import { primitiveErrors, r4Errors } from './validator'

const valid = { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'required', diagnostics: 'x', expression: ['Patient.name'] }] }

describe('the FHIR R4 validator really checks OperationOutcome structure', { timeout: 60_000 }, () => {
  it('accepts a valid outcome', () => {
    expect(r4Errors(valid)).toEqual([])
  })

  it.each([
    ['an issue code outside IssueType', { ...valid, issue: [{ ...valid.issue[0], code: 'nonsense' }] }, 'issue[0].code'],
    ['a severity outside IssueSeverity', { ...valid, issue: [{ ...valid.issue[0], severity: 'bad' }] }, 'issue[0].severity'],
    ['no issue', { resourceType: 'OperationOutcome' }, 'OperationOutcome.issue'],
    ['an empty issue list', { resourceType: 'OperationOutcome', issue: [] }, 'OperationOutcome.issue'],
    ['an issue without a code', { resourceType: 'OperationOutcome', issue: [{ severity: 'error' }] }, 'issue[0].code'],
    ['expression not an array', { ...valid, issue: [{ ...valid.issue[0], expression: 'Patient.name' }] }, 'issue[0].expression'],
    ['an unknown element', { ...valid, issue: [{ ...valid.issue[0], vendor: 'medable' }] }, 'issue[0].vendor'],
    ['an unknown resource type', { ...valid, resourceType: 'OperationOutcomes' }, ''],
  ])('rejects %s', (_name, resource, location) => {
    const errors = r4Errors(resource)
    expect(errors.length).toBeGreaterThan(0)
    expect(errors.some((error) => (error.location ?? '').includes(location))).toBe(true)
  })

  it('rejects any outcome of ours whose issue code is corrupted', () => {
    fc.assert(
      fc.property(
        canonicalErrorArbitrary(),
        fc.string({ minLength: 1, maxLength: 12 }).filter((code) => !IssueType.is(code)),
        (error, code) => {
          const outcome = toOperationOutcome(error)
          const corrupted = { ...outcome, issue: outcome.issue.map((issue, i) => (i === 0 ? { ...issue, code } : issue)) }
          expect(r4Errors(corrupted).length).toBeGreaterThan(0)
        },
      ),
      { numRuns: 200 },
    )
  })
})

describe('toOperationOutcome output is valid FHIR R4', { timeout: 60_000 }, () => {
  it('turns a Medable validation fault into one issue per violation', () => {
    const error = canonicalError({
      kind: 'invalid_request',
      reason: 'validation_failed',
      vendor: 'medable',
      vendorCode: 'kValidationError',
      vendorType: 'fault',
      status: 400,
      message: 'Validation error',
      detail: 'One or more properties failed validation.',
      violations: [
        { path: 'dob', reason: 'invalid_field', message: 'Invalid date of birth.', vendorCode: 'kInvalidDateOfBirth' },
        { path: 'name.last', reason: 'missing_field', message: 'A required value is missing from the request.', vendorCode: 'kRequired' },
        { path: 'gender', reason: 'invalid_field', message: 'Invalid enumeration value.', vendorCode: 'kEnumValue' },
        { path: 'name.first', reason: 'missing_field', message: 'A required value is missing from the request.', vendorCode: 'kRequired' },
      ],
      extensions: { errCode: 'cortex.invalidArgument.validation' },
    })
    const outcome = toOperationOutcome(error)
    expect(r4Errors(outcome)).toEqual([])
    expect(primitiveErrors(outcome)).toEqual([])
    expect(outcome.issue).toEqual([
      { severity: 'error', code: 'value', expression: ['dob'], details: { coding: [{ system: 'https://faultline.dev/fhir/CodeSystem/reason', code: 'invalid_request/invalid_field' }, { system: 'https://faultline.dev/fhir/CodeSystem/vendor/medable', code: 'kInvalidDateOfBirth' }], text: 'Invalid date of birth.' } },
      { severity: 'error', code: 'required', expression: ['name.last'], details: { coding: [{ system: 'https://faultline.dev/fhir/CodeSystem/reason', code: 'invalid_request/missing_field' }, { system: 'https://faultline.dev/fhir/CodeSystem/vendor/medable', code: 'kRequired' }], text: 'A required value is missing from the request.' } },
      { severity: 'error', code: 'value', expression: ['gender'], details: { coding: [{ system: 'https://faultline.dev/fhir/CodeSystem/reason', code: 'invalid_request/invalid_field' }, { system: 'https://faultline.dev/fhir/CodeSystem/vendor/medable', code: 'kEnumValue' }], text: 'Invalid enumeration value.' } },
      { severity: 'error', code: 'required', expression: ['name.first'], details: { coding: [{ system: 'https://faultline.dev/fhir/CodeSystem/reason', code: 'invalid_request/missing_field' }, { system: 'https://faultline.dev/fhir/CodeSystem/vendor/medable', code: 'kRequired' }], text: 'A required value is missing from the request.' } },
    ])
    const plain = toOperationOutcome(error, { canonicalExtension: false })
    expect(plain).not.toHaveProperty('extension')
    expect(r4Errors(plain)).toEqual([])
  })

  it('every kind and documented reason maps to a valid IssueType', () => {
    for (const [kind, entry] of Object.entries(issueTypeTable)) {
      expect(IssueType.is(entry.kind)).toBe(true)
      for (const code of Object.values(entry.reasons ?? {})) expect(IssueType.is(code), `${kind}: ${code}`).toBe(true)
    }
  })

  it('holds for any canonical error, awkward vendor codes included (FHIR.js and the datatype rules it does not check)', () => {
    fc.assert(
      fc.property(awkwardlyCodedError, fc.boolean(), (error, canonicalExtension) => {
        const outcome = toOperationOutcome(error, { canonicalExtension })
        expect(r4Errors(outcome)).toEqual([])
        expect(primitiveErrors(outcome)).toEqual([])
        expect(outcome.issue).toHaveLength(Math.max(1, error.violations.length))
      }),
      { numRuns: 1000 },
    )
  })
})

describe('the supplementary datatype check can fail', () => {
  it('reports empty strings, codes with spaces, whitespace in URIs and ext-1', () => {
    expect(primitiveErrors({ issue: [{ diagnostics: '', code: 'a  b', details: { coding: [{ system: 'a b', code: 'x' }] } }] })).toEqual([
      'OperationOutcome.issue[0].diagnostics: string',
      'OperationOutcome.issue[0].code: code',
      'OperationOutcome.issue[0].details.coding[0].system: uri',
    ])
    expect(primitiveErrors({ extension: [{ url: 'u', valueString: 'v', extension: [{ url: 'w', valueCode: 'c' }] }] })).toEqual(['OperationOutcome.extension[0]: ext-1'])
    expect(primitiveErrors({ extension: [{ url: 'u' }] })).toEqual(['OperationOutcome.extension[0]: ext-1'])
  })
})
