/**
 * Every real HTTP client a user may hold a vendor failure from (fetch, undici's fetch and request(), ky, got,
 * ofetch, axios, node:http), driven against a local 127.0.0.1 server that answers in each vendor's dialect.
 * Each test asserts what `normalizeError` (sync) and `normalizeResponse` (async, reads a body that is still a
 * stream) must answer for exactly what the client hands the user: a thrown error, a resolved response, or a body.
 * The shapes each client produces are written down in .scratch/client-shapes.md.
 */
import { get as httpGet, type IncomingMessage, type RequestOptions } from 'node:http'
import { Readable } from 'node:stream'
import axios from 'axios'
import { normalizeError, normalizeResponse, type CanonicalError } from 'faultline'
import got from 'got'
import ky, { HTTPError as KyHTTPError } from 'ky'
import { ofetch } from 'ofetch'
import { fetch as undiciFetch, request as undiciRequest } from 'undici'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { refusedUrl, startWireServer, type WireCase, type WireServer } from './server'

type Answer = CanonicalError | null


/** The fields every assertion pins. */
interface Expected {
  readonly kind: string
  readonly reason: string
  readonly status: number | null
  readonly retryAfter: number | null
  readonly requestId: string | null
  readonly vendorCode: string | null
}

interface Case {
  readonly vendor: 'medblocks' | 'scribe' | 'medipim' | 'medable'
  readonly wire: WireCase
  /** The answer from status, headers AND body (the full vendor decode). */
  readonly full: Expected | null
  /** The answer from the status line and headers alone (the body unread): kind by status, no vendor code. */
  readonly headersOnly: Expected | null
  /** The body is one JSON document (a client may parse it). */
  readonly json: boolean
}

const json = { 'content-type': 'application/json' }
// The server's Date header is fixed, so an HTTP-date Retry-After gives exact seconds.
const serverDate = 'Mon, 23 Nov 2026 12:00:00 GMT'

const cases = {
  'medblocks 429 throttled, Retry-After 12 (delta seconds), x-request-id': {
    vendor: 'medblocks',
    wire: {
      status: 429,
      headers: { ...json, 'retry-after': '12', 'x-request-id': 'req_mb_429' },
      body: '{"error":{"type":"rate_limit_error","code":"throttled","message":"Too many requests."}}',
    },
    full: { kind: 'rate_limited', reason: 'throttled', status: 429, retryAfter: 12, requestId: 'req_mb_429', vendorCode: 'throttled' },
    headersOnly: { kind: 'rate_limited', reason: 'throttled', status: 429, retryAfter: 12, requestId: 'req_mb_429', vendorCode: null },
    json: true,
  },
  'scribe 503 service_unavailable, Retry-After as an HTTP-date 30 s after Date': {
    vendor: 'scribe',
    wire: {
      status: 503,
      headers: { ...json, date: serverDate, 'retry-after': 'Mon, 23 Nov 2026 12:00:30 GMT', 'x-request-id': 'req_sc_503' },
      body: '{"error":{"type":"api_error","code":"service_unavailable","message":"The transcription provider is down."}}',
    },
    full: { kind: 'unavailable', reason: 'dependency_failed', status: 503, retryAfter: 30, requestId: 'req_sc_503', vendorCode: 'service_unavailable' },
    headersOnly: { kind: 'unavailable', reason: 'service_unavailable', status: 503, retryAfter: 30, requestId: 'req_sc_503', vendorCode: null },
    json: true,
  },
  'scribe 502 HTML page of a proxy': {
    vendor: 'scribe',
    wire: { status: 502, headers: { 'content-type': 'text/html' }, body: '<html><body><h1>502 Bad Gateway</h1></body></html>' },
    full: { kind: 'unavailable', reason: 'bad_gateway', status: 502, retryAfter: null, requestId: null, vendorCode: null },
    headersOnly: { kind: 'unavailable', reason: 'bad_gateway', status: 502, retryAfter: null, requestId: null, vendorCode: null },
    json: false,
  },
  'medipim 401 authentication.api_key_is_not_active, x-request-id': {
    vendor: 'medipim',
    wire: {
      status: 401,
      headers: { ...json, 'x-request-id': 'req_mp_401' },
      body: '{"error":{"status":401,"code":"authentication.api_key_is_not_active","message":"Inactive key."}}',
    },
    full: { kind: 'authentication', reason: 'inactive_credentials', status: 401, retryAfter: null, requestId: 'req_mp_401', vendorCode: 'authentication.api_key_is_not_active' },
    headersOnly: { kind: 'authentication', reason: 'unrecognized', status: 401, retryAfter: null, requestId: 'req_mp_401', vendorCode: null },
    json: true,
  },
  'medipim 200 application/x-json-stream whose second line is an error': {
    vendor: 'medipim',
    wire: {
      status: 200,
      headers: { 'content-type': 'application/x-json-stream', 'x-request-id': 'req_mp_stream' },
      body: '{"id":1,"name":"Aspirin"}\n{"error":{"status":500,"code":"server_error","message":"Stream failed."}}\n{"id":3,"name":"Ibuprofen"}\n',
    },
    full: { kind: 'internal', reason: 'internal_error', status: 500, retryAfter: null, requestId: 'req_mp_stream', vendorCode: 'server_error' },
    headersOnly: null,
    json: false,
  },
  'medable 429 kThrottled fault, Retry-After 5': {
    vendor: 'medable',
    wire: {
      status: 429,
      headers: { ...json, 'retry-after': '5', 'x-request-id': 'req_md_429' },
      body: '{"object":"fault","name":"error","code":"kThrottled","status":429,"message":"Too many requests."}',
    },
    full: { kind: 'rate_limited', reason: 'throttled', status: 429, retryAfter: 5, requestId: 'req_md_429', vendorCode: 'kThrottled' },
    headersOnly: { kind: 'rate_limited', reason: 'throttled', status: 429, retryAfter: 5, requestId: 'req_md_429', vendorCode: null },
    json: true,
  },
  'medable 200 kNewLocation fault': {
    vendor: 'medable',
    wire: {
      status: 200,
      headers: { ...json, 'x-request-id': 'req_md_200' },
      body: '{"object":"fault","name":"location","code":"kNewLocation","errCode":"cortex.success.newLocation","status":200,"message":"A new location has been added."}',
    },
    full: { kind: 'action_required', reason: 'location_verification_required', status: 200, retryAfter: null, requestId: 'req_md_200', vendorCode: 'kNewLocation' },
    headersOnly: null,
    json: true,
  },
  'medable 202 kMediaNotReady fault, Retry-After 2': {
    vendor: 'medable',
    wire: {
      status: 202,
      headers: { ...json, 'retry-after': '2', 'x-request-id': 'req_md_202' },
      body: '{"object":"fault","code":"kMediaNotReady","errCode":"cortex.accepted.mediaNotReady","status":202,"reason":"File is not ready. State: pending"}',
    },
    full: { kind: 'pending', reason: 'media_not_ready', status: 202, retryAfter: 2, requestId: 'req_md_202', vendorCode: 'kMediaNotReady' },
    headersOnly: null,
    json: true,
  },
  'medblocks 503 gzip body (ehr_error / fhir_error, request_id in the body beats x-request-id)': {
    vendor: 'medblocks',
    wire: {
      status: 503,
      gzip: true,
      headers: { ...json, 'retry-after': '7', 'x-request-id': 'req_hdr_gz' },
      body: '{"error":{"type":"ehr_error","code":"fhir_error","message":"EHR unreachable.","request_id":"req_body_gz"}}',
    },
    full: { kind: 'unavailable', reason: 'fhir_failed', status: 503, retryAfter: 7, requestId: 'req_body_gz', vendorCode: 'fhir_error' },
    headersOnly: { kind: 'unavailable', reason: 'service_unavailable', status: 503, retryAfter: 7, requestId: 'req_hdr_gz', vendorCode: null },
    json: true,
  },
  'medable 400 gzip validation fault with child faults': {
    vendor: 'medable',
    wire: {
      status: 400,
      gzip: true,
      headers: { ...json, 'x-request-id': 'req_md_400' },
      body: JSON.stringify({
        object: 'fault',
        name: 'validation',
        code: 'kValidationError',
        status: 400,
        faults: [{ object: 'fault', name: 'validation', code: 'kRequired', status: 400, reason: 'Required property', message: 'Please enter a value', path: 'dob' }],
      }),
    },
    full: { kind: 'invalid_request', reason: 'validation_failed', status: 400, retryAfter: null, requestId: 'req_md_400', vendorCode: 'kValidationError' },
    headersOnly: { kind: 'invalid_request', reason: 'unrecognized', status: 400, retryAfter: null, requestId: 'req_md_400', vendorCode: null },
    json: true,
  },
  'medblocks 503 with no body and no headers of its own': {
    vendor: 'medblocks',
    wire: { status: 503 },
    full: { kind: 'unavailable', reason: 'service_unavailable', status: 503, retryAfter: null, requestId: null, vendorCode: null },
    headersOnly: { kind: 'unavailable', reason: 'service_unavailable', status: 503, retryAfter: null, requestId: null, vendorCode: null },
    json: false,
  },
  'medblocks 200 success': {
    vendor: 'medblocks',
    wire: { status: 200, headers: { ...json, 'x-request-id': 'req_ok' }, body: '{"id":"pat_1","object":"patient"}' },
    full: null,
    headersOnly: null,
    json: true,
  },
} satisfies Record<string, Case>

type CaseName = keyof typeof cases
const caseNames = Object.keys(cases) as CaseName[]

/** Special routes: breaks and delays. */
const specialRoutes: Record<string, WireCase> = {
  'cut-200': { status: 200, headers: json, body: JSON.stringify({ object: 'list', data: 'x'.repeat(4000) }), cut: true },
  'cut-503': { status: 503, headers: json, body: JSON.stringify({ error: { type: 'api_error', code: 'internal_error', message: 'x'.repeat(4000) } }), cut: true },
  slow: { status: 200, headers: json, body: '{}', delayMs: 2_000 },
  'slow-body': { status: 200, headers: json, body: '{"id":"pat_1","object":"patient"}', bodyDelayMs: 2_000 },
  'big-503': { status: 503, headers: { 'content-type': 'text/plain' }, body: 'x'.repeat(2 * 1024 * 1024) },
}

let server: WireServer
let refused = ''
const url = (name: string) => server.url(name)

beforeAll(async () => {
  const routes: Record<string, WireCase> = { ...specialRoutes }
  for (const name of caseNames) routes[name] = cases[name].wire
  server = await startWireServer(routes)
  refused = await refusedUrl()
})
afterAll(async () => {
  await server.close()
})

// ---------------------------------------------------------------------------------------------------------------
// How each client is called, and what the user holds afterwards

/** What a client call leaves the user holding: the value it resolved with, or what it threw. */
interface Held {
  readonly value: unknown
  readonly thrown: boolean
}

const settle = async (call: () => Promise<unknown>): Promise<Held> => {
  try {
    return { value: await call(), thrown: false }
  } catch (error) {
    return { value: error, thrown: true }
  }
}

/** The rejection of a call that must fail. */
const thrownBy = async (call: Promise<unknown>): Promise<unknown> => {
  try {
    await call
  } catch (error) {
    return error
  }
  throw new Error('expected the call to fail')
}

/** node:http `get` as a promise of the IncomingMessage. */
const nodeGet = (target: string, options: RequestOptions = {}): Promise<IncomingMessage> =>
  new Promise((resolve, reject) => {
    const request = httpGet(target, options, resolve)
    request.on('error', reject)
  })

// undici's BodyReadable emits an AbortError when destroyed unread: nobody else listens any more.
const destroyQuietly = (stream: Readable): void => {
  stream.on('error', () => undefined)
  stream.destroy()
}

/** Frees what a held value still keeps open (an unread body), so no socket outlives its test. */
async function release(value: unknown): Promise<void> {
  if (typeof value !== 'object' || value === null) return
  const candidates: unknown[] = [value]
  const response = (value as { response?: unknown }).response
  if (typeof response === 'object' && response !== null) candidates.push(response)
  for (const candidate of candidates) {
    if (candidate instanceof Readable) {
      destroyQuietly(candidate)
      continue
    }
    const body = (candidate as { body?: unknown }).body
    if (body instanceof Readable) destroyQuietly(body)
    else if (typeof body === 'object' && body !== null && typeof (body as ReadableStream).cancel === 'function') {
      const used = (candidate as { bodyUsed?: unknown }).bodyUsed === true
      if (!used || !(body as ReadableStream).locked) await (body as ReadableStream).cancel().catch(() => undefined)
    }
  }
}

/** What `normalizeError` can see synchronously in what the user holds. */
type View = 'all' | 'headers' | 'body'

interface Client {
  readonly name: string
  send(target: string): Promise<Held>
  /** 'all': status, headers and a read body; 'headers': status and headers (the body is a stream); 'body': the parsed body only. */
  view(held: Held): View
  /** Whether the combination is one a user of this client meets (ofetch hands over a success body, not a response). */
  applies?(c: Case): boolean
}

const clients: ReadonlyArray<Client> = [
  { name: 'fetch (global)', send: (target) => settle(() => fetch(target)), view: () => 'headers' },
  { name: 'undici fetch (another realm\'s Response)', send: (target) => settle(() => undiciFetch(target)), view: () => 'headers' },
  { name: 'ky', send: (target) => settle(() => ky.get(target, { retry: 0 })), view: () => 'headers' },
  {
    name: 'ky HTTPError .response',
    send: async (target) => {
      const held = await settle(() => ky.get(target, { retry: 0 }))
      return held.value instanceof KyHTTPError ? { value: held.value.response, thrown: false } : held
    },
    view: () => 'headers',
  },
  { name: 'got', send: (target) => settle(() => got(target, { retry: { limit: 0 } })), view: () => 'all' },
  { name: 'got { throwHttpErrors: false }', send: (target) => settle(() => got(target, { retry: { limit: 0 }, throwHttpErrors: false })), view: () => 'all' },
  {
    name: "got { responseType: 'json' }",
    send: (target) => settle(() => got(target, { retry: { limit: 0 }, responseType: 'json' })),
    view: () => 'all',
    applies: (c) => c.json,
  },
  {
    name: 'ofetch',
    send: (target) => settle(() => ofetch(target, { retry: 0 })),
    view: (held) => (held.thrown ? 'all' : 'body'),
    // On a success status ofetch resolves with the parsed body alone (a Blob for application/x-json-stream): only a
    // JSON fault body is an error a user can hand over there.
    applies: (c) => c.wire.status >= 400 || (c.full !== null && c.json),
  },
  {
    name: 'ofetch.raw',
    send: (target) => settle(() => ofetch.raw(target, { retry: 0 })),
    view: () => 'all',
    // A stream type's body is a Blob, which only normalizeResponse reads.
    applies: (c) => c.json,
  },
  { name: 'axios', send: (target) => settle(() => axios.get(target)), view: () => 'all' },
  { name: 'undici request()', send: (target) => settle(() => undiciRequest(target)), view: () => 'headers' },
  { name: 'node:http get (IncomingMessage)', send: (target) => settle(() => nodeGet(target)), view: () => 'headers' },
]

/** The answer for what a view shows: a body alone carries no status line and no headers. */
function expectedFor(c: Case, view: View): Expected | null {
  if (view === 'all') return c.full
  if (view === 'headers') return c.headersOnly
  return c.full === null ? null : { ...c.full, retryAfter: null, requestId: null }
}

const pinned = (answer: Answer) =>
  answer === null
    ? null
    : { kind: answer.kind, reason: answer.reason, status: answer.status, retryAfter: answer.retryAfter, requestId: answer.requestId, vendorCode: answer.vendorCode }

// ---------------------------------------------------------------------------------------------------------------

describe('control: each case as a plain { status, headers, body }, what every reader reduces to', () => {
  it.each(caseNames)('%s', (name) => {
    const c: Case = cases[name]
    const headers = Object.fromEntries(Object.entries(c.wire.headers ?? {}).map(([key, value]) => [key.toLowerCase(), value]))
    expect(pinned(normalizeError(c.vendor, { status: c.wire.status, headers, body: c.wire.body ?? '' }))).toEqual(c.full)
    expect(pinned(normalizeError(c.vendor, { status: c.wire.status, headers }))).toEqual(c.headersOnly)
  })
})

describe.each(clients)('$name against every vendor dialect', (client) => {
  const applicable = caseNames.filter((name) => client.applies?.(cases[name]) ?? true)

  it.each(applicable)('normalizeError (sync): %s', async (name) => {
    const c: Case = cases[name]
    const held = await client.send(url(name))
    try {
      expect(pinned(normalizeError(c.vendor, held.value))).toEqual(expectedFor(c, client.view(held)))
    } finally {
      await release(held.value)
    }
  })

  it.each(applicable)('normalizeResponse (async, reads the body): %s', async (name) => {
    const c: Case = cases[name]
    const held = await client.send(url(name))
    try {
      // A stream body is read, so the full decode; a body-only value answers what normalizeError answers.
      const view = client.view(held)
      expect(pinned(await normalizeResponse(c.vendor, held.value))).toEqual(expectedFor(c, view === 'headers' ? 'all' : view))
    } finally {
      await release(held.value)
    }
  })
})

describe('what the user holds after reading the body themselves', () => {
  it('got: a response whose body was read is decoded in full, sync; the 200 Medable fault is not null', async () => {
    const response = await got(url('medable 200 kNewLocation fault'), { retry: { limit: 0 } })
    expect(pinned(normalizeError('medable', response))).toEqual(cases['medable 200 kNewLocation fault'].full)
  })

  it('axios: a resolved response { status, headers: AxiosHeaders, data } holding a 200 Medable fault is that fault, not null', async () => {
    const response = await axios.get(url('medable 200 kNewLocation fault'))
    expect(response.status).toBe(200)
    expect(pinned(normalizeError('medable', response))).toEqual(cases['medable 200 kNewLocation fault'].full)
    expect(pinned(normalizeError('medable', { status: response.status, headers: response.headers, body: response.data }))).toEqual(
      cases['medable 200 kNewLocation fault'].full,
    )
  })

  it('undici request(): the user reads body.json() and passes { statusCode, headers, body: parsed }', async () => {
    const result = await undiciRequest(url('medipim 401 authentication.api_key_is_not_active, x-request-id'))
    const body: unknown = await result.body.json()
    expect(pinned(normalizeError('medipim', { status: result.statusCode, headers: result.headers, body }))).toEqual(
      cases['medipim 401 authentication.api_key_is_not_active, x-request-id'].full,
    )
  })

  it('fetch: the body stays readable after normalizeResponse', async () => {
    const response = await fetch(url('medblocks 429 throttled, Retry-After 12 (delta seconds), x-request-id'))
    expect(pinned(await normalizeResponse('medblocks', response))).toEqual(cases['medblocks 429 throttled, Retry-After 12 (delta seconds), x-request-id'].full)
    expect(await response.json()).toMatchObject({ error: { code: 'throttled' } })
  })
})

describe('a bare { status: 503 }: no headers, no body member', () => {
  it.each(['medblocks', 'scribe', 'medipim', 'medable'])('%s: unavailable / service_unavailable, status 503', async (vendor) => {
    const expected = { kind: 'unavailable', reason: 'service_unavailable', status: 503, retryAfter: null, requestId: null, vendorCode: null }
    expect(pinned(normalizeError(vendor, { status: 503 }))).toEqual(expected)
    expect(pinned(await normalizeResponse(vendor, { status: 503 }))).toEqual(expected)
  })
})

// ---------------------------------------------------------------------------------------------------------------
// Transport failures: no response, or a response whose body never arrived whole

const transport = { kind: 'transport', status: null, retryable: true }

describe('connection refused is transport / connection_failed', () => {
  const calls: ReadonlyArray<readonly [string, (target: string) => Promise<unknown>]> = [
    ['fetch (global)', (target) => fetch(target)],
    ['undici fetch', (target) => undiciFetch(target)],
    ['ky', (target) => ky.get(target, { retry: 0 })],
    ['got', (target) => got(target, { retry: { limit: 0 } })],
    ['ofetch', (target) => ofetch(target, { retry: 0 })],
    ['axios', (target) => axios.get(target)],
    ['undici request()', (target) => undiciRequest(target)],
    ['node:http get', (target) => nodeGet(target)],
  ]
  it.each(calls)('%s', async (_name, call) => {
    const thrown = await thrownBy(call(refused))
    expect(normalizeError('medblocks', thrown)).toMatchObject({ ...transport, reason: 'connection_failed' })
    expect(await normalizeResponse('medblocks', thrown)).toEqual(normalizeError('medblocks', thrown))
  })
})

describe('timeouts are transport / timeout, retryable', () => {
  const calls: ReadonlyArray<readonly [string, (target: string) => Promise<unknown>]> = [
    ['ky { timeout: 50 } (ky TimeoutError)', (target) => ky.get(target, { retry: 0, timeout: 50 })],
    ['ky { signal: AbortSignal.timeout(50) } (DOMException TimeoutError)', (target) => ky.get(target, { retry: 0, signal: AbortSignal.timeout(50) })],
    ['got { timeout: { request: 50 } } (ETIMEDOUT)', (target) => got(target, { retry: { limit: 0 }, timeout: { request: 50 } })],
    ['got { signal: AbortSignal.timeout(50) } (got TimeoutError, numeric code 23)', (target) => got(target, { retry: { limit: 0 }, signal: AbortSignal.timeout(50) })],
    ['ofetch { timeout: 50 } (FetchError, cause TimeoutError)', (target) => ofetch(target, { retry: 0, timeout: 50 })],
    ['ofetch { signal: AbortSignal.timeout(50) } (FetchError, cause DOMException)', (target) => ofetch(target, { retry: 0, signal: AbortSignal.timeout(50) })],
    ['undici request() { headersTimeout: 50 } (UND_ERR_HEADERS_TIMEOUT)', (target) => undiciRequest(target, { headersTimeout: 50 })],
    ['undici request() { signal: AbortSignal.timeout(50) }', (target) => undiciRequest(target, { signal: AbortSignal.timeout(50) })],
    ['node:http get { signal: AbortSignal.timeout(50) } (AbortError, cause TimeoutError)', (target) => nodeGet(target, { signal: AbortSignal.timeout(50) })],
    ['axios { timeout: 50 } (ECONNABORTED)', (target) => axios.get(target, { timeout: 50 })],
    ['fetch { signal: AbortSignal.timeout(50) }', (target) => fetch(target, { signal: AbortSignal.timeout(50) })],
    ['undici fetch { signal: AbortSignal.timeout(50) }', (target) => undiciFetch(target, { signal: AbortSignal.timeout(50) })],
  ]
  it.each(calls)('%s', async (_name, call) => {
    const thrown = await thrownBy(call(url('slow')))
    expect(normalizeError('medblocks', thrown)).toMatchObject({ ...transport, reason: 'timeout' })
    expect(await normalizeResponse('medblocks', thrown)).toEqual(normalizeError('medblocks', thrown))
  })

  it('undici request() { bodyTimeout: 50 }: the result resolves; reading its body fails, and normalizeResponse says transport / timeout', async () => {
    const result = await undiciRequest(url('slow-body'), { bodyTimeout: 50 })
    try {
      expect(await normalizeResponse('medblocks', result)).toMatchObject({ ...transport, reason: 'timeout' })
    } finally {
      await release(result)
    }
  })

  it('axios { signal: AbortSignal.timeout(50) }: a CanceledError without a cause (the TimeoutError is only config.signal.reason) is transport / timeout', async () => {
    const thrown = await thrownBy(axios.get(url('slow'), { signal: AbortSignal.timeout(50) }))
    expect(normalizeError('medblocks', thrown)).toMatchObject({ kind: 'transport', reason: 'timeout', retryable: true, status: null })
  })

  it('axios, aborted by the caller (not a timeout): a CanceledError is transport / aborted, not retried', async () => {
    const controller = new AbortController()
    const pending = thrownBy(axios.get(url('slow'), { signal: controller.signal }))
    setTimeout(() => controller.abort(), 20)
    expect(normalizeError('medblocks', await pending)).toMatchObject({ kind: 'transport', reason: 'aborted', retryable: false })
  })
})

describe('a connection reset in the middle of the body is transport, never null or a success', () => {
  const syncCases: ReadonlyArray<readonly [string, () => Promise<unknown>]> = [
    ['fetch: the TypeError "terminated" (cause UND_ERR_SOCKET) of reading a cut 200', async () => thrownBy((await fetch(url('cut-200'))).json())],
    ['ky: .json() of a cut 200', () => thrownBy(ky.get(url('cut-200'), { retry: 0 }).json())],
    ['got: ReadError ECONNRESET of a cut 200', () => thrownBy(got(url('cut-200'), { retry: { limit: 0 } }))],
    ['got: ReadError ECONNRESET of a cut 503', () => thrownBy(got(url('cut-503'), { retry: { limit: 0 } }))],
    ['ofetch: a cut 200', () => thrownBy(ofetch(url('cut-200'), { retry: 0 }))],
    ['ofetch: a cut 503', () => thrownBy(ofetch(url('cut-503'), { retry: 0 }))],
    ['axios: ERR_BAD_RESPONSE "stream has been aborted" of a cut 200 (status 200, data undefined)', () => thrownBy(axios.get(url('cut-200')))],
    ['axios: ERR_BAD_RESPONSE "stream has been aborted" of a cut 503', () => thrownBy(axios.get(url('cut-503')))],
    ['undici request(): the SocketError of reading a cut 200', async () => thrownBy((await undiciRequest(url('cut-200'))).body.json())],
    ['node:http get: the ECONNRESET "aborted" of reading a cut 200', async () => thrownBy((await nodeGet(url('cut-200'))).toArray())],
  ]
  it.each(syncCases)('normalizeError: %s', async (_name, produce) => {
    const thrown = await produce()
    expect(normalizeError('medblocks', thrown)).toMatchObject(transport)
    expect(await normalizeResponse('medblocks', thrown)).toEqual(normalizeError('medblocks', thrown))
  })

  it('a client error that carries the response keeps its status line in extensions (got ReadError, axios)', async () => {
    const fromGot = normalizeError('medblocks', await thrownBy(got(url('cut-503'), { retry: { limit: 0 } })))
    expect(fromGot).toMatchObject({ ...transport, extensions: { code: 'ECONNRESET', status: 503 } })
    const fromAxios = normalizeError('medblocks', await thrownBy(axios.get(url('cut-503'))))
    expect(fromAxios).toMatchObject({ ...transport, extensions: { status: 503 } })
  })

  const asyncCases: ReadonlyArray<readonly [string, (route: string) => Promise<unknown>]> = [
    ['fetch Response', (route) => fetch(url(route))],
    ['undici fetch Response', (route) => undiciFetch(url(route))],
    ['undici request() result', (route) => undiciRequest(url(route))],
    ['IncomingMessage', (route) => nodeGet(url(route))],
    ['ky Response', (route) => ky.get(url(route), { retry: 0 })],
  ]
  it.each(asyncCases)('normalizeResponse of a %s with a cut 200 body', async (_name, send) => {
    const held = await send('cut-200')
    try {
      expect(await normalizeResponse('medblocks', held)).toMatchObject(transport)
    } finally {
      await release(held)
    }
  })

  const cut503: ReadonlyArray<readonly [string, () => Promise<unknown>]> = [
    ['fetch Response', () => fetch(url('cut-503'))],
    ['undici request() result', () => undiciRequest(url('cut-503'))],
    ['IncomingMessage', () => nodeGet(url('cut-503'))],
    ['ky HTTPError', () => thrownBy(ky.get(url('cut-503'), { retry: 0 }))],
  ]
  it.each(cut503)('a %s of a cut 503: sync by its status line, async transport', async (_name, send) => {
    const held = await send()
    try {
      expect(normalizeError('medblocks', held)).toMatchObject({ kind: 'unavailable', reason: 'service_unavailable', status: 503 })
      expect(await normalizeResponse('medblocks', held)).toMatchObject(transport)
    } finally {
      await release(held)
    }
  })
})

describe('normalizeResponse reads at most maxBodyBytes', () => {
  const sends: ReadonlyArray<readonly [string, () => Promise<unknown>]> = [
    ['fetch Response', () => fetch(url('big-503'))],
    ['undici request() result', () => undiciRequest(url('big-503'))],
    ['IncomingMessage', () => nodeGet(url('big-503'))],
    ['ky HTTPError', () => thrownBy(ky.get(url('big-503'), { retry: 0 }))],
  ]
  it.each(sends)('a 2 MiB 503 %s with maxBodyBytes 1024 is judged by its status', async (_name, send) => {
    const held = await send()
    try {
      expect(await normalizeResponse('scribe', held, { maxBodyBytes: 1024 })).toMatchObject({ kind: 'unavailable', reason: 'service_unavailable', status: 503 })
    } finally {
      await release(held)
    }
  })
})
