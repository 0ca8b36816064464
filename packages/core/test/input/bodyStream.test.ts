import { gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { decompressionOf, readStreamText } from '../../src/input/bodyStream'

const bytes = (text: string) => new TextEncoder().encode(text)
// A stream that hands out `chunks` one per pull, then ends, or fails with `failAfter`.
const streamOf = (chunks: ReadonlyArray<Uint8Array>, failAfter?: Error) => {
  let next = 0
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (next < chunks.length) controller.enqueue(chunks[next++]!)
      else if (failAfter === undefined) controller.close()
      else controller.error(failAfter)
    },
  })
}

describe('readStreamText', () => {
  it('reads a whole body within the bound', async () => {
    expect(await readStreamText(streamOf([bytes('{"a":'), bytes('1}')]), 100)).toEqual({ text: '{"a":1}', bytes: 7, cut: false, failure: undefined })
  })

  it('stops at the bound and says so, the rest unread', async () => {
    const read = await readStreamText(streamOf([bytes('0123456789'), bytes('abcdef')]), 12)
    expect(read).toMatchObject({ text: '0123456789ab', bytes: 12, cut: true, failure: undefined })
  })

  it('does not split a character at the bound into a replacement', async () => {
    const read = await readStreamText(streamOf([bytes('aé')]), 2)
    expect(read.text).toBe('a')
  })

  it('answers what was read before a failure, with the failure', async () => {
    const failure = Object.assign(new TypeError('terminated'), { cause: { code: 'UND_ERR_SOCKET' } })
    const read = await readStreamText(streamOf([bytes('{"object":"res')], failure), 1024)
    expect(read).toMatchObject({ text: '{"object":"res', bytes: 14, cut: false, failure })
  })

  it('reads Node streams, and undoes gzip for bytes as sent', async () => {
    const { Readable } = await import('node:stream')
    const zipped = gzipSync(Buffer.from('{"error":{"code":"x"}}'))
    const read = await readStreamText(Readable.from([zipped.subarray(0, 10), zipped.subarray(10)]), 1024, decompressionOf('gzip'))
    expect(read).toMatchObject({ text: '{"error":{"code":"x"}}', cut: false, failure: undefined })
  })

  it('bounds what a decompression bomb gives: 64 MiB of zeros in 64 KiB of gzip read to the bound', async () => {
    const { Readable } = await import('node:stream')
    const bomb = gzipSync(Buffer.alloc(64 * 1024 * 1024))
    const read = await readStreamText(Readable.from([bomb]), 4096, 'gzip')
    expect(read).toMatchObject({ bytes: 4096, cut: true })
  })

  it('knows which encodings it can undo', () => {
    expect(decompressionOf(' GZIP ')).toBe('gzip')
    expect(decompressionOf('deflate')).toBe('deflate')
    expect(decompressionOf('br')).toBeUndefined()
    expect(decompressionOf('gzip, br')).toBeUndefined()
    expect(decompressionOf(undefined)).toBeUndefined()
  })
})
