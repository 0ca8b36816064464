import { canonicalError, createNormalizer } from '@faultline/core'
import { medblocksAdapter } from '@faultline/medblocks'
import { describe, expect, it } from 'vitest'
import { toProblemDetails, toProblemResponse } from '../src/encode'
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

  it('never lets a vendor member overwrite a faultline member', () => {
    const error = canonicalError({ kind: 'conflict', reason: 'already_exists', vendor: 'acme', extensions: { type: 'evil', vendor: 'evil', errors: 1, ok: 2 } })
    const body = toProblemDetails(error)
    expect(body.type).toBe('https://faultline.dev/problems/conflict/already_exists')
    expect(body.vendor).toBe('acme')
    expect(body).not.toHaveProperty('errors')
    expect(body.ok).toBe(2)
  })

  it('keeps a `__proto__` vendor member as plain data (no prototype pollution)', () => {
    const extensions = JSON.parse('{"__proto__": {"polluted": true}}')
    const body = toProblemDetails(canonicalError({ kind: 'unknown', reason: 'unrecognized', vendor: 'acme', extensions }))
    expect(Object.getPrototypeOf(body)).toBe(Object.prototype)
    expect(JSON.parse(JSON.stringify(body)).__proto__).toEqual({ polluted: true })
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
