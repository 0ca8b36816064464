import { canonicalError, canonicalErrorOf, errorStatus, retryMeaning, findRequestId, noCauses, retryAfterOf, type CanonicalError, type JsonRecord, type NormalizeOptions, type ResponseView } from '@faultline/core'
import { copyExtras, gatherMembers, nonBlank, stringOrNull } from '@faultline/core/internal'
import { medipimCatalog, medipimMeaning } from './catalog'
import { decideMedipimRetry } from './retryPolicy'
import { envelopeMembers, findEnvelope } from './envelope'
import { findStreamError, findStreamErrorInText } from './stream'
import { decodeViolations } from './violations'

const vendor = medipimCatalog.vendor

/** Where an answer's error is: the envelope's `error` (absent when only the status says "error") and its container. */
interface Located {
  readonly error: object | undefined
  readonly container: object | undefined
}

const nothing: Located = { error: undefined, container: undefined }

/**
 * A JSON body's envelope (at any status, contract §5), a JSON stream's first error line, or, for a failed
 * status, the body object alone (it may hold top-level `violations`).
 */
function locate(response: ResponseView): Located | undefined {
  const { body } = response
  const failed = response.status !== null && response.status >= 400
  if (body.type === 'lines') {
    const found = body.text === undefined ? findStreamError(body.lines) : findStreamErrorInText(body.text)
    return found ?? (failed ? nothing : undefined)
  }
  if (body.type === 'json') {
    const found = findEnvelope(body.value)
    if (found !== undefined) return found
    const container = typeof body.value === 'object' && body.value !== null ? body.value : undefined
    return failed ? { error: undefined, container } : undefined
  }
  return failed ? nothing : undefined
}

const withAllow = (extensions: JsonRecord, allow: string | undefined): JsonRecord =>
  allow === undefined ? extensions : { ...extensions, allow }

/** The members of an `error` that canonical fields hold, each read once. */
interface ErrorFields {
  status: unknown
  code: string | null
  message: unknown
  requestId: unknown
}

const noFields = (): ErrorFields => ({ status: undefined, code: null, message: undefined, requestId: undefined })

// A member into its field, when `key` names one of the envelope's members (`envelopeMembers`, whose
// `violations` `decodeViolations` reads itself): whether it did.
function readMember(fields: ErrorFields, key: string, value: unknown): boolean {
  if (key === 'status') fields.status = value
  else if (key === 'code') fields.code = stringOrNull(value)
  else if (key === 'message') fields.message = value
  else if (key === 'request_id') fields.requestId = value
  else return key === 'violations'
  return true
}

function decodeLocated(response: ResponseView, { error, container }: Located, options: NormalizeOptions | undefined): CanonicalError {
  const fields = noFields()
  const extensions = error === undefined ? {} : copyExtras(gatherMembers(error, fields, readMember, undefined, envelopeMembers))
  const { violations, truncated } = decodeViolations(error, container)
  // The status line wins; only a 2xx/3xx answer (a stream that failed after its 200) takes the error's own status.
  const status = errorStatus(response.status, fields.status)
  const { code } = fields
  // Retryable is the retry policy's answer (decision 020).
  return canonicalErrorOf(retryMeaning(decideMedipimRetry, medipimMeaning(code, status), status, code), {
    vendor,
    vendorCode: code,
    vendorType: null,
    status,
    message: nonBlank(fields.message),
    detail: null,
    param: null,
    requestId: findRequestId(fields.requestId, undefined, response.headers),
    docUrl: null,
    retryAfter: retryAfterOf(response, options),
    violations,
    causes: noCauses,
    extensions: status === 405 ? withAllow(extensions, response.headers.get('allow')) : extensions,
    truncated,
  })
}

/**
 * Decodes a Medipim answer (or a bare Medipim body). `null` means success: a status below 400 with no
 * `{"error":{...}}` in the JSON body nor on any line of a JSON stream (contract §5).
 *
 * - The HTTP status line wins over `error.status`; a 2xx/3xx answer carrying an error takes `error.status`
 *   when it is a valid status, else keeps its line.
 * - A documented code maps by meaning; an unknown dotted code by its namespace; anything else by the status.
 * - `violations` (inside `error` or at the top level) become canonical violations, one per element.
 * - Unknown members of `error` go to `extensions`; a 405's `Allow` header to `extensions.allow`.
 * - `requestId` from `X-Request-Id` / `Request-Id`, `retryAfter` from `Retry-After` (undocumented, read if present).
 *
 * Total: it never throws; a body it cannot read at all becomes an `unknown` error.
 */
export function decodeMedipim(response: ResponseView, options?: NormalizeOptions): CanonicalError | null {
  try {
    const located = locate(response)
    return located === undefined ? null : decodeLocated(response, located, options)
  } catch {
    return canonicalError({ kind: 'unknown', reason: 'unrecognized', vendor, recognized: false })
  }
}
