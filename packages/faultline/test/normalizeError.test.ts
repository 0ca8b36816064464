import { createServer, type Server } from 'node:net'
import { CanonicalError } from '@faultline/core'
import { medblocksWireResponse, scribeWireResponse } from '@faultline/testing'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bundledAdapters } from '../src/adapters'
import { encodeError, normalizeError, normalizeResponse } from '../src/normalize'

const vendors = bundledAdapters.map((adapter) => adapter.id)
const isValidResult = (input: unknown, error: ReturnType<typeof normalizeError>) =>
  error === null ? typeof input === 'object' && input !== null && 'status' in input : CanonicalError.is(error)

describe('normalizeError over the bundled adapters', () => {
  it('turns the README example into authentication / invalid_credentials', () => {
    expect(
      normalizeError('medblocks', { status: 401, body: { error: { type: 'authentication_error', code: 'invalid_api_key', message: 'API key invalid' } } }),
    ).toMatchObject({ kind: 'authentication', reason: 'invalid_credentials', vendor: 'medblocks' })
  })

  it('registers every bundled vendor', () => {
    expect(vendors).toEqual(expect.arrayContaining(['medblocks', 'scribe']))
  })

  it.each(vendors)('%s: an HTML 502 from a proxy is unavailable / bad_gateway', (vendor) => {
    const error = normalizeError(vendor, { status: 502, headers: { 'Content-Type': 'text/html' }, body: '<html><h1>502 Bad Gateway</h1></html>' })
    expect(error).toMatchObject({ kind: 'unavailable', reason: 'bad_gateway', status: 502, retryable: true })
  })

  it.each(vendors)('%s: an empty 503 is unavailable, with its Retry-After', (vendor) => {
    expect(normalizeError(vendor, { status: 503, headers: [['Retry-After', ' 30 ']], body: '' })).toMatchObject({
      kind: 'unavailable',
      reason: 'service_unavailable',
      retryAfter: 30,
    })
  })

  it.each(vendors)('%s: a 200 success is null', (vendor) => {
    expect(normalizeError(vendor, { status: 200, headers: new Headers({ 'content-type': 'application/json' }), body: '{"object":"result","data":{}}' })).toBeNull()
  })

  it.each(vendors)('%s: never throws, never answers an invalid error, for anything', (vendor) => {
    fc.assert(
      fc.property(fc.anything({ withNullPrototype: true, withTypedArray: true, withBoxedValues: true, withObjectString: true }), (input) => {
        expect(isValidResult(input, normalizeError(vendor, input))).toBe(true)
      }),
      { numRuns: 1000 },
    )
  })

  it.each(vendors)('%s: never throws on mutated vendor envelopes', (vendor) => {
    const mutated = fc.oneof(medblocksWireResponse(), scribeWireResponse()).chain((wire) =>
      fc.record({ status: fc.oneof(fc.constant(wire.status), fc.constantFrom(-0, Number('1e309'), Number.NaN, 99, 600, -1)), headers: fc.constant(wire.headers), body: fc.oneof(fc.constant(wire.body), fc.anything()) }),
    )
    fc.assert(
      fc.property(mutated, (input) => {
        const error = normalizeError(vendor, input)
        expect(isValidResult(input, error)).toBe(true)
        if (error !== null) expect(JSON.parse(JSON.stringify(error))).toEqual(error)
      }),
      { numRuns: 1000 },
    )
  })

  it('encodes back into a vendor\'s wire form', () => {
    const error = normalizeError('scribe', { status: 404, body: { error: { type: 'invalid_request_error', code: 'resource_not_found', message: 'Gone.' } } })!
    expect(encodeError('scribe', error)).toEqual({ status: 404, headers: {}, body: { error: { type: 'invalid_request_error', code: 'resource_not_found', message: 'Gone.' } } })
    expect(encodeError('medblocks', error).body).toMatchObject({ error: { type: 'not_found_error', code: 'resource_not_found' } })
  })
})

describe('normalizeError on real network failures', () => {
  let closedPort = 0
  let server: Server
  let resettingPort = 0

  beforeAll(async () => {
    const probe = createServer()
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve))
    closedPort = (probe.address() as { port: number }).port
    await new Promise<void>((resolve) => probe.close(() => resolve()))
    server = createServer((socket) => socket.resetAndDestroy())
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    resettingPort = (server.address() as { port: number }).port
  })
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

  const thrownBy = async (run: () => Promise<unknown>) => {
    try {
      await run()
    } catch (error) {
      return error
    }
    throw new Error('expected a failure')
  }

  it('reads fetch against a closed port as transport / connection_failed', async () => {
    const thrown = await thrownBy(() => fetch(`http://127.0.0.1:${closedPort}/`))
    expect(normalizeError('medblocks', thrown)).toMatchObject({ kind: 'transport', reason: 'connection_failed', retryable: true, extensions: { code: 'ECONNREFUSED' } })
  })

  it('reads a connection reset as transport / connection_failed', async () => {
    const thrown = await thrownBy(() => fetch(`http://127.0.0.1:${resettingPort}/`))
    expect(normalizeError('scribe', thrown)).toMatchObject({ kind: 'transport', reason: 'connection_failed' })
  })

  it('reads AbortSignal.timeout as transport / timeout (retryable) and abort() as aborted (not)', async () => {
    const sockets = new Set<import('node:net').Socket>()
    const hanging = createServer((socket) => void sockets.add(socket))
    await new Promise<void>((resolve) => hanging.listen(0, '127.0.0.1', resolve))
    const url = `http://127.0.0.1:${(hanging.address() as { port: number }).port}/`
    try {
      const timedOut = await thrownBy(() => fetch(url, { signal: AbortSignal.timeout(50) }))
      expect(normalizeError('medblocks', timedOut)).toMatchObject({ kind: 'transport', reason: 'timeout', retryable: true })
      const controller = new AbortController()
      const pending = thrownBy(() => fetch(url, { signal: controller.signal }))
      setTimeout(() => controller.abort(), 20)
      expect(normalizeError('medblocks', await pending)).toMatchObject({ kind: 'transport', reason: 'aborted', retryable: false })
    } finally {
      for (const socket of sockets) socket.destroy()
      await new Promise<void>((resolve) => hanging.close(() => resolve()))
    }
  })

  it('normalizes a real fetch Response and leaves its body to the caller', async () => {
    const response = new Response(JSON.stringify({ error: { type: 'rate_limit_error', code: 'throttled', message: 'Too many requests.' } }), {
      status: 429,
      headers: { 'Retry-After': '2', 'X-Request-Id': 'req_42' },
    })
    expect(await normalizeResponse('medblocks', response)).toMatchObject({ kind: 'rate_limited', retryAfter: 2, requestId: 'req_42' })
    expect(response.bodyUsed).toBe(false)
  })
})

describe('normalizeResponse on long streams: at most maxBodyBytes are read', () => {
  const results = Array.from({ length: 30_000 }, (_, i) => JSON.stringify({ object: 'result', data: { _id: i, c_name: 'visit' } })).join('\n')
  const medableStream = () =>
    new Response(`${results}\n{"object":"fault","code":"kTooBusy","status":503,"message":"Too Busy"}\n`, {
      status: 200,
      headers: { 'content-type': 'application/x-ndjson' },
    })

  it('finds a Medable fault on the last line of a 3 MB NDJSON answer when the bound holds it', async () => {
    const error = await normalizeResponse('medable', medableStream(), { maxBodyBytes: 4 * 1024 * 1024 })
    expect(error).toMatchObject({ kind: 'unavailable', vendorCode: 'kTooBusy', status: 503 })
  })

  it('stops at the default 1 MiB bound: a fault past it is not seen, and the caller can still read the body', async () => {
    const response = medableStream()
    expect(await normalizeResponse('medable', response)).toBeNull()
    expect((await response.text()).endsWith('"Too Busy"}\n')).toBe(true)
  })

  it('finds a Medipim error line in the middle of a JSON stream, within the bound', async () => {
    const products = (from: number) => Array.from({ length: 5_000 }, (_, i) => JSON.stringify({ id: `M${from + i}` })).join('\n')
    const body = `${products(0)}\n{"error":{"status":500,"code":"server_error","message":"Failed mid-stream"}}\n${products(5_000)}`
    const response = new Response(body, { status: 200, headers: { 'content-type': 'application/x-json-stream' } })
    expect(await normalizeResponse('medipim', response, { maxBodyBytes: 128 * 1024 })).toMatchObject({ kind: 'internal', vendorCode: 'server_error', status: 500 })
  })

  it('settles on an endless stream within the bound, pulling no more than the bound and a few chunks', async () => {
    const line = new TextEncoder().encode(`${JSON.stringify({ object: 'result', data: { _id: 1 } })}\n`.repeat(100))
    let pulled = 0
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += line.byteLength
        controller.enqueue(line)
      },
    })
    const response = new Response(endless, { status: 200, headers: { 'content-type': 'application/x-ndjson' } })
    expect(await normalizeResponse('medable', response, { maxBodyBytes: 64 * 1024 })).toBeNull()
    expect(pulled).toBeLessThan(64 * 1024 + 8 * line.byteLength)
  })
})
