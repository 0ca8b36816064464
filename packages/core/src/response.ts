/** The wire form every encoder writes: a status line, lower-case headers, and the body (parsed JSON, or text). */
export interface WireResponse {
  readonly status: number
  readonly headers: Readonly<Record<string, string>>
  readonly body: unknown
}
