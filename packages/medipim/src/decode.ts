import {
  canonicalError,
  copyExtras,
  envelopeError,
  errorStatus,
  findRequestId,
  gatherMembers,
  kindTable,
  noCauses,
  nonBlank,
  plainHeader,
  plainRequestId,
  plainRetryAfter,
  readResponse,
  retryAfterOf,
  splitMembersInto,
  statuslessKinds,
  stringOrNull,
  withoutError,
  type CanonicalError,
  type HttpResponse,
  type JsonRecord,
  type NormalizeOptions,
  type PlainResponse,
  type ResponseInput,
} from '@faultline/core'
import { medipimCatalog, medipimMeaning } from './catalog'
import { envelopeMembers, findEnvelope } from './envelope'
import { findStreamError, findStreamErrorInText } from './stream'
import { decodeViolations, type DecodedViolations } from './violations'

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
function locate(response: HttpResponse): Located | undefined {
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
// `violations` `decodeViolations` reads itself): whether it did. Both decode paths read members through it, and
// so tell fields from extensions alike.
function readMember(fields: ErrorFields, key: string, value: unknown): boolean {
  if (key === 'status') fields.status = value
  else if (key === 'code') fields.code = stringOrNull(value)
  else if (key === 'message') fields.message = value
  else if (key === 'request_id') fields.requestId = value
  else return key === 'violations'
  return true
}

/** The error of an answer's fields: what both paths build once they have read the response. */
function errorOf(
  fields: ErrorFields,
  extensions: JsonRecord,
  { violations, truncated }: DecodedViolations,
  statusLine: number | null,
  // The request id (the error's own first, then the headers'), `Retry-After` and `Allow`, as each path reads them.
  resolved: { readonly requestId: string | null; readonly retryAfter: number | null; readonly allow: string | undefined },
): CanonicalError {
  // The status line wins; only a 2xx/3xx answer (a stream that failed after its 200) takes the error's own status.
  const status = errorStatus(statusLine, fields.status)
  const { code } = fields
  const meaning = medipimMeaning(code, status)
  // Every field written out, as `canonicalErrorOf` would fill them: one object of one shape (see typedEnvelope).
  return {
    kind: meaning.kind,
    reason: meaning.reason,
    vendor,
    vendorCode: code,
    vendorType: null,
    status: statuslessKinds.has(meaning.kind) ? null : status,
    message: nonBlank(fields.message) ?? kindTable[meaning.kind].message,
    detail: null,
    param: null,
    requestId: resolved.requestId,
    docUrl: null,
    retryable: meaning.retryable,
    retryAfter: resolved.retryAfter,
    recognized: meaning.recognized,
    violations,
    causes: noCauses,
    extensions: status === 405 ? withAllow(extensions, resolved.allow) : extensions,
    truncated,
  } as CanonicalError
}

function decodeLocated(response: HttpResponse, { error, container }: Located, options: NormalizeOptions | undefined): CanonicalError {
  const fields = noFields()
  const extensions = error === undefined ? {} : copyExtras(gatherMembers(error, fields, readMember, undefined, envelopeMembers))
  return errorOf(fields, extensions, decodeViolations(error, container), response.status, {
    requestId: findRequestId(fields.requestId, undefined, response.headers),
    retryAfter: retryAfterOf(response, options),
    allow: response.headers.get('allow'),
  })
}

/**
 * The fast path (see `PlainResponse`): a plain answer whose JSON body holds an `{"error":{...}}` envelope, its
 * members read in one pass (`splitMembersInto`); `null` for a body without one below 400 (a success);
 * `undefined` for anything else, which `decodeMedipim` reads. Where it answers, it answers what
 * `decodeMedipim` does (property-tested).
 */
export function decodePlainMedipim(response: PlainResponse, options?: NormalizeOptions): CanonicalError | null | undefined {
  const error = envelopeError(response.body)
  if (error === undefined) return withoutError(response)
  const fields = noFields()
  const extensions = splitMembersInto(error, fields, readMember)
  return errorOf(fields, extensions, decodeViolations(error, response.body), response.status, {
    requestId: plainRequestId(response, fields.requestId),
    retryAfter: plainRetryAfter(response, options),
    allow: plainHeader(response, 'allow'),
  })
}

/**
 * Decodes a Medipim answer (or a bare Medipim body when `status` is absent). `null` means success: a status
 * below 400 with no `{"error":{...}}` in the JSON body nor on any line of a JSON stream (contract §5).
 *
 * - The HTTP status line wins over `error.status`; a 2xx/3xx answer carrying an error takes `error.status`
 *   when it is a valid status, else keeps its line.
 * - A documented code maps by meaning; an unknown dotted code by its namespace; anything else by the status.
 * - `violations` (inside `error` or at the top level) become canonical violations, one per element.
 * - Unknown members of `error` go to `extensions`; a 405's `Allow` header to `extensions.allow`.
 * - `requestId` from `X-Request-Id` / `Request-Id`, `retryAfter` from `Retry-After` (undocumented, read if present).
 *
 * Total: it never throws; hostile input it cannot read at all becomes an `unknown` error.
 */
export function decodeMedipim(input: ResponseInput, options?: NormalizeOptions): CanonicalError | null {
  try {
    const response = readResponse(input)
    const located = locate(response)
    return located === undefined ? null : decodeLocated(response, located, options)
  } catch {
    return canonicalError({ kind: 'unknown', reason: 'unrecognized', vendor, recognized: false })
  }
}
