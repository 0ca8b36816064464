import { canonicalError, type CanonicalError, type Json } from '@faultline/core'
import { canonicalErrorArbitrary } from '@faultline/testing'
import fc from 'fast-check'
import { normalizeError } from 'faultline'
import { describe, expect, it } from 'vitest'
import { logRecordBounds, toLogRecord, type ErrorLogRecord } from '../src/logRecord'
import { dropText } from '../src/redaction'
import { truncationMark } from '../src/textBudget'
import { anySecret } from './secrets'

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
      violationCount: 1,
      causes: [expect.objectContaining({ vendorCode: 'kRequired', message: 'name.first missing for [redacted:email]', extensions: {}, causeCount: 0, logTruncated: false })],
      causeCount: 1,
      logTruncated: false,
      extensions: { errCode: 'cortex.invalidArgument.validation', mrn: '[redacted:number]', count: 3, '[redacted:email]': { phone: '[redacted:phone]' } },
    })
  })

  it('drops the vendor\'s own members and all text on request, and keeps codes and paths readable', () => {
    const strict = toLogRecord(error, { redact: dropText, extensions: 'drop' })
    expect(strict).not.toHaveProperty('extensions')
    expect(strict.message).toBe('[redacted]')
    expect(strict.detail).toBe('[redacted]')
    expect(strict.violations[0]).toEqual({ path: 'name.first', reason: 'missing_field', vendorCode: 'kRequired', message: '[redacted]' })
    expect(toLogRecord(error, { redact: dropText }).extensions).toEqual({ errCode: '[redacted]', mrn: '[redacted:number]', count: 3, '[redacted:email]': { phone: '[redacted]' } })
  })

  it('keeps the structure of any error: same kinds, same paths, same number of violations and causes', () => {
    fc.assert(
      fc.property(canonicalErrorArbitrary(), (any) => {
        const record = toLogRecord(any)
        expect(record.kind).toBe(any.kind)
        expect(record.violations.map((v) => v.path)).toEqual(any.violations.map((v) => v.path))
        expect(record.violationCount).toBe(any.violations.length)
        expect(record.causes).toHaveLength(any.causes.length)
        expect(record.causeCount).toBe(any.causes.length)
        expect(record.logTruncated).toBe(false)
        expect(JSON.parse(JSON.stringify(record))).toEqual(record)
      }),
      { numRuns: 300 },
    )
  }, 30_000)
})

// Every string of a record, keys of the vendor's members included.
const textOf = (value: unknown): number => {
  if (typeof value === 'string') return value.length
  if (Array.isArray(value)) return value.reduce((sum: number, item) => sum + textOf(item), 0)
  if (typeof value === 'object' && value !== null) return Object.entries(value).reduce((sum, [key, item]) => sum + key.length + textOf(item), 0)
  return 0
}
const marks = (value: unknown): number => JSON.stringify(value).split(truncationMark).length - 1
const timed = <T>(run: () => T): { result: T; ms: number } => {
  const began = performance.now()
  const result = run()
  return { result, ms: performance.now() - began }
}
const expectWithinBounds = (record: ErrorLogRecord) => {
  // The budget: its characters, plus a mark per cut text and the fixed fields of each error written.
  expect(textOf(record)).toBeLessThanOrEqual(logRecordBounds.maxChars + (marks(record) + 64) * truncationMark.length)
  expect(JSON.stringify(record).length).toBeLessThan(32 * 1024)
}

// Issue #16, finding 1: a log record of any error is bounded, and takes time linear in what it reads.
describe('the budget of a log record', () => {
  const medblocks = (message: string) =>
    normalizeError('medblocks', { status: 400, body: { error: { type: 'invalid_request_error', code: 'invalid_data', message, param: 'name' } } })!

  it.each([2 ** 16, 2 ** 17, 2 ** 20])('logs a Medblocks error with a %i-character message in milliseconds (19 s at 64 KiB in 0.1.0)', (size) => {
    for (const piece of ['x', 'a.', 'Patient jane@example.org called +1 (555) 123-4567. ']) {
      const error = medblocks(piece.repeat(Math.ceil(size / piece.length)).slice(0, size))
      const { result, ms } = timed(() => toLogRecord(error))
      expect(ms).toBeLessThan(250)
      expect(result.message.length).toBeLessThanOrEqual(logRecordBounds.maxTextChars)
      expect(result.message.endsWith(truncationMark)).toBe(true)
      expect(result.logTruncated).toBe(true)
      expect(result.message).not.toContain('jane@example.org')
      expectWithinBounds(result)
    }
  })

  it('logs a million references to one Medipim violation as 20 of them and the count (40 s in 0.1.0)', () => {
    const violation = { propertyPath: 'name', message: 'm'.repeat(1_000), code: 'c'.repeat(1_000) }
    const body = { error: { status: 400, code: 'validation_failed', message: 'Invalid data', violations: new Array(1_000_000).fill(violation) } }
    const error = normalizeError('medipim', { status: 400, body })!
    expect(error.violations.length).toBeGreaterThan(10_000)
    const { result, ms } = timed(() => toLogRecord(error))
    expect(ms).toBeLessThan(250)
    expect(result.violationCount).toBe(error.violations.length)
    expect(result.violations.length).toBeLessThanOrEqual(logRecordBounds.maxViolations)
    expect(result.violations.length).toBeGreaterThan(0)
    expect(result.logTruncated).toBe(true)
    expectWithinBounds(result)
  })

  it('logs a Medable tree of 100,000 faults as its first 20 causes', () => {
    const tree = (nodes: number) => {
      const root = { object: 'fault', name: 'validation', code: 'kValidationError', status: 400, message: 'Invalid Argument', faults: [] as unknown[] }
      const queue = [root]
      for (let made = 1, head = 0; made < nodes; made++) {
        const child = { object: 'fault', name: 'validation', code: 'kRequired', status: 400, message: 'Please enter a value', path: `field${made}`, faults: [] as unknown[] }
        queue[head]!.faults.push(child)
        queue.push(child)
        if (queue[head]!.faults.length === 10) head++
      }
      return root
    }
    const error = normalizeError('medable', { status: 400, body: tree(100_000) })!
    const { result, ms } = timed(() => toLogRecord(error))
    expect(ms).toBeLessThan(250)
    const count = (record: ErrorLogRecord): number => record.causes.reduce((sum, cause) => sum + 1 + count(cause), 0)
    expect(count(result)).toBe(logRecordBounds.maxCauses)
    expect(result.causeCount).toBe(error.causes.length)
    expect(result.logTruncated).toBe(true)
    expectWithinBounds(result)
  })

  it('bounds the vendor\'s own members: wide, deep, long and shared', () => {
    let deep: Json = 'bottom'
    for (let i = 0; i < 10_000; i++) deep = [deep]
    const shared = { note: 'n'.repeat(5_000), phone: '+1 (555) 123-4567' }
    const extensions = {
      wide: Object.fromEntries(Array.from({ length: 100_000 }, (_, i) => [`k${i}`, i])),
      deep,
      long: 'jane@example.org '.repeat(100_000),
      shared: new Array(100_000).fill(shared),
    }
    const error = canonicalError({ kind: 'internal', reason: 'internal_error', vendor: 'medable', message: 'boom', extensions })
    const { result, ms } = timed(() => toLogRecord(error))
    expect(ms).toBeLessThan(250)
    expect(result.logTruncated).toBe(true)
    expect(JSON.stringify(result)).not.toContain('jane@example.org')
    expect(JSON.stringify(result)).toContain(truncationMark)
    expectWithinBounds(result)
  })

  it('cuts a text between words, and leaves no part of a secret that straddles the cut', () => {
    const filler = 'lorem ipsum dolor sit amet '
    fc.assert(
      fc.property(anySecret, fc.nat({ max: 80 }), (secret, shift) => {
        // An address whose local part holds `=&?/` keeps what comes before them, cut or not (docs/security.md).
        fc.pre(!(secret.kind.startsWith('email') && /[=&?/]/.test(secret.text)))
        // The secret ends up around the cut, wherever it falls in it.
        const before = filler.repeat(100).slice(0, logRecordBounds.maxTextChars - truncationMark.length - shift)
        const message = `${before} ${secret.text} ${filler.repeat(10)}`
        const record = toLogRecord(canonicalError({ kind: 'internal', reason: 'internal_error', vendor: 'acme', message }))
        expect(record.message.length).toBeLessThanOrEqual(logRecordBounds.maxTextChars)
        expect(record.message.endsWith(truncationMark)).toBe(true)
        for (const sensitive of secret.sensitive) expect(record.message, secret.kind).not.toContain(sensitive.slice(0, 6))
      }),
      { numRuns: 1_000 },
    )
  })

  it('gives a redactor at most the budget to read, however slow it is', () => {
    let read = 0
    const counting = (text: string) => {
      read += text.length
      return text
    }
    const huge: CanonicalError = {
      ...canonicalError({ kind: 'invalid_request', reason: 'validation_failed', vendor: 'acme', message: 'x'.repeat(2 ** 20), detail: 'y'.repeat(2 ** 20) }),
      violations: new Array(100_000).fill({ path: 'p', reason: 'invalid_field', message: 'z'.repeat(10_000), vendorCode: null }),
      extensions: { a: 'w'.repeat(2 ** 20), b: new Array(100_000).fill('v'.repeat(100)) },
    }
    const record = toLogRecord(huge, { redact: counting, redactIdentifiers: counting })
    expect(read).toBeLessThanOrEqual(logRecordBounds.maxChars + 4 * 256)
    expectWithinBounds(record)
  })
})
