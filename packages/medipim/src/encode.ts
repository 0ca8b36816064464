import { kindTable, type CanonicalError, type WireResponse } from '@faultline/core'
import { defineMember } from '@faultline/core/internal'
import { medipimCatalog } from './catalog'
import { envelopeMembers } from './envelope'
import { encodeViolations } from './violations'

const ownAllow = (extensions: CanonicalError['extensions']): unknown =>
  Object.prototype.hasOwnProperty.call(extensions, 'allow') ? extensions.allow : undefined

/**
 * Writes a canonical error in Medipim's normal form, reading nothing but the canonical fields:
 *
 * - `status`: the error's status, else the code's documented status, else the kind's usual status;
 * - body `{"error":{...}}`: every `extensions` member (but those named like an envelope member), then
 *   `status` (always equal to the response status), `code` when there is one, `message`, and `violations`
 *   (`[{propertyPath, message, code}]`) when there are any;
 * - headers (lower-case): `retry-after` in delta-seconds, `x-request-id`, and on a 405 `allow` from a string
 *   `extensions.allow` (which then is not repeated in the body).
 *
 * A Medipim error keeps its own code and extensions; another vendor's error is translated through
 * `medipimCatalog.entryFor(kind, reason)` (same meaning, else the first code of the kind, else no code).
 *
 * Laws: `encodeMedipim(decodeMedipim(w))` deep-equals `w` for `w` in the normal form (L1), and
 * `decodeMedipim(encodeMedipim(e))` deep-equals `e` for every `e` that `decodeMedipim` returns (L2).
 */
export function encodeMedipim(error: CanonicalError): WireResponse {
  const own = error.vendor === medipimCatalog.vendor
  const entry = own ? medipimCatalog.lookup(error.vendorCode) : medipimCatalog.entryFor(error.kind, error.reason)
  const code = own ? error.vendorCode : (entry?.code ?? null)
  const status = error.status ?? entry?.status ?? kindTable[error.kind].usualStatus
  const allowMember = ownAllow(error.extensions)
  const allow = status === 405 && typeof allowMember === 'string' ? allowMember : undefined

  const body: Record<string, unknown> = {}
  if (own) {
    for (const key of Object.keys(error.extensions)) {
      if (envelopeMembers.has(key) || (key === 'allow' && allow !== undefined)) continue
      defineMember(body, key, error.extensions[key])
    }
  }
  body.status = status
  if (code !== null) body.code = code
  body.message = error.message
  if (error.violations.length > 0) body.violations = encodeViolations(error.violations)

  const headers: Record<string, string> = {}
  if (error.retryAfter !== null) headers['retry-after'] = String(Math.ceil(error.retryAfter))
  if (error.requestId !== null) headers['x-request-id'] = error.requestId
  if (allow !== undefined) headers.allow = allow
  return { status, headers, body: { error: body } }
}
