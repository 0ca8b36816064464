/**
 * One HAR 1.2 entry read as the CLI's capture model: a response (status, headers, body, time), or a request
 * that got no response (a transport failure), or a problem.
 */
export type HarEntryRead =
  | {
      readonly type: 'response'
      readonly url: URL | undefined
      readonly at: number | null
      readonly status: number
      readonly headers: Readonly<Record<string, string | ReadonlyArray<string>>>
      readonly body: string | undefined
    }
  | { readonly type: 'failure'; readonly url: URL | undefined; readonly at: number | null; readonly failure: string | undefined }
  | { readonly type: 'problem'; readonly problem: string }

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

const nonBlank = (value: unknown): string | undefined => (typeof value === 'string' && value.trim().length > 0 ? value : undefined)

/**
 * The response headers of a HAR entry (a list of `{ name, value }`) as a capture line holds them: a record by
 * lower-case name, the values of a name given more than once kept in order as a list (joined `, ` when read,
 * as HTTP joins a repeated field). HTTP/2 pseudo-headers (`:status`) are not headers and are left out.
 */
export function headersOf(list: unknown): Record<string, string | string[]> {
  const byName = new Map<string, string[]>()
  if (!Array.isArray(list)) return {}
  for (const header of list) {
    if (!isRecord(header) || typeof header.name !== 'string' || typeof header.value !== 'string') continue
    const name = header.name.trim().toLowerCase()
    if (name.length === 0 || name.startsWith(':')) continue
    const values = byName.get(name)
    if (values === undefined) byName.set(name, [header.value])
    else values.push(header.value)
  }
  // Object.fromEntries defines each name as an own property (a header named __proto__ stays a header).
  return Object.fromEntries([...byName].map(([name, values]) => [name, values.length === 1 ? values[0]! : values]))
}

/** A response body's text: `content.text`, decoded when `content.encoding` is `base64` (as UTF-8). */
export function bodyOf(content: unknown): string | undefined {
  if (!isRecord(content) || typeof content.text !== 'string') return undefined
  return typeof content.encoding === 'string' && content.encoding.toLowerCase() === 'base64' ? Buffer.from(content.text, 'base64').toString('utf8') : content.text
}

// Playwright's content type of a response it has none for.
const unknownMimeType = 'x-unknown'

/** The text a browser gave for a request that failed: Chrome's `_error`, Playwright's `_failureText`. */
const failureTextOf = (response: Record<string, unknown>): string | undefined => nonBlank(response._error) ?? nonBlank(response._failureText)

/**
 * Reads a parsed HAR entry. A response whose browser recorded a failure (`_error`, `_failureText`) or whose
 * status is 0 or less (Firefox writes 0 and the cause, if any, in `statusText`; Playwright -1) is a request
 * that got no response. `startedDateTime` is its time; `content.mimeType` is the content type when no header
 * gives one.
 */
export function readHarEntry(entry: unknown): HarEntryRead {
  if (!isRecord(entry)) return { type: 'problem', problem: 'not a JSON object' }
  const request = isRecord(entry.request) ? entry.request : undefined
  const url = urlOf(request?.url)
  const at = timeOf(entry.startedDateTime)
  if (at === undefined) return { type: 'problem', problem: '"startedDateTime" is not an ISO date' }
  const response = entry.response
  if (!isRecord(response)) return { type: 'problem', problem: 'no "response" object' }
  const status = response.status
  if (typeof status !== 'number' || !Number.isInteger(status)) return { type: 'problem', problem: 'response.status is not a number' }
  const failure = failureTextOf(response)
  if (failure !== undefined || status <= 0) return { type: 'failure', url, at, failure: failure ?? nonBlank(response.statusText) }
  const headers = headersOf(response.headers)
  const content = isRecord(response.content) ? response.content : undefined
  const mimeType = nonBlank(content?.mimeType)
  const withType = headers['content-type'] === undefined && mimeType !== undefined && mimeType !== unknownMimeType ? { ...headers, 'content-type': mimeType } : headers
  return { type: 'response', url, at, status, headers: withType, body: bodyOf(content) }
}

function urlOf(value: unknown): URL | undefined {
  if (typeof value !== 'string') return undefined
  try {
    return new URL(value)
  } catch {
    return undefined
  }
}

// As a capture line's "at": no time is null; a time no date can hold is a problem.
function timeOf(value: unknown): number | null | undefined {
  if (value === undefined || value === null || value === '') return null
  if (typeof value !== 'string') return undefined
  const ms = Date.parse(value)
  return Number.isFinite(ms) ? ms : undefined
}
