import { createReadStream } from 'node:fs'

/**
 * A file's text, read no further than `maxBytes` (a "file" may be a device such as /dev/zero, or a pipe):
 * `undefined` when it holds more. A file that cannot be read rejects with the error of reading it.
 */
export async function readBounded(path: string, maxBytes: number): Promise<string | undefined> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of createReadStream(path, { highWaterMark: Math.min(2 ** 20, maxBytes + 1) })) {
    size += (chunk as Buffer).length
    if (size > maxBytes) return undefined
    chunks.push(chunk as Buffer)
  }
  return Buffer.concat(chunks).toString('utf8')
}
