import { describe, expect, it } from 'vitest'
import { readBody } from '../src/body'

const envelope = { error: { code: 'x', message: 'y' } }
const text = JSON.stringify(envelope)

describe('readBody', () => {
  it('keeps a parsed JSON value', () => {
    expect(readBody(envelope)).toEqual({ type: 'json', value: envelope })
  })

  it('parses JSON text, whatever the content type says', () => {
    expect(readBody(`  ${text}\n`)).toEqual({ type: 'json', value: envelope })
    expect(readBody(text, 'text/html')).toEqual({ type: 'json', value: envelope })
  })

  it('parses a JSON scalar only when the content type is JSON', () => {
    expect(readBody('"quota"', 'application/json')).toEqual({ type: 'json', value: 'quota' })
    expect(readBody('"quota"')).toEqual({ type: 'text', text: '"quota"' })
  })

  it('splits NDJSON into lines, announced or recognized', () => {
    const stream = '{"a":1}\n\n{"b":2}\r\n{"error":{}}\n'
    expect(readBody(stream, 'application/x-ndjson')).toEqual({ type: 'lines', lines: ['{"a":1}', '{"b":2}', '{"error":{}}'] })
    expect(readBody(stream)).toEqual({ type: 'lines', lines: ['{"a":1}', '{"b":2}', '{"error":{}}'] })
    expect(readBody('{"a":1}', 'application/x-json-stream')).toEqual({ type: 'lines', lines: ['{"a":1}'] })
  })

  it('keeps HTML, plain text and truncated JSON as text', () => {
    expect(readBody('<html>502 Bad Gateway</html>')).toEqual({ type: 'text', text: '<html>502 Bad Gateway</html>' })
    expect(readBody('{"error":')).toEqual({ type: 'text', text: '{"error":' })
  })

  it('reads empty bodies as empty', () => {
    for (const body of [undefined, null, '', '  \n ']) expect(readBody(body)).toEqual({ type: 'empty' })
  })

  it('decodes UTF-8 bytes in every container', () => {
    const bytes = new TextEncoder().encode(text)
    for (const body of [bytes, bytes.buffer, Buffer.from(text), new DataView(bytes.buffer)]) {
      expect(readBody(body)).toEqual({ type: 'json', value: envelope })
    }
  })

  it('replaces invalid UTF-8 instead of failing', () => {
    const result = readBody(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]))
    expect(result.type).toBe('text')
  })

  it('treats a stream it cannot read synchronously as empty', () => {
    expect(readBody(new Response('x').body)).toEqual({ type: 'empty' })
  })
})
