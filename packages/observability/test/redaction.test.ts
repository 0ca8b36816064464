import { createNormalizer } from '@faultline/core'
import { fhirAdapter } from '@faultline/fhir'
import { medableAdapter, medableCatalog } from '@faultline/medable'
import { medblocksAdapter, medblocksCatalog } from '@faultline/medblocks'
import { medipimAdapter, medipimCatalog } from '@faultline/medipim'
import { problemAdapter } from '@faultline/problem'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { toLogRecord } from '../src/logRecord'
import { createRedactor, defaultRedactionRules, redact } from '../src/redaction'
import { anySecret, textWith, type Secret } from './secrets'

const { normalizeError } = createNormalizer([medblocksAdapter, medipimAdapter, medableAdapter, problemAdapter, fhirAdapter])

/** A vendor error with a secret planted in each of its free texts; what to normalize it as. */
interface Planted {
  readonly vendor: string
  readonly input: unknown
  readonly secrets: ReadonlyArray<Secret>
}

const codeOf = (catalog: { entries: ReadonlyArray<{ code: string }> }) => fc.constantFrom(...catalog.entries.map((entry) => entry.code))
const planted = (count: number) => fc.array(anySecret, { minLength: count, maxLength: count })
const texts = (secrets: ReadonlyArray<Secret>) => fc.tuple(...secrets.map(textWith))

const medblocks = fc.tuple(codeOf(medblocksCatalog), planted(2)).chain(([code, secrets]) =>
  texts(secrets).map(([message, hint]): Planted => ({
    vendor: 'medblocks',
    input: { status: 400, body: { error: { type: 'invalid_request_error', code, message, param: 'dob', hint } } },
    secrets,
  })),
)
const medipim = fc.tuple(codeOf(medipimCatalog), planted(3)).chain(([code, secrets]) =>
  texts(secrets).map(([message, first, second]): Planted => ({
    vendor: 'medipim',
    input: { status: 400, body: { error: { status: 400, code, message, violations: [{ propertyPath: 'name', message: first }, { propertyPath: 'ean', message: second, code: 'invalid_ean' }] } } },
    secrets,
  })),
)
const medable = fc.tuple(codeOf(medableCatalog), planted(4)).chain(([code, secrets]) =>
  texts(secrets).map(([message, reason, childMessage, childReason]): Planted => ({
    vendor: 'medable',
    input: {
      status: 400,
      body: {
        object: 'fault',
        name: 'validation',
        code,
        status: 400,
        message,
        reason,
        faults: [{ object: 'fault', name: 'validation', code: 'kRequired', status: 400, path: 'name.first', message: childMessage, reason: childReason }],
      },
    },
    secrets,
  })),
)
const problem = planted(4).chain((secrets) =>
  texts(secrets).map(([title, detail, violation, note]): Planted => ({
    vendor: 'problem',
    input: { status: 422, headers: { 'content-type': 'application/problem+json' }, body: { type: 'https://example.com/probs/invalid', title, detail, errors: [{ path: 'dob', detail: violation }], note } },
    secrets,
  })),
)
const fhir = planted(2).chain((secrets) =>
  texts(secrets).map(([diagnostics, text]): Planted => ({
    vendor: 'fhir',
    input: { status: 400, body: { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'value', diagnostics, details: { text }, expression: ['Patient.birthDate'] }] } },
    secrets,
  })),
)
const thrown = planted(1).chain((secrets) => texts(secrets).map(([message]): Planted => ({ vendor: 'medblocks', input: new Error(message), secrets })))

const escaped = (text: string) => JSON.stringify(text).slice(1, -1)

describe('log records never carry a planted secret', () => {
  it('holds over vendor errors of every adapter, with secrets of every class in every free text', () => {
    const seenKinds = new Set<string>()
    fc.assert(
      fc.property(fc.oneof(medblocks, medipim, medable, problem, fhir, thrown), ({ vendor, input, secrets }) => {
        const error = normalizeError(vendor, input)
        expect(error).not.toBeNull()
        // Without redaction every planted secret reaches the record: the property below is not vacuous.
        const raw = JSON.stringify(toLogRecord(error!, { redact: (text) => text }))
        for (const planted of secrets) expect(raw).toContain(escaped(planted.sensitive))
        const safe = JSON.stringify(toLogRecord(error!))
        for (const planted of secrets) {
          seenKinds.add(planted.kind)
          expect(safe, planted.kind).not.toContain(escaped(planted.sensitive))
          expect(safe, planted.kind).not.toContain(planted.sensitive)
        }
      }),
      { numRuns: 1000 },
    )
    expect([...seenKinds].sort()).toEqual(['api_key', 'basic', 'bearer', 'birth_date', 'email', 'jwt', 'key_assignment', 'phone', 'record_number'])
  })
})

describe('the default redactor', () => {
  it.each([
    ['Contact jane.doe+test@example.org now', 'Contact [redacted:email] now'],
    ['Call +1 (555) 123-4567 or 555.123.4567', 'Call [redacted:phone] or [redacted:phone]'],
    ['MRN 00123456 not found', 'MRN [redacted:number] not found'],
    ['dob 1985-03-12 invalid; born 12/03/1985, 12 March 1985, March 12, 1985', 'dob [redacted:date] invalid; born [redacted:date], [redacted:date], [redacted:date]'],
    ['DOB: 3-12-85', 'DOB: [redacted:date]'],
    ['Authorization: Bearer abc.DEF-123_xyz~ rejected', 'Authorization: Bearer [redacted:credential] rejected'],
    ['Basic dXNlcjpwYXNzd29yZA== is wrong', 'Basic [redacted:credential] is wrong'],
    ['key sk_live_51HxYzABCdef0123456789 revoked; whsec_abcdefABCDEF0123', 'key [redacted:key] revoked; [redacted:key]'],
    ['?api_key=abc123xyz&x=1 password: hunter22', '?api_key=[redacted:secret]&x=1 password: [redacted:secret]'],
    ['eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U', '[redacted:jwt]'],
  ])('redacts %j', (text, expected) => {
    expect(redact(text)).toBe(expected)
  })

  it('leaves codes, field names and short numbers alone', () => {
    const text = 'name.first is required (kRequired, status 400, 3 items, v2.1)'
    expect(redact(text)).toBe(text)
  })

  it('is replaceable and extensible', () => {
    const withMrn = createRedactor([...defaultRedactionRules, { name: 'mrn', pattern: /\bMRN-\w+/, replacement: '[redacted:mrn]' }])
    expect(withMrn('Patient MRN-7f3a, jane@example.org')).toBe('Patient [redacted:mrn], [redacted:email]')
  })
})
