import { CanonicalError, createNormalizer } from '@faultline/core'
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

  describe('a MedblocksSignatureError thrown as a plain object (contract §1: instances or plain objects)', () => {
    const plain = { name: 'MedblocksSignatureError', reason: 'timestamp_expired', message: 'Webhook signature verification failed: timestamp_expired' }
    const expected = { kind: 'signature', reason: 'timestamp_expired', vendorCode: 'timestamp_expired', vendorType: 'MedblocksSignatureError', status: null, retryable: false, recognized: true }

    it('decodes from its own fields', () => {
      expect(decodeThrown(plain)).toMatchObject(expected)
    })

    // It has no statusCode, requestId or retryAfter, so the normalizer hands it to the adapter as a bare body.
    it('is a signature error through normalizeError, not unknown', () => {
      const { normalizeError } = createNormalizer([medblocksAdapter])
      expect(normalizeError('medblocks', plain)).toMatchObject({ ...expected, message: plain.message })
      expect(normalizeError('medblocks', { name: 'MedblocksSignatureError', reason: 'header_v2' })).toMatchObject({ kind: 'signature', reason: 'unrecognized', recognized: false })
      expect(normalizeError('medblocks', { name: 'MedblocksInvalidRequestError', type: 'invalid_request_error', code: 'invalid_data', message: 'dob is invalid', param: 'dob' })).toMatchObject({
        kind: 'invalid_request',
        reason: 'validation_failed',
        param: 'dob',
      })
    })

    it('is not read from a response body or from an object not named by the SDK', () => {
      const { normalizeError } = createNormalizer([medblocksAdapter])
      expect(normalizeError('medblocks', { status: 400, body: plain })).toMatchObject({ kind: 'invalid_request', recognized: false })
      expect(normalizeError('medblocks', { name: 'SignatureError', reason: 'signature_mismatch' })).toMatchObject({ kind: 'unknown' })
    })
  })

  it('leaves other errors alone', () => {
    expect(decodeThrown(new TypeError('fetch failed'))).toBeUndefined()
    expect(decodeThrown({ code: 'ECONNREFUSED' })).toBeUndefined()
  })
})

describe('a bare body named like an SDK error, hostile', () => {
  it('never throws from decode, whatever the object does', () => {
    const { normalizeError } = createNormalizer([medblocksAdapter])
    const throwing = new Proxy({ name: 'MedblocksSignatureError' }, { get: () => { throw new Error('trap') }, getPrototypeOf: () => { throw new Error('trap') } })
    const { proxy: revoked, revoke } = Proxy.revocable({}, {})
    revoke()
    for (const body of [throwing, revoked, Object.defineProperty({}, 'name', { get: () => { throw new Error('getter') }, enumerable: true })]) {
      expect(() => medblocksAdapter.decode({ status: null, headers: { get: () => undefined } as never, body: { type: 'json', value: body } })).not.toThrow()
      expect(CanonicalError.is(normalizeError('medblocks', body))).toBe(true)
    }
  })
})
