import { CanonicalError, createNormalizer, kindTable, readResponse } from '@faultline/core'
import { describe, expect, it } from 'vitest'
import { problemAdapter } from '../src/adapter'
import { problemTreeBounds } from '../src/decode'

const { normalizeError } = createNormalizer([problemAdapter])
const problemJson = { 'content-type': 'application/problem+json' }

describe('decoding problem+json', () => {
  it('decodes the RFC 9457 example: a foreign type falls back to the status', () => {
    const error = normalizeError('problem', {
      status: 403,
      headers: problemJson,
      body: {
        type: 'https://example.com/probs/out-of-credit',
        title: 'You do not have enough credit.',
        detail: 'Your current balance is 30, but that costs 50.',
        instance: '/account/12345/msgs/abc',
        balance: 30,
        accounts: ['/account/12345', '/account/67890'],
      },
    })
    expect(error).toMatchObject({
      kind: 'permission',
      reason: 'unrecognized',
      vendor: 'problem',
      vendorCode: 'https://example.com/probs/out-of-credit',
      docUrl: 'https://example.com/probs/out-of-credit',
      status: 403,
      message: 'Your current balance is 30, but that costs 50.',
      detail: 'You do not have enough credit.',
      // A foreign instance names the occurrence, not a request: kept verbatim, beside the foreign title.
      requestId: null,
      recognized: false,
      extensions: { title: 'You do not have enough credit.', instance: '/account/12345/msgs/abc', balance: 30, accounts: ['/account/12345', '/account/67890'] },
    })
  })

  it('reads faultline\'s own types back by meaning, whatever the status', () => {
    const error = normalizeError('problem', {
      status: 400,
      headers: { ...problemJson, 'retry-after': '12' },
      body: { type: 'https://faultline.dev/problems/authentication/session_expired', title: 'Session expired', detail: 'Session expired', vendor: 'medable' },
    })
    expect(error).toMatchObject({ kind: 'authentication', reason: 'session_expired', vendor: 'medable', status: 400, recognized: true, retryAfter: 12 })
  })

  it('reads RFC 7807 invalid-params, ASP.NET Core error maps and API Platform violations', () => {
    const rfc7807 = normalizeError('problem', {
      status: 400,
      headers: problemJson,
      body: { type: 'https://example.net/validation-error', title: 'Your request parameters didn\'t validate.', 'invalid-params': [{ name: 'age', reason: 'must be a positive integer' }, { name: 'color', reason: "must be 'green', 'red' or 'blue'" }] },
    })
    expect(rfc7807?.violations).toEqual([
      { path: 'age', reason: 'invalid_field', message: 'must be a positive integer', vendorCode: null },
      { path: 'color', reason: 'invalid_field', message: "must be 'green', 'red' or 'blue'", vendorCode: null },
    ])
    const aspnet = normalizeError('problem', {
      status: 400,
      headers: { 'content-type': 'application/problem+json; charset=utf-8' },
      body: JSON.stringify({ type: 'https://tools.ietf.org/html/rfc9110#section-15.5.1', title: 'One or more validation errors occurred.', status: 400, errors: { Name: ['The Name field is required.'], Dob: ['Bad date.', 'Too old.'] }, traceId: '00-abc-01' }),
    })
    expect(aspnet).toMatchObject({ kind: 'invalid_request', message: 'One or more validation errors occurred.', extensions: { traceId: '00-abc-01' } })
    expect(aspnet?.violations.map((v) => [v.path, v.message])).toEqual([['Name', 'The Name field is required.'], ['Dob', 'Bad date.'], ['Dob', 'Too old.']])
    const apiPlatform = normalizeError('problem', {
      status: 422,
      headers: { 'content-type': 'application/problem+json' },
      body: { title: 'An error occurred', detail: 'name: This value should not be blank.', violations: [{ propertyPath: 'name', message: 'This value should not be blank.', code: 'c1051bb4-d103-4f74-8988-acbcafc7fdc3' }] },
    })
    expect(apiPlatform?.violations).toEqual([{ path: 'name', reason: 'invalid_field', message: 'This value should not be blank.', vendorCode: 'c1051bb4-d103-4f74-8988-acbcafc7fdc3' }])
  })

  it('reads `about:blank` and servers that send application/json; 2xx without the problem type is success', () => {
    const blank = normalizeError('problem', { status: 404, headers: { 'content-type': 'application/json' }, body: { type: 'about:blank', title: 'Not Found', status: 404 } })
    expect(blank).toMatchObject({ kind: 'not_found', reason: 'unrecognized', vendorCode: null, message: 'Not Found', detail: null })
    expect(normalizeError('problem', { status: 200, headers: { 'content-type': 'application/json' }, body: { title: 'My book' } })).toBeNull()
    expect(normalizeError('problem', { status: 200, headers: problemJson, body: { title: 'Oops', status: 500 } })).toMatchObject({ kind: 'internal', status: 500 })
    expect(normalizeError('problem', { status: 502, body: '<html>Bad gateway</html>' })).toMatchObject({ kind: 'unavailable', reason: 'bad_gateway', recognized: false })
  })

  it('degrades members of the wrong type instead of failing', () => {
    const error = normalizeError('problem', {
      status: 429,
      headers: { ...problemJson, 'x-request-id': 'req_1' },
      body: { type: 42, title: ['x'], detail: 'Slow down', status: 'soon', retryAfter: -3, retryable: 'yes', errors: 'nope', causes: 'none' },
    })
    expect(error).toMatchObject({ kind: 'rate_limited', reason: 'throttled', message: 'Slow down', retryAfter: null, retryable: true, requestId: 'req_1', violations: [], causes: [] })
    expect(CanonicalError.is(error)).toBe(true)
  })

  it('puts `param` first among the violations of an invalid_request error', () => {
    const error = normalizeError('problem', { status: 400, headers: problemJson, body: { detail: 'dob is invalid', param: 'dob', errors: [{ path: 'name', detail: 'x' }] } })
    expect(error?.violations.map((v) => v.path)).toEqual(['dob', 'name'])
  })

  it('cuts a chain of causes deeper than the bound and says so', () => {
    let doc: Record<string, unknown> = { type: 'https://faultline.dev/problems/internal/internal_error', detail: 'leaf' }
    for (let i = 0; i < 40; i++) doc = { type: 'https://faultline.dev/problems/internal/internal_error', detail: `level ${i}`, causes: [doc] }
    const error = normalizeError('problem', { status: 500, headers: problemJson, body: doc })!
    let depth = 1
    for (let node = error; node.causes[0] !== undefined; node = node.causes[0]) depth++
    expect(depth).toBe(problemTreeBounds.maxDepth)
    expect(error.truncated).toBe(true)
    const shallow = normalizeError('problem', { status: 500, headers: problemJson, body: { detail: 'x', causes: [{ detail: 'y' }] } })!
    expect(shallow.truncated).toBe(false)
    expect(shallow.causes).toHaveLength(1)
  })

  it('answers hostile input without throwing', () => {
    const hostile = new Proxy({}, { get: () => { throw new Error('boom') }, ownKeys: () => { throw new Error('boom') }, getOwnPropertyDescriptor: () => { throw new Error('boom') } })
    expect(problemAdapter.decode(readResponse({ status: 500, headers: problemJson, body: hostile }))).toMatchObject({ kind: 'internal' })
    expect(problemAdapter.decode(readResponse({ status: 200, body: hostile }))).toBeNull()
  })
})

describe('long violation reasons', () => {
  it('reads a reason of more than 64 characters as free text, not as a reason word', () => {
    const reason = `${'a_'.repeat(40)}required`
    const error = normalizeError('problem', { status: 400, headers: problemJson, body: { type: 'about:blank', title: 'Bad', errors: [{ path: 'a', reason }] } })
    expect(error?.violations[0]).toMatchObject({ path: 'a', message: reason })
    expect(error?.violations[0]?.reason).not.toBe(reason)
  })
})

describe('another server\'s `instance`', () => {
  it('is kept verbatim as `extensions.instance`, not read as a request id: only faultline\'s URN names one', () => {
    // Spring Boot's ProblemDetail: `instance` is the request path.
    const spring = { type: 'about:blank', title: 'Not Found', status: 404, detail: 'No static resource account/12345/msgs/abc.', instance: '/account/12345/msgs/abc' }
    expect(normalizeError('problem', { status: 404, headers: problemJson, body: spring })).toMatchObject({ requestId: null, extensions: { instance: '/account/12345/msgs/abc' } })
    // Conservatively, no other shape is taken for a request id either: the header carries one when there is one.
    for (const instance of ['urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6', '3fa85f64-5717-4562-b3fc-2c963f66afa6', 'req_8f2a91', 'urn:faultline:request:%E0%A4%A', '']) {
      const error = normalizeError('problem', { status: 500, headers: { ...problemJson, 'x-request-id': 'req_1' }, body: { detail: 'x', instance } })
      expect(error).toMatchObject({ requestId: 'req_1', extensions: { instance } })
    }
    const own = normalizeError('problem', { status: 500, headers: problemJson, body: { detail: 'x', instance: 'urn:faultline:request:req%20x' } })
    expect(own).toMatchObject({ requestId: 'req x', extensions: {} })
    expect(own?.extensions).not.toHaveProperty('instance')
  })
})

describe('bodies without `detail`', () => {
  const fastify = { statusCode: 400, code: 'FST_ERR_VALIDATION', error: 'Bad Request', message: "body must have required property 'name'" }

  it('keep Fastify\'s and hapi\'s `message`, under application/json and problem+json alike', () => {
    for (const contentType of ['application/json; charset=utf-8', 'application/problem+json']) {
      const error = normalizeError('problem', { status: 400, headers: { 'content-type': contentType }, body: fastify })
      expect(error).toMatchObject({ kind: 'invalid_request', status: 400, message: "body must have required property 'name'", extensions: { statusCode: 400, code: 'FST_ERR_VALIDATION', error: 'Bad Request' } })
      expect(error?.extensions).not.toHaveProperty('message')
      expect(problemAdapter.decode(readResponse(problemAdapter.encode(error!)))).toEqual(error)
    }
    const hapi = normalizeError('problem', { status: 404, headers: { 'content-type': 'application/json' }, body: { statusCode: 404, error: 'Not Found', message: 'Not Found' } })
    expect(hapi).toMatchObject({ kind: 'not_found', message: 'Not Found' })
    // NestJS' validation pipe sends a list: no one sentence, kept as it is.
    const nest = normalizeError('problem', { status: 400, headers: { 'content-type': 'application/json' }, body: { statusCode: 400, message: ['name must be a string'], error: 'Bad Request' } })
    expect(nest).toMatchObject({ message: kindTable.invalid_request.message, extensions: { message: ['name must be a string'] } })
  })

  it('read `detail` first, and keep a `message` beside it; a `message` in a 2xx is no error', () => {
    expect(normalizeError('problem', { status: 422, headers: problemJson, body: { detail: 'D', message: 'M' } })).toMatchObject({ message: 'D', extensions: { message: 'M' } })
    expect(normalizeError('problem', { status: 200, headers: { 'content-type': 'application/json' }, body: { message: 'Created' } })).toBeNull()
  })

  it('keep a plain-text body as the message; not HTML, and not cut JSON', () => {
    const envoy = 'upstream connect error or disconnect/reset before headers. reset reason: connection failure'
    expect(normalizeError('problem', { status: 503, headers: { 'content-type': 'text/plain' }, body: `${envoy}\n` })).toMatchObject({ kind: 'unavailable', message: envoy, recognized: false })
    const bare = normalizeError('problem', { status: 500, headers: { 'x-request-id': 'req_2' }, body: 'Database connection refused' })
    expect(bare).toMatchObject({ kind: 'internal', message: 'Database connection refused', requestId: 'req_2' })
    expect(problemAdapter.decode(readResponse(problemAdapter.encode(bare!)))).toEqual(bare)
    for (const [contentType, body] of [['text/html', 'Bad gateway'], [undefined, '<html><body>502 Bad Gateway</body></html>'], ['application/problem+json', '{"type":']] as const) {
      const headers: Record<string, string> = contentType === undefined ? {} : { 'content-type': contentType }
      expect(normalizeError('problem', { status: 502, headers, body })?.message).toBe(kindTable.unavailable.message)
    }
  })
})
