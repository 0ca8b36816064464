import { canonicalError } from '@faultline/core'
import { canonicalErrorArbitrary } from '@faultline/testing'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { toLogRecord } from '../src/logRecord'
import { dropText } from '../src/redaction'

const cause = canonicalError({ kind: 'invalid_request', reason: 'missing_field', vendor: 'medable', vendorCode: 'kRequired', message: 'name.first missing for jane@example.org' })
const error = canonicalError({
  kind: 'invalid_request',
  reason: 'validation_failed',
  vendor: 'medable',
  vendorCode: 'kValidationError',
  vendorType: 'validation',
  status: 400,
  message: 'Validation failed for patient 00123456',
  detail: 'dob 1985-03-12 is in the future',
  param: 'dob',
  requestId: 'req_8f2a91',
  retryAfter: 5,
  violations: [{ path: 'name.first', reason: 'missing_field', message: 'Required for jane@example.org', vendorCode: 'kRequired' }],
  causes: [cause],
  extensions: { errCode: 'cortex.invalidArgument.validation', mrn: 1234567, count: 3, 'jane@example.org': { phone: '+1 (555) 123-4567' } },
})

describe('toLogRecord', () => {
  it('keeps codes, ids, status, retry data, param and paths; redacts every free text, causes too', () => {
    expect(toLogRecord(error)).toEqual({
      kind: 'invalid_request',
      reason: 'validation_failed',
      vendor: 'medable',
      vendorCode: 'kValidationError',
      vendorType: 'validation',
      status: 400,
      requestId: 'req_8f2a91',
      docUrl: null,
      retryable: false,
      retryAfter: 5,
      recognized: true,
      truncated: false,
      param: 'dob',
      message: 'Validation failed for patient [redacted:number]',
      detail: 'dob [redacted:date] is in the future',
      violations: [{ path: 'name.first', reason: 'missing_field', vendorCode: 'kRequired', message: 'Required for [redacted:email]' }],
      causes: [expect.objectContaining({ vendorCode: 'kRequired', message: 'name.first missing for [redacted:email]', extensions: {} })],
      extensions: { errCode: 'cortex.invalidArgument.validation', mrn: '[redacted:number]', count: 3, '[redacted:email]': { phone: '[redacted:phone]' } },
    })
  })

  it('drops the vendor\'s own members and all text on request', () => {
    const strict = toLogRecord(error, { redact: dropText, extensions: 'drop' })
    expect(strict).not.toHaveProperty('extensions')
    expect(strict.message).toBe('[redacted]')
    expect(strict.detail).toBe('[redacted]')
    expect(strict.violations[0]).toEqual({ path: 'name.first', reason: 'missing_field', vendorCode: 'kRequired', message: '[redacted]' })
  })

  it('keeps the structure of any error: same kinds, same paths, same number of violations and causes', () => {
    fc.assert(
      fc.property(canonicalErrorArbitrary(), (any) => {
        const record = toLogRecord(any)
        expect(record.kind).toBe(any.kind)
        expect(record.violations.map((v) => v.path)).toEqual(any.violations.map((v) => v.path))
        expect(record.causes).toHaveLength(any.causes.length)
        expect(JSON.parse(JSON.stringify(record))).toEqual(record)
      }),
      { numRuns: 300 },
    )
  })
})
