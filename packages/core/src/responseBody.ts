import { isStreamContentType } from './body'

/** Lines of a stream body that mention an error, kept from anywhere in the stream (Medipim reports mid-stream). */
const maxErrorLines = 16
const errorMention = /"(?:error|fault)"/

/**
 * Reads at most `maxBytes` of a clone of the response's body as UTF-8 text; the caller can still read the body.
 * A stream body (NDJSON, JSON-stream) is read through to its end in bounded memory instead, keeping the lines
 * that mention an error from anywhere and the last `maxBytes` of lines, in their order: a failure can be the
 * last line (Medable) or any line (Medipim) of a long stream.
 */
export async function readResponseText(response: Response, maxBytes: number): Promise<string> {
  const stream = response.clone().body
  if (stream === null) return ''
  const reader = stream.getReader()
  try {
    return isStreamContentType(response.headers.get('content-type') ?? undefined)
      ? await readStreamLines(reader, maxBytes)
      : await readHead(reader, maxBytes)
  } finally {
    // Not awaited: cancelling one branch of a tee settles only when the caller's branch is cancelled too.
    reader.cancel().catch(() => undefined)
  }
}

async function readHead(reader: ReadableStreamDefaultReader<Uint8Array>, maxBytes: number): Promise<string> {
  const decoder = new TextDecoder('utf-8')
  let text = ''
  let total = 0
  while (total < maxBytes) {
    const { done, value } = await reader.read()
    if (done) break
    const chunk = value.byteLength > maxBytes - total ? value.subarray(0, maxBytes - total) : value
    total += chunk.byteLength
    text += decoder.decode(chunk, { stream: true })
  }
  return text + decoder.decode()
}

interface KeptLine {
  readonly index: number
  readonly text: string
}

async function readStreamLines(reader: ReadableStreamDefaultReader<Uint8Array>, maxBytes: number): Promise<string> {
  const decoder = new TextDecoder('utf-8')
  const errorLines: KeptLine[] = []
  const tail: KeptLine[] = []
  let tailStart = 0
  let tailLength = 0
  let index = 0
  let pending = ''
  let oversized = false

  const keep = (raw: string) => {
    const text = raw.trim()
    if (text.length === 0) return
    const line = { index: index++, text }
    if (errorLines.length < maxErrorLines && text.length <= maxBytes && errorMention.test(text)) errorLines.push(line)
    tail.push(line)
    tailLength += text.length
    while (tailLength > maxBytes && tailStart < tail.length - 1) tailLength -= tail[tailStart++]!.text.length
    if (tailStart > 4096) {
      tail.splice(0, tailStart)
      tailStart = 0
    }
  }

  for (;;) {
    const { done, value } = await reader.read()
    const text = done ? decoder.decode() : decoder.decode(value, { stream: true })
    let start = 0
    for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', start)) {
      if (!oversized) keep(pending + text.slice(start, end))
      pending = ''
      oversized = false
      start = end + 1
    }
    if (!oversized) pending += text.slice(start)
    // A line longer than the bound is dropped whole rather than buffered.
    if (pending.length > maxBytes) {
      pending = ''
      oversized = true
    }
    if (done) break
  }
  if (!oversized) keep(pending)

  const lines = new Map<number, string>()
  for (const line of errorLines) lines.set(line.index, line.text)
  for (let i = tailStart; i < tail.length; i++) lines.set(tail[i]!.index, tail[i]!.text)
  return [...lines.entries()].sort((a, b) => a[0] - b[0]).map(([, text]) => text).join('\n')
}
