import { createServer, type Server } from 'node:http'
import axios from 'axios'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { normalizeError } from '../src/normalize'

let server: Server
let base = ''

beforeAll(async () => {
  server = createServer((request, response) => {
    if (request.url === '/throttled') {
      response.writeHead(429, { 'content-type': 'application/json', 'retry-after': '12', 'x-request-id': 'req_ax' })
      response.end('{"error":{"type":"rate_limit_error","code":"throttled","message":"Too many requests."}}')
    } else if (request.url === '/proxy') {
      response.writeHead(502, { 'content-type': 'text/html' }).end('<html><h1>502 Bad Gateway</h1></html>')
    } else if (request.url === '/slow') {
      setTimeout(() => response.writeHead(200).end('{}'), 2_000)
    } else {
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}')
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`
})
afterAll(() => {
  server.closeAllConnections()
  return new Promise<void>((resolve) => server.close(() => resolve()))
})

const thrownBy = (request: Promise<unknown>) => request.then(() => { throw new Error('expected a failure') }, (error: unknown) => error)

describe('normalizeError on real axios errors', () => {
  it('decodes an error with a response like any response of the vendor', async () => {
    const thrown = await thrownBy(axios.get(`${base}/throttled`))
    expect(axios.isAxiosError(thrown)).toBe(true)
    expect(normalizeError('medblocks', thrown)).toMatchObject({ kind: 'rate_limited', reason: 'throttled', status: 429, retryAfter: 12, requestId: 'req_ax', recognized: true })
  })

  it('decodes a proxy page by its status', async () => {
    expect(normalizeError('scribe', await thrownBy(axios.get(`${base}/proxy`)))).toMatchObject({ kind: 'unavailable', reason: 'bad_gateway' })
  })

  it('reads an error without a response as a transport error', async () => {
    const closed = createServer()
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve))
    const port = (closed.address() as { port: number }).port
    await new Promise<void>((resolve) => closed.close(() => resolve()))
    expect(normalizeError('medblocks', await thrownBy(axios.get(`http://127.0.0.1:${port}/`)))).toMatchObject({ kind: 'transport', reason: 'connection_failed' })
  })

  it('reads an axios timeout as transport / timeout', async () => {
    expect(normalizeError('medblocks', await thrownBy(axios.get(`${base}/slow`, { timeout: 50 })))).toMatchObject({ kind: 'transport', reason: 'timeout', retryable: true })
  })

  it('reads a cancelled request as transport / aborted, not retryable', async () => {
    const controller = new AbortController()
    const pending = thrownBy(axios.get(`${base}/slow`, { signal: controller.signal }))
    setTimeout(() => controller.abort(), 20)
    expect(normalizeError('medblocks', await pending)).toMatchObject({ kind: 'transport', reason: 'aborted', retryable: false })
  })

  it('reads a DNS failure as transport / dns_failed, without the network', async () => {
    const lookup = (_host: string, _options: unknown, callback: (error: Error) => void) =>
      callback(Object.assign(new Error('getaddrinfo ENOTFOUND api.medblocks.invalid'), { code: 'ENOTFOUND' }))
    const thrown = await thrownBy(axios.get('http://api.medblocks.invalid/', { lookup: lookup as never }))
    expect(normalizeError('medblocks', thrown)).toMatchObject({ kind: 'transport', reason: 'dns_failed', extensions: { code: 'ENOTFOUND' } })
  })

  it('answers null for nothing: a success never throws in axios, and a thrown success is still an error', async () => {
    const response = await axios.get(`${base}/ok`)
    expect(normalizeError('medblocks', { status: response.status, headers: response.headers, body: response.data })).toBeNull()
  })
})
