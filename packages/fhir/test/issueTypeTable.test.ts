import { canonicalError, kinds, kindTable, readResponse } from '@faultline/core'
import { describe, expect, it } from 'vitest'
import { fhirAdapter } from '../src/adapter'
import { toOperationOutcome } from '../src/encode'
import { IssueType } from '../src/issueType'
import { issueSeverityOf, issueTypeOf } from '../src/issueTypeTable'
import { r4Errors } from './validator'

// The R4 IssueType hierarchy (http://hl7.org/fhir/R4/codesystem-issue-type.html): each code's top-level code.
const r4Hierarchy: Readonly<Record<string, ReadonlyArray<string>>> = {
  invalid: ['structure', 'required', 'value', 'invariant'],
  security: ['login', 'unknown', 'expired', 'forbidden', 'suppressed'],
  processing: ['not-supported', 'duplicate', 'multiple-matches', 'not-found', 'deleted', 'too-long', 'code-invalid', 'extension', 'too-costly', 'business-rule', 'conflict'],
  transient: ['lock-error', 'no-store', 'exception', 'timeout', 'incomplete', 'throttled'],
  informational: [],
}
const topOf = (code: string): string | undefined => Object.keys(r4Hierarchy).find((top) => top === code || r4Hierarchy[top]!.includes(code))

describe('the IssueType table against the R4 hierarchy', () => {
  it('knows every IssueType, each under one top-level code', () => {
    const listed = Object.entries(r4Hierarchy).flatMap(([top, codes]) => [top, ...codes])
    expect(listed.slice().sort()).toEqual(Object.keys(IssueType.keys).sort())
  })

  it('writes a code under `transient` exactly for the kinds that are retryable by default', () => {
    for (const kind of kinds) {
      for (const reason of ['unrecognized', ...kindTable[kind].reasons]) {
        const code = issueTypeOf(kind, reason)
        expect(topOf(code) === 'transient', `${kind}/${reason}: ${code}`).toBe(kindTable[kind].retryable)
      }
    }
    // `exception` is under `transient`: not the word for errors a retry does not fix, nor for errors of which
    // nothing is known.
    expect([issueTypeOf('internal', 'internal_error'), issueTypeOf('unknown', 'unrecognized')]).toEqual(['processing', 'processing'])
  })
})

describe('issue severity', () => {
  it('is `warning` for `pending` (nothing failed yet), `error` for every other kind', () => {
    const pending = canonicalError({ kind: 'pending', reason: 'media_not_ready', vendor: 'medable', vendorCode: 'kMediaNotReady', status: 202, message: 'Media not ready.', retryAfter: 5 })
    const outcome = toOperationOutcome(pending)
    expect(outcome.issue.map((issue) => [issue.severity, issue.code])).toEqual([['warning', 'incomplete']])
    expect(r4Errors(outcome)).toEqual([])
    for (const kind of kinds) expect(issueSeverityOf(kind)).toBe(kind === 'pending' ? 'warning' : 'error')
    // With faultline's extension it reads back exactly; without it, a 2xx of warnings is FHIR's success.
    expect(fhirAdapter.decode(readResponse(fhirAdapter.encode(pending)))).toEqual(pending)
    expect(fhirAdapter.decode(readResponse({ status: 202, body: toOperationOutcome(pending, { canonicalExtension: false }) }))).toBeNull()
  })
})
