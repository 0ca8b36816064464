import { CanonicalError } from '@faultline/core'
import { describe, expect, it } from 'vitest'
import { medblocksAdapter } from '../src/adapter'

// Shaped as the SDK documents its classes (medblocks-sdk-errors.txt): own fields, one class per type.
class MedblocksError extends Error {
  constructor(
    message: string,
    readonly type: string,
    readonly code: string,
    readonly statusCode: number,
    readonly requestId: string | null,
    readonly param: string | null = null,
    readonly docUrl: string | null = null,
  ) {
    super(message)
    this.name = new.target.name
  }
}
class MedblocksRateLimitError extends MedblocksError {
  constructor(message: string, requestId: string, readonly retryAfter: number | null) {
    super(message, 'rate_limit_error', 'throttled', 429, requestId)
  }
}
class MedblocksSignatureError extends Error {
  constructor(readonly reason: string) {
    super(`Webhook signature verification failed: ${reason}`)
    this.name = 'MedblocksSignatureError'
  }
}

const decodeThrown = (value: object) => medblocksAdapter.decodeThrown?.(value, { now: 0 })

describe('Medblocks SDK errors', () => {
  it('decodes an SDK class instance from its own fields', () => {
    const thrown = new MedblocksError('dob is invalid', 'invalid_request_error', 'invalid_data', 400, 'req_9', 'dob', 'https://docs.medblocks.com/errors/invalid_data')
    expect(decodeThrown(thrown)).toMatchObject({
      kind: 'invalid_request',
      reason: 'validation_failed',
      status: 400,
      param: 'dob',
      requestId: 'req_9',
      docUrl: 'https://docs.medblocks.com/errors/invalid_data',
      violations: [{ path: 'dob', reason: 'validation_failed', message: 'dob is invalid', vendorCode: 'invalid_data' }],
    })
  })

  it('uses the rate-limit class\'s own retryAfter as it is', () => {
    const error = decodeThrown(new MedblocksRateLimitError('Too many requests.', 'req_1', 2.5))
    expect(error).toMatchObject({ kind: 'rate_limited', reason: 'throttled', retryAfter: 2.5, requestId: 'req_1' })
    expect(CanonicalError.is(error)).toBe(true)
  })

  it('decodes the same fields from a plain object', () => {
    const plain = { type: 'permission_error', code: 'insufficient_scope', message: 'Missing scope', statusCode: 403, requestId: 'req_2', param: null, docUrl: null }
    expect(decodeThrown(plain)).toMatchObject({ kind: 'permission', reason: 'insufficient_scope', status: 403 })
  })

  it('decodes a future type arriving as the base class by its type, then status', () => {
    const error = decodeThrown(new MedblocksError('Billing failed', 'billing_error', 'card_declined', 402, null))
    expect(error).toMatchObject({ kind: 'invalid_request', recognized: false, vendorCode: 'card_declined' })
  })

  it.each(['missing_header', 'malformed_header', 'timestamp_expired', 'signature_mismatch', 'malformed_body'])(
    'decodes MedblocksSignatureError %s as kind signature without a status',
    (reason) => {
      expect(decodeThrown(new MedblocksSignatureError(reason))).toMatchObject({ kind: 'signature', reason, status: null, retryable: false, vendorCode: reason })
    },
  )

  it('leaves other errors alone', () => {
    expect(decodeThrown(new TypeError('fetch failed'))).toBeUndefined()
    expect(decodeThrown({ code: 'ECONNREFUSED' })).toBeUndefined()
  })
})
