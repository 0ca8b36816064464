/** A chunk of a stream (a Buffer, any Uint8Array, or text) as bytes, without copying bytes it already holds. */
export const toBytes = (chunk: unknown): Buffer =>
  typeof chunk === 'string'
    ? Buffer.from(chunk, 'utf8')
    : Buffer.isBuffer(chunk)
      ? chunk
      : Buffer.from((chunk as Uint8Array).buffer, (chunk as Uint8Array).byteOffset, (chunk as Uint8Array).byteLength)

/** JSON white space: space, tab, line feed, carriage return. */
export const isJsonSpace = (byte: number): boolean => byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09
