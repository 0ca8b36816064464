import type { CanonicalError, Violation } from './CanonicalError'
import type { Adapter, AdapterDocumentation } from './adapter'
import { canonicalErrorOf, noCauses, noViolations, nonBlank, stringOrNull } from './build'
import { documentedMeaning, fallbackMeaning, meaningOfStatus, type Catalog, type Meaning } from './catalog'
import { decodeByStatus, retryAfterOf } from './decodeHelpers'
import { copyExtras, defineMember, gatherMembers, readOwnData, type JsonRecord } from './json'
import { kindTable, type Kind } from './kinds'
import { retryDecider, retryMeaning } from './retryPolicy'
import { findRequestId } from './requestId'
import type { WireResponse } from './response'
import type { RetryPolicy } from './retryPolicy'
import { errorStatus } from './statusFallback'

/**
 * The typed envelope `{ "error": { type, code, message, param, doc_url, request_id } }` that Stripe made
 * common and that Medblocks and Telepatia's scribe send.
 */
export interface TypedEnvelope {
  readonly error: {
    readonly type?: string
    readonly code?: string
    readonly message: string
    readonly param?: string | null
    readonly doc_url?: string
    readonly request_id?: string
    readonly [extension: string]: unknown
  }
}

/** One documented `type` of a typed-envelope vendor and the kind an unknown code of that type falls back to. */
export interface EnvelopeType {
  readonly type: string
  readonly kind: Kind
  readonly description: string
}

/** What differs between vendors that speak the typed envelope. */
export interface TypedEnvelopeSpec {
  readonly id: string
  readonly catalog: Catalog
  /** The vendor's documented `type` values: the fallback for unknown codes (contract §3 rule 2). */
  readonly types: ReadonlyArray<EnvelopeType>
  readonly documentation: AdapterDocumentation
  /** Whether the normal form writes `"param": null` (Medblocks) or leaves an absent param out (scribe). */
  readonly writesNullParam: boolean
  /** The retry behaviour the vendor documents. */
  readonly retryPolicy?: RetryPolicy
  /**
   * Where the status says more than a broad `type` about an unknown code: that type at that status falls back to
   * this kind instead of the type's (scribe's `invalid_request_error` at 404 is `not_found`).
   */
  readonly typesAtStatus?: ReadonlyArray<{ readonly type: string; readonly status: number; readonly kind: Kind }>
}

const envelopeMembers: ReadonlySet<string> = new Set(['type', 'code', 'message', 'param', 'doc_url', 'request_id'])

/** The `error` object of a typed envelope, when `value` is one (own members only). */
export function envelopeError(value: unknown): object | undefined {
  if (typeof value !== 'object' || value === null) return undefined
  const error = readOwnData(value, 'error')
  return typeof error === 'object' && error !== null && !Array.isArray(error) ? error : undefined
}

/** The members of an envelope's `error` that canonical fields hold, each read once. */
interface EnvelopeFields {
  code: string | null
  type: string | null
  param: string | null
  message: unknown
  docUrl: string | null
  requestId: unknown
}

const noFields = (): EnvelopeFields => ({ code: null, type: null, param: null, message: undefined, docUrl: null, requestId: undefined })

// A member into its field, when `key` names one of {@link envelopeMembers}: whether it did.
function readMember(fields: EnvelopeFields, key: string, value: unknown): boolean {
  if (key === 'code') fields.code = stringOrNull(value)
  else if (key === 'type') fields.type = stringOrNull(value)
  else if (key === 'param') fields.param = stringOrNull(value)
  else if (key === 'message') fields.message = value
  else if (key === 'doc_url') fields.docUrl = stringOrNull(value)
  else if (key === 'request_id') fields.requestId = value
  else return false
  return true
}

/**
 * The decoder of a typed-envelope vendor: an envelope is an error at any status, its members read in one pass;
 * a response without one decodes by its status (`null` below 400).
 */
export function typedEnvelopeDecoder(spec: TypedEnvelopeSpec): Adapter['decode'] {
  const { id, catalog } = spec
  const kindOfType = new Map(spec.types.map((entry) => [entry.type, entry.kind]))
  const kindOfTypeAtStatus = new Map((spec.typesAtStatus ?? []).map((entry) => [`${entry.type} ${entry.status}`, entry.kind]))
  // The vendor's retry policy decides `retryable` (decision 020); without one, the meaning's stands.
  const decide = spec.retryPolicy === undefined ? undefined : retryDecider(spec.retryPolicy)

  const meaningOf = (code: string | null, type: string | null, status: number | null): Meaning => {
    const documented = documentedMeaning(catalog, code)
    if (documented !== undefined) return documented
    if (type === null) return meaningOfStatus(status)
    const typeKind = (kindOfTypeAtStatus.size > 0 && status !== null ? kindOfTypeAtStatus.get(`${type} ${status}`) : undefined) ?? kindOfType.get(type)
    return typeKind === undefined ? meaningOfStatus(status) : fallbackMeaning(typeKind)
  }

  // The error of an envelope's fields, apart from the decoder so that each is optimized with its own inlining
  // budget (decision 019).
  const errorOf = (fields: EnvelopeFields, extensions: JsonRecord, statusLine: number | null, requestId: string | null, retryAfter: number | null): CanonicalError => {
    const { code, param } = fields
    const status = errorStatus(statusLine, undefined)
    const found = meaningOf(code, fields.type, status)
    const meaning = decide === undefined ? found : retryMeaning(decide, found, status, code)
    const message = nonBlank(fields.message) ?? kindTable[meaning.kind].message
    const violations: ReadonlyArray<Violation> =
      meaning.kind === 'invalid_request' && param !== null ? [{ path: param, reason: meaning.reason, message, vendorCode: code }] : noViolations
    return canonicalErrorOf(meaning, {
      vendor: id,
      vendorCode: code,
      vendorType: fields.type,
      status,
      message,
      detail: null,
      param,
      requestId,
      docUrl: fields.docUrl,
      retryAfter,
      violations,
      causes: noCauses,
      extensions,
      truncated: false,
    })
  }

  return (response, options) => {
    const error = response.body.type === 'json' ? envelopeError(response.body.value) : undefined
    if (error === undefined) return decodeByStatus(id, response, options, decide)
    // Each member of the envelope is read once, in one pass that also collects the unknown ones.
    const fields = noFields()
    const extensions = copyExtras(gatherMembers(error, fields, readMember, undefined, envelopeMembers))
    return errorOf(fields, extensions, response.status, findRequestId(fields.requestId, undefined, response.headers), retryAfterOf(response, options))
  }
}

/**
 * An adapter for a typed-envelope vendor: a known code decides by meaning; an unknown code falls back to a
 * known `type`, then to the status; `param` becomes the first violation of an `invalid_request` error; an
 * envelope is an error at any status (contract §5), and a 2xx envelope keeps its status line (§7).
 */
export function createTypedEnvelopeAdapter(spec: TypedEnvelopeSpec): Adapter {
  const { id, catalog } = spec
  const typeOfKind = new Map<Kind, string>()
  for (const entry of spec.types) if (!typeOfKind.has(entry.kind)) typeOfKind.set(entry.kind, entry.type)
  const decode = typedEnvelopeDecoder(spec)

  const encode = (error: CanonicalError): WireResponse => {
    // An error of this vendor is written back verbatim; another vendor's is translated through the catalog.
    const own = error.vendor === id
    const entry = own ? undefined : catalog.entryFor(error.kind, error.reason)
    const code = own ? error.vendorCode : (entry?.code ?? null)
    const type = own ? error.vendorType : (entry?.group ?? typeOfKind.get(error.kind) ?? null)
    const body: Record<string, unknown> = {}
    // Extensions never stand in for an envelope member (a transport error's `extensions.code` is no vendor code).
    if (own) for (const key of Object.keys(error.extensions)) if (!envelopeMembers.has(key)) defineMember(body, key, error.extensions[key])
    if (type !== null) body.type = type
    if (code !== null) body.code = code
    body.message = error.message
    if (error.param !== null || spec.writesNullParam) body.param = error.param
    if (error.docUrl !== null) body.doc_url = error.docUrl
    if (error.requestId !== null) body.request_id = error.requestId
    const headers: Record<string, string> = {}
    if (error.retryAfter !== null) headers['retry-after'] = String(Math.ceil(error.retryAfter))
    if (error.requestId !== null) headers['x-request-id'] = error.requestId
    const documented = own ? catalog.lookup(error.vendorCode) : entry
    const status = error.status ?? documented?.status ?? kindTable[error.kind].usualStatus
    return { status, headers, body: { error: body } }
  }

  const adapter: Adapter = { id, catalog, documentation: spec.documentation, decode, encode }
  return spec.retryPolicy === undefined ? adapter : { ...adapter, retryPolicy: spec.retryPolicy }
}
