import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { CanonicalError } from '../src/CanonicalError'
import { defineCatalog } from '../src/catalog'
import { createNormalizer } from '../src/normalizer'
import { createTypedEnvelopeAdapter } from '../src/typedEnvelope'

// A user's own adapter: the extension point the contract promises (VendorId accepts any string).
const acme = createTypedEnvelopeAdapter({
  id: 'acme',
  catalog: defineCatalog('acme', [
    { code: 'key_revoked', kind: 'authentication', reason: 'invalid_credentials', status: 401, description: 'The key was revoked.' },
  ]),
  types: [{ type: 'auth_error', kind: 'authentication', description: 'Authentication failed.' }],
  writesNullParam: false,
  documentation: { title: 'Acme', overview: 'Acme errors.', normalForm: [], notes: [] },
})
const { normalizeError, normalizeResponse, encodeError } = createNormalizer([acme])
const revoked = { error: { type: 'auth_error', code: 'key_revoked', message: 'Key revoked.' } }

describe('createNormalizer: telling inputs apart (contract §7)', () => {
  it('decodes a response with the vendor adapter', () => {
    expect(normalizeError('acme', { status: 401, body: revoked })).toMatchObject({ kind: 'authentication', vendor: 'acme', recognized: true })
  })

  it('answers null only for a successful response', () => {
    expect(normalizeError('acme', { status: 200, body: { ok: true } })).toBeNull()
    expect(normalizeError('acme', { status: 304, headers: {} })).toBeNull()
  })

  it.each([
    ['undefined', undefined],
    ['null', null],
    ['a thrown string', 'boom'],
    ['a number', 42],
    ['an unrelated object', { hello: 'world' }],
    ['a symbol', Symbol('x')],
    ['a function', () => 1],
    ['a response without a sensible status', { status: Number.NaN, body: '' }],
    ['a response with status 0', { status: 0, headers: {} }],
    ['a response with status 1e309', { status: Number('1e309'), body: 'x' }],
  ])('never answers null for %s: it is an unknown error', (_case, input) => {
    const error = normalizeError('acme', input)
    expect(error).toMatchObject({ kind: 'unknown', reason: 'unrecognized', vendor: 'acme', recognized: false })
    expect(CanonicalError.is(error)).toBe(true)
  })

  it('decodes a bare vendor body without a status', () => {
    expect(normalizeError('acme', revoked)).toMatchObject({ kind: 'authentication', status: null })
  })

  it('keeps a thrown Error\'s message as detail, not as the message', () => {
    const error = normalizeError('acme', new RangeError('index out of range'))
    expect(error).toMatchObject({ kind: 'unknown', detail: 'index out of range' })
    expect(error?.message).toBe('An unrecognized error occurred.')
  })

  it('reads an axios error with a response like the response', () => {
    const axiosError = Object.assign(new Error('Request failed with status code 401'), {
      isAxiosError: true,
      code: 'ERR_BAD_REQUEST',
      response: { status: 401, headers: { 'x-request-id': 'req_7' }, data: revoked },
    })
    expect(normalizeError('acme', axiosError)).toMatchObject({ kind: 'authentication', status: 401, requestId: 'req_7' })
  })

  it('reads an axios error without a response as a transport error', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { isAxiosError: true, code: 'ECONNREFUSED' })
    expect(normalizeError('acme', refused)).toMatchObject({ kind: 'transport', reason: 'connection_failed', status: null, extensions: { code: 'ECONNREFUSED' } })
    const cancelled = Object.assign(new Error('canceled'), { isAxiosError: true, code: 'ERR_CANCELED' })
    expect(normalizeError('acme', cancelled)).toMatchObject({ kind: 'transport', reason: 'aborted', retryable: false })
  })

  it.each([
    ['ECONNRESET', 'connection_failed'],
    ['ENOTFOUND', 'dns_failed'],
    ['EAI_AGAIN', 'dns_failed'],
    ['UND_ERR_CONNECT_TIMEOUT', 'timeout'],
    ['ETIMEDOUT', 'timeout'],
    ['CERT_HAS_EXPIRED', 'tls_failed'],
    ['ERR_TLS_CERT_ALTNAME_INVALID', 'tls_failed'],
    ['UND_ERR_SOCKET', 'connection_failed'],
  ])('reads fetch failed caused by %s as transport / %s', (code, reason) => {
    const failure = new TypeError('fetch failed', { cause: Object.assign(new Error(code), { code }) })
    expect(normalizeError('acme', failure)).toMatchObject({ kind: 'transport', reason, retryable: true, extensions: { code } })
  })

  it('reads DOMException AbortError and TimeoutError', () => {
    expect(normalizeError('acme', new DOMException('aborted', 'AbortError'))).toMatchObject({ kind: 'transport', reason: 'aborted', retryable: false })
    expect(normalizeError('acme', new DOMException('timed out', 'TimeoutError'))).toMatchObject({ kind: 'transport', reason: 'timeout', retryable: true })
  })
})

describe('createNormalizer: totality', () => {
  it('survives a Proxy whose getters throw', () => {
    const hostile = new Proxy({}, { get: () => { throw new Error('trap') }, getOwnPropertyDescriptor: () => { throw new Error('trap') }, has: () => { throw new Error('trap') } })
    expect(normalizeError('acme', hostile)).toMatchObject({ kind: 'unknown' })
    expect(normalizeError('acme', { status: 500, headers: hostile, body: hostile })).toMatchObject({ kind: 'internal', status: 500 })
  })

  it('survives cyclic objects', () => {
    const cyclic: Record<string, unknown> = { status: 500 }
    cyclic.body = cyclic
    cyclic.headers = cyclic
    const envelope: Record<string, unknown> = { type: 'auth_error', code: 'new_code', message: 'm' }
    envelope.self = envelope
    expect(CanonicalError.is(normalizeError('acme', cyclic))).toBe(true)
    const error = normalizeError('acme', { status: 401, body: { error: envelope } })
    expect(error).toMatchObject({ kind: 'authentication', recognized: false })
    expect(JSON.parse(JSON.stringify(error))).toEqual(error)
  })

  it('never throws and always answers a valid error or null, for anything', () => {
    fc.assert(
      fc.property(fc.anything({ withObjectString: true, withNullPrototype: true, withTypedArray: true, withSparseArray: true, withBoxedValues: true }), (input) => {
        const error = normalizeError('acme', input)
        expect(error === null ? typeof input === 'object' && input !== null && 'status' in input : CanonicalError.is(error)).toBe(true)
      }),
      { numRuns: 1000 },
    )
  })
})

describe('createNormalizer: vendors without an adapter', () => {
  it('decodes a response by its status alone', () => {
    expect(normalizeError('unknown-vendor', { status: 503, headers: { 'retry-after': '5' }, body: '' })).toMatchObject({
      kind: 'unavailable',
      vendor: 'unknown-vendor',
      retryAfter: 5,
      recognized: false,
    })
  })

  it('says so for anything else', () => {
    expect(normalizeError('nope', new Error('x'))?.kind).toBe('unknown')
    expect(normalizeError('nope', revoked)?.detail).toContain('No adapter is registered for vendor "nope"')
  })

  it('refuses to encode for a vendor without an adapter', () => {
    const error = normalizeError('acme', { status: 401, body: revoked })!
    expect(() => encodeError('nope', error)).toThrow(TypeError)
  })
})

describe('normalizeResponse', () => {
  it('reads a fetch Response body and leaves it readable for the caller', async () => {
    const response = new Response(JSON.stringify(revoked), { status: 200, headers: { 'content-type': 'application/json' } })
    expect(await normalizeResponse('acme', response)).toMatchObject({ kind: 'authentication', status: 200 })
    expect(await response.json()).toEqual(revoked)
  })

  it('answers null for a successful Response', async () => {
    expect(await normalizeResponse('acme', new Response('{"ok":true}', { status: 200 }))).toBeNull()
  })

  it('reads at most maxBodyBytes and judges the rest by the status', async () => {
    const huge = `{"error":{"code":"key_revoked","message":"${'x'.repeat(10_000)}"}}`
    expect(await normalizeResponse('acme', new Response(huge, { status: 401 }), { maxBodyBytes: 100 })).toMatchObject({
      kind: 'authentication',
      recognized: false,
    })
  })

  it('reads status and headers of a Response given to normalizeError', () => {
    expect(normalizeError('acme', new Response(null, { status: 429, headers: { 'Retry-After': '9' } }))).toMatchObject({ kind: 'rate_limited', retryAfter: 9 })
  })
})

describe('createNormalizer: review findings', () => {
  it('never answers null for a thrown axios error whose response says success', () => {
    const thrown = { isAxiosError: true, message: 'x', response: { status: 302, headers: {}, data: '' } }
    expect(normalizeError('acme', thrown)).toMatchObject({ kind: 'unknown', status: 302 })
  })

  it('reads a response from its own members only', () => {
    const inherited = Object.create({ status: 401, body: revoked }) as object
    expect(normalizeError('acme', inherited)).toMatchObject({ kind: 'unknown', status: null })
  })

  it('keeps the status of a response whose body throws when looked at', () => {
    const body = new Proxy({}, { getPrototypeOf: () => { throw new Error('trap') } })
    expect(normalizeError('acme', { status: 400, body })).toMatchObject({ kind: 'invalid_request', status: 400 })
  })

  it('asks a get()-only headers object for the headers it reads', () => {
    const headers = { get: (name: string) => (name === 'retry-after' ? '5' : null) }
    expect(normalizeError('acme', { status: 429, headers, body: '' })).toMatchObject({ kind: 'rate_limited', retryAfter: 5 })
  })

  it('keeps the status and retry delay of an SDK error that carries an envelope', () => {
    const thrown = { statusCode: 429, retryAfter: 5, error: { type: 'auth_error', code: 'slow_down', message: 'x' } }
    expect(normalizeError('acme', thrown)).toMatchObject({ status: 429, retryAfter: 5, vendorCode: 'slow_down' })
  })

  it('survives a vendor id that throws when turned into a string', () => {
    const hostile = { toString: () => { throw new Error('no') } }
    expect(normalizeError(hostile as never, {})).toMatchObject({ kind: 'unknown', vendor: 'unknown' })
  })
})

describe('createNormalizer: second review findings', () => {
  it('reads the other members of an envelope when one getter throws', () => {
    const error = { type: 'auth_error', get trace(): string { throw new Error('trap') }, code: 'key_revoked', message: 'Bad key', request_id: 'req_1' }
    expect(normalizeError('acme', { status: 401, body: { error } })).toMatchObject({ vendorCode: 'key_revoked', message: 'Bad key', requestId: 'req_1', recognized: true })
  })

  it('reads the other headers when one header getter throws', () => {
    const headers = { get 'x-trace'(): string { throw new Error('trap') }, 'Retry-After': '14', 'X-Request-Id': 'req_9' }
    expect(normalizeError('acme', { status: 503, headers, body: '' })).toMatchObject({ retryAfter: 14, requestId: 'req_9' })
  })

  it('retries a 503 answered by another library\'s fetch Response', async () => {
    class OtherResponse {
      get status() { return 503 }
      get headers() { return { get: (name: string) => (name === 'retry-after' ? '0' : null) } }
      body = null
      clone() { return new Response(null, { status: 503 }) }
    }
    let calls = 0
    const { withRetry } = createNormalizer([acme])
    const outcome = await withRetry(async () => { calls++; return new OtherResponse() }, { vendor: 'acme', policy: { maxRetries: 2, retryOn: { statuses: [503] }, backoff: [[0, 0]], honoursRetryAfter: true, source: 'test' } }).catch((e: unknown) => e)
    expect(calls).toBe(3)
    expect(outcome).toMatchObject({ kind: 'unavailable', status: 503 })
  })
})

describe('a thrown error carrying its response', () => {
  const { normalizeError } = createNormalizer([])
  it('is an error of its status when only the status arrived', () => {
    const thrown = Object.assign(new Error('Service Unavailable'), { response: { status: 503 } })
    expect(normalizeError('acme', thrown)).toMatchObject({ kind: 'unavailable', status: 503 })
  })

  it('is transport when a success status arrived without its body', () => {
    const thrown = Object.assign(new Error('stream has been aborted'), { code: 'ERR_BAD_RESPONSE', response: { status: 200, headers: {} } })
    expect(normalizeError('acme', thrown)).toMatchObject({ kind: 'transport', reason: 'connection_failed', extensions: { status: 200 } })
  })
})
