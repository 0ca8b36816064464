import { canonicalError, createNormalizer, readResponse, type CanonicalError } from '@faultline/core'
import { medblocksAdapter } from '@faultline/medblocks'
import { canonicalErrorArbitrary } from '@faultline/testing'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createProblemAdapter, problemAdapter } from '../src/adapter'
import { toProblemDetails, toProblemResponse } from '../src/encode'
import type { ProblemDocument } from '../src/members'
import { problemTitles } from '../src/titles'

const now = Date.UTC(2026, 10, 23, 12, 0, 0)
const { normalizeError } = createNormalizer([medblocksAdapter])

describe('toProblemDetails', () => {
  it('turns a Medblocks 429 into problem+json with retryAfter', () => {
    const error = normalizeError(
      'medblocks',
      {
        status: 429,
        headers: { 'Retry-After': '30', 'X-Request-Id': 'req_8f2a91' },
        body: { error: { type: 'rate_limit_error', code: 'throttled', message: 'Too many requests.', param: null } },
      },
      { now },
    )
    expect(error).not.toBeNull()
    const response = toProblemResponse(error!)
    expect(response).toEqual({
      status: 429,
      headers: { 'content-type': 'application/problem+json', 'retry-after': '30', 'x-request-id': 'req_8f2a91' },
      body: {
        type: 'https://faultline.dev/problems/rate_limited/throttled',
        title: 'Too many requests',
        status: 429,
        detail: 'Too many requests.',
        instance: 'urn:faultline:request:req_8f2a91',
        vendor: 'medblocks',
        reason: 'throttled',
        vendorCode: 'throttled',
        vendorType: 'rate_limit_error',
        retryable: true,
        retryAfter: 30,
        recognized: true,
      },
    })
  })

  it('writes violations as `errors`, the canonical detail as `additionalDetail`, and causes as nested documents', () => {
    const cause = canonicalError({ kind: 'invalid_request', reason: 'missing_field', vendor: 'medable', vendorCode: 'kRequired', message: 'Required' })
    const error = canonicalError({
      kind: 'invalid_request',
      reason: 'validation_failed',
      vendor: 'medable',
      vendorCode: 'kValidationError',
      status: 400,
      message: 'Validation error',
      detail: 'One or more properties failed validation',
      param: 'dob',
      violations: [
        { path: 'dob', reason: 'invalid_field', message: 'Invalid date', vendorCode: 'kInvalidDate' },
        { path: null, reason: 'missing_field', message: 'Required', vendorCode: null },
      ],
      causes: [cause],
      extensions: { errCode: 'cortex.invalidArgument.validation', trace: 'abc' },
    })
    const body = toProblemDetails(error)
    expect(body.type).toBe('https://faultline.dev/problems/invalid_request/validation_failed')
    expect(body.title).toBe('Validation failed')
    expect(body.additionalDetail).toBe('One or more properties failed validation')
    expect(body.errors).toEqual([
      { path: 'dob', reason: 'invalid_field', detail: 'Invalid date', code: 'kInvalidDate' },
      { reason: 'missing_field', detail: 'Required' },
    ])
    expect(body.causes).toEqual([
      expect.objectContaining({ type: 'https://faultline.dev/problems/invalid_request/missing_field', vendorCode: 'kRequired' }),
    ])
    expect(body.causes?.[0]).not.toHaveProperty('status')
    expect(body.errCode).toBe('cortex.invalidArgument.validation')
    expect(toProblemDetails(error, { includeExtensions: false })).not.toHaveProperty('trace')
  })

  it('uses the kind\'s usual status when the error has none, and a custom type base', () => {
    const error = canonicalError({ kind: 'transport', reason: 'connection_failed', vendor: 'scribe', extensions: { code: 'ECONNREFUSED' } })
    const response = toProblemResponse(error, { typeBase: 'https://errors.example/' })
    expect(response.status).toBe(503)
    expect(response.body).toMatchObject({ type: 'https://errors.example/transport/connection_failed', status: 503, code: 'ECONNREFUSED' })
  })

  it('never lets a vendor member overwrite a faultline member: it is written under an escaped name, and read back', () => {
    const error = canonicalError({ kind: 'conflict', reason: 'already_exists', vendor: 'acme', status: 409, extensions: { type: 'evil', vendor: 'evil', errors: 1, ok: 2 } })
    const body = toProblemDetails(error)
    expect(body.type).toBe('https://faultline.dev/problems/conflict/already_exists')
    expect(body.vendor).toBe('acme')
    expect(body).not.toHaveProperty('errors')
    expect(body).toMatchObject({ faultline_type: 'evil', faultline_vendor: 'evil', faultline_errors: 1, faultline_ok: 2 })
    expect(problemAdapter.decode(readResponse(toProblemResponse(error)))).toEqual(error)
  })

  it('keeps a `__proto__` vendor member as plain data (no prototype pollution)', () => {
    const extensions = JSON.parse('{"__proto__": {"polluted": true}}')
    const error = canonicalError({ kind: 'unknown', reason: 'unrecognized', vendor: 'acme', extensions })
    const body = toProblemDetails(error)
    expect(Object.getPrototypeOf(body)).toBe(Object.prototype)
    expect(JSON.parse(JSON.stringify(body)).faultline_____proto____).toEqual({ polluted: true })
    const decoded = problemAdapter.decode(readResponse({ body: JSON.parse(JSON.stringify(body)) }))!
    expect(Object.getPrototypeOf(decoded.extensions)).toBe(Object.prototype)
    expect(Object.prototype.hasOwnProperty.call(decoded.extensions, '__proto__')).toBe(true)
    expect(decoded.extensions).toEqual(extensions)
  })

  it('has a title for every documented reason of every kind', () => {
    for (const titles of Object.values(problemTitles)) {
      for (const title of Object.values(titles)) expect(title.length).toBeGreaterThan(1)
    }
  })
})

describe('encoding any request id', () => {
  it('writes a request id with a lone surrogate without throwing, and reads it back', async () => {
    const { canonicalError } = await import('@faultline/core')
    const { problemAdapter } = await import('../src/adapter')
    const { readResponse } = await import('@faultline/core')
    const error = canonicalError({ kind: 'internal', reason: 'unrecognized', vendor: 'problem', status: 500, requestId: 'req_\ud800x' })
    const wire = problemAdapter.encode(error)
    expect(problemAdapter.decode(readResponse(wire))).toMatchObject({ requestId: 'req_\ud800x' })
  })
})

describe('writing another server\'s document back', () => {
  const problemJson = { 'content-type': 'application/problem+json' }
  const rfcExample = {
    type: 'https://example.com/probs/out-of-credit',
    title: 'You do not have enough credit.',
    status: 403,
    detail: 'Your current balance is 30, but that costs 50.',
    instance: '/account/12345/msgs/abc',
    balance: 30,
    accounts: ['/account/12345', '/account/67890'],
  }
  const decode = (status: number, body: object, headers: Record<string, string> = problemJson) => problemAdapter.decode(readResponse({ status, headers, body }))!

  it('keeps its type, title and instance (RFC 9457\'s example), and reads back the same error', () => {
    const error = decode(403, rfcExample)
    const wire = problemAdapter.encode(error)
    expect(wire).toEqual({ status: 403, headers: problemJson, body: { ...rfcExample, vendor: 'problem', reason: 'unrecognized', retryable: false, recognized: false } })
    expect(problemAdapter.decode(readResponse(wire))).toEqual(error)
  })

  it('writes no title a document did not have, and keeps a title that is its only text', () => {
    const typeOnly = decode(409, { type: 'tag:acme.example,2026:conflict', detail: 'Version 3 is stale' })
    expect(toProblemDetails(typeOnly)).not.toHaveProperty('title')
    expect(toProblemDetails(typeOnly)).toMatchObject({ type: 'tag:acme.example,2026:conflict', detail: 'Version 3 is stale' })
    const titleOnly = decode(409, { type: 'tag:acme.example,2026:conflict', title: 'Edit conflict' })
    expect(toProblemDetails(titleOnly)).toMatchObject({ type: 'tag:acme.example,2026:conflict', title: 'Edit conflict', detail: 'Edit conflict' })
    for (const error of [typeOnly, titleOnly]) expect(problemAdapter.decode(readResponse(problemAdapter.encode(error)))).toEqual(error)
  })

  it('writes its instance back unless a request id takes `instance`, then under an escaped name', () => {
    const error = decode(403, rfcExample, { ...problemJson, 'x-request-id': 'req_9' })
    expect(error).toMatchObject({ requestId: 'req_9', extensions: { instance: '/account/12345/msgs/abc' } })
    const wire = problemAdapter.encode(error)
    expect(wire.body).toMatchObject({ instance: 'urn:faultline:request:req_9', faultline_instance: '/account/12345/msgs/abc' })
    expect(problemAdapter.decode(readResponse(wire))).toEqual(error)
  })

  it('writes faultline\'s type when the foreign type cannot say the error: another vendor, or a kind the status does not say', () => {
    const medable = canonicalError({ kind: 'permission', reason: 'unrecognized', vendor: 'medable', vendorCode: 'https://example.com/probs/x', status: 403, recognized: false, extensions: { title: 'T' } })
    expect(toProblemDetails(medable)).toMatchObject({ type: 'https://faultline.dev/problems/permission/unrecognized', title: 'Permission denied', vendorCode: 'https://example.com/probs/x', faultline_title: 'T' })
    const conflictAt500 = { ...decode(409, { type: 'tag:x', title: 'T', detail: 'D' }), status: 500 } as CanonicalError
    expect(toProblemDetails(conflictAt500).type).toBe('https://faultline.dev/problems/conflict/unrecognized')
    expect(problemAdapter.decode(readResponse(problemAdapter.encode(conflictAt500)))).toEqual(conflictAt500)
    // An adapter of another id writes back the documents it read.
    const acme = createProblemAdapter({ id: 'acme' })
    const acmeError = acme.decode(readResponse({ status: 403, headers: problemJson, body: rfcExample }))!
    expect(acme.encode(acmeError).body).toMatchObject({ type: rfcExample.type, title: rfcExample.title })
    expect(toProblemDetails(acmeError, { id: 'acme' }).type).toBe(rfcExample.type)
    expect(toProblemDetails(acmeError).type).toBe('https://faultline.dev/problems/permission/unrecognized')
  })

  it('`includeExtensions: false` writes neither the kept title nor the instance', () => {
    const body = toProblemDetails(decode(403, rfcExample), { includeExtensions: false })
    expect(body).toEqual({ type: rfcExample.type, status: 403, detail: rfcExample.detail, additionalDetail: rfcExample.title, vendor: 'problem', reason: 'unrecognized', retryable: false, recognized: false })
  })
})

describe('extension member names (RFC 9457 §3.2)', { timeout: 60_000 }, () => {
  const advised = /^[A-Za-z][A-Za-z0-9_]{2,}$/
  const memberNames = (document: ProblemDocument): string[] => [...Object.keys(document), ...(document.causes ?? []).flatMap(memberNames)]

  it('every member faultline writes, its own and the vendor\'s, has an advised name', () => {
    fc.assert(
      fc.property(canonicalErrorArbitrary(), (error) => {
        expect(memberNames(toProblemDetails(error)).filter((name) => !advised.test(name))).toEqual([])
      }),
      { numRuns: 300 },
    )
  })

  it('a document written before names were escaped reads as it did; both names read the same', () => {
    const old = { type: 'https://faultline.dev/problems/internal/internal_error', detail: 'x', vendor: 'medable', 'x-trace-id': 'abc', id: 7 }
    const escaped = { type: 'https://faultline.dev/problems/internal/internal_error', detail: 'x', vendor: 'medable', faultline_x_2D_trace_2D_id: 'abc', faultline_id: 7 }
    for (const body of [old, escaped]) {
      expect(problemAdapter.decode(readResponse({ status: 500, body }))?.extensions).toEqual({ 'x-trace-id': 'abc', id: 7 })
    }
  })
})
