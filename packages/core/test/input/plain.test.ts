import { describe, expect, it } from 'vitest'
import { readPlainResponse } from '../../src/input/plain'
import { readResponseSource } from '../../src/input/readers'
import { viewOf } from '../../src/input/view'

describe('readPlainResponse', () => {
  it('reads { status } alone as a response with no body (contract §1)', () => {
    expect(readPlainResponse({ status: 503 })).toMatchObject({ status: 503, headers: undefined, body: undefined, thrown: false })
    expect(viewOf(readPlainResponse({ status: 503, statusText: 'Service Unavailable' })!)).toMatchObject({ status: 503, body: { type: 'empty' } })
  })

  it('reads the statusCode and data spellings (got, undici, Node; axios)', () => {
    expect(readPlainResponse({ statusCode: 429, headers: { 'retry-after': '3' }, body: '' })).toMatchObject({ status: 429, body: '' })
    expect(readPlainResponse({ status: 200, headers: {}, data: { object: 'fault' }, config: {} })).toMatchObject({ status: 200, body: { object: 'fault' } })
  })

  it('leaves a body with a status member of its own a body: a Medable fault, a problem document', () => {
    expect(readPlainResponse({ object: 'fault', code: 'kTooBusy', status: 503 })).toBeUndefined()
    expect(readPlainResponse({ type: 'about:blank', title: 'Bad', status: 400 })).toBeUndefined()
  })

  it('reads own members only: a polluted prototype makes nothing a response', () => {
    const body = Object.create({ status: 500, body: 'x' }) as object
    expect(readPlainResponse(body)).toBeUndefined()
  })

  it('leaves a stream body (undici request(), a Blob) to normalizeResponse', async () => {
    const { Readable } = await import('node:stream')
    const source = readPlainResponse({ statusCode: 200, headers: {}, body: Readable.from(['{}']) })!
    expect(source.body).toBeUndefined()
    expect(source.openStream).toBeTypeOf('function')
    expect(source.encoded).toBe(true)
    expect(readPlainResponse({ status: 200, body: new Blob(['{}']) })).toMatchObject({ body: undefined, encoded: false })
  })

  it('never throws: a Proxy whose traps throw is not a response', () => {
    const hostile = new Proxy({}, { getOwnPropertyDescriptor: () => { throw new Error('trap') }, get: () => { throw new Error('trap') } })
    expect(readPlainResponse(hostile)).toBeUndefined()
    expect(readResponseSource(hostile)).toBeUndefined()
  })
})

describe('readResponseSource', () => {
  it('takes a fetch Response of this realm, its body left for normalizeResponse', () => {
    const source = readResponseSource(new Response('{}', { status: 502, headers: { 'x-request-id': 'r' } }))!
    expect(source).toMatchObject({ status: 502, body: undefined, thrown: false })
    expect(source.openStream).toBeTypeOf('function')
  })

  it('takes an error carrying its response as thrown: its status is a failure whatever it says', () => {
    const error = Object.assign(new Error('HTTPError'), { response: new Response(null, { status: 304 }) })
    expect(readResponseSource(error)).toMatchObject({ status: 304, thrown: true })
  })

  it('takes ofetch’s parsed body from the error (its response body is used up)', () => {
    const response = new Response('{"error":{}}', { status: 401 })
    const error = Object.assign(new Error('FetchError'), { response, data: { error: { code: 'x' } }, status: 401 })
    expect(readResponseSource(error)).toMatchObject({ status: 401, body: { error: { code: 'x' } }, openStream: undefined, thrown: true })
  })
})
