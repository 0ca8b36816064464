import { describe, expect, it } from 'vitest'
import { readResponseText } from '../src/responseBody'

const stream = (text: string, contentType: string) => new Response(text, { headers: { 'content-type': contentType } })
const product = (i: number) => JSON.stringify({ id: `M${i}`, name: { nl: 'Paracetamol 500 mg' }, ean: '5400000000000' })
const manyLines = (count: number) => Array.from({ length: count }, (_, i) => product(i)).join('\n')

describe('readResponseText', () => {
  it('reads a plain body up to the bound, and leaves it to the caller', async () => {
    const response = new Response('x'.repeat(5000))
    expect(await readResponseText(response, 100)).toBe('x'.repeat(100))
    expect((await response.text()).length).toBe(5000)
  })

  it('does not cut a multi-byte character into garbage', async () => {
    expect(await readResponseText(new Response('ééé'), 6)).toBe('ééé')
  })

  it('keeps the last line of a long NDJSON stream (a Medable fault after 40,000 results)', async () => {
    const fault = '{"object":"fault","code":"kError","status":500,"message":"Stream failed"}'
    const text = await readResponseText(stream(`${manyLines(40_000)}\n${fault}\n`, 'application/x-ndjson'), 64 * 1024)
    expect(text.length).toBeLessThanOrEqual(64 * 1024 + 1000)
    expect(text.split('\n').at(-1)).toBe(fault)
  })

  it('keeps an error line from the middle of a long JSON stream (Medipim), in order', async () => {
    const error = '{"error":{"status":500,"code":"server_error","message":"Failed"}}'
    const body = `${manyLines(20_000)}\n${error}\n${manyLines(20_000)}`
    const lines = (await readResponseText(stream(body, 'application/x-json-stream'), 16 * 1024)).split('\n')
    expect(lines[0]).toBe(error)
    expect(lines.at(-1)).toBe(product(19_999))
  })

  it('drops a single line longer than the bound instead of buffering it', async () => {
    const text = await readResponseText(stream(`{"big":"${'x'.repeat(100_000)}"}\n{"object":"fault","code":"kTimeout"}`, 'application/x-ndjson'), 1024)
    expect(text).toBe('{"object":"fault","code":"kTimeout"}')
  })

  it('answers an empty string for a response without a body', async () => {
    expect(await readResponseText(new Response(null, { status: 204 }), 100)).toBe('')
  })
})
