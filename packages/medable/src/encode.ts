import { kindTable, type CanonicalError, type CatalogEntry, type Violation, type WireResponse } from '@faultline/core'
import { defineMember } from '@faultline/core/internal'
import { medableCatalog } from './catalog'
import { wireDialect } from './faultNode'

type FaultBody = Record<string, unknown>

const ownFault = (error: CanonicalError): boolean => error.vendor === 'medable'

// Another vendor's error is translated through the catalog: the code of its kind and reason.
const translated = (error: CanonicalError): CatalogEntry | undefined =>
  ownFault(error) ? medableCatalog.lookup(error.vendorCode) : medableCatalog.entryFor(error.kind, error.reason)

/** One fault without its children: the members of the normal form, in Medable's order. */
function faultBody(error: CanonicalError, status: number | null): FaultBody {
  const own = ownFault(error)
  const entry = own ? undefined : translated(error)
  const body: FaultBody = { object: 'fault' }
  const name = own ? error.vendorType : (entry?.group ?? 'error')
  if (name !== null) body.name = name
  const code = own ? error.vendorCode : (entry?.code ?? null)
  if (code !== null) body.code = code
  // Another vendor's extensions are its own members, not Medable's (as the typed-envelope encoders do).
  if (own) {
    for (const key of Object.keys(error.extensions)) {
      if (!wireDialect.known.has(key)) defineMember<unknown>(body, key, error.extensions[key])
    }
  }
  if (status !== null) body.status = status
  body.message = error.message
  if (error.detail !== null) body.reason = error.detail
  if (error.param !== null) body.path = error.param
  return body
}

/** Another vendor's violations as Medable child faults, when it has no causes (its `param` is the fault's own `path`). */
function violationFaults(error: CanonicalError): FaultBody[] {
  const [first, ...rest] = error.violations
  const listed = first !== undefined && error.kind === 'invalid_request' && first.path === error.param ? rest : error.violations
  return listed.map((violation: Violation) => {
    const body: FaultBody = { object: 'fault', name: 'validation' }
    const code = medableCatalog.entryFor('invalid_request', violation.reason)?.code
    if (code !== undefined) body.code = code
    body.status = 400
    body.message = violation.message
    if (violation.path !== null) body.path = violation.path
    return body
  })
}

/**
 * Writes a canonical error as Medable's wire form (the normal form on the docs page): `{object: "fault", name,
 * code, status, message, reason, path, faults, ...extensions}`, the causes as nested `faults` (so the root's
 * violations come back from the children's paths), `retry-after` and `x-request-id` headers. Iterative: a
 * tree of any depth is safe. The status is the error's, else the code's documented one, else the kind's usual.
 */
export function encodeMedable(error: CanonicalError): WireResponse {
  const status = error.status ?? translated(error)?.status ?? kindTable[error.kind].usualStatus
  const body = faultBody(error, status)
  const pending: Array<{ readonly error: CanonicalError; readonly into: FaultBody }> = [{ error, into: body }]
  const seen = new Set<CanonicalError>([error])
  while (pending.length > 0) {
    const { error: parent, into } = pending.pop()!
    const faults: FaultBody[] = []
    for (const cause of parent.causes) {
      if (seen.has(cause)) continue
      seen.add(cause)
      const child = faultBody(cause, cause.status)
      faults.push(child)
      pending.push({ error: cause, into: child })
    }
    if (faults.length === 0 && !ownFault(parent) && parent === error) faults.push(...violationFaults(parent))
    if (faults.length > 0) into.faults = faults
  }
  const headers: Record<string, string> = {}
  if (error.retryAfter !== null) headers['retry-after'] = String(Math.ceil(error.retryAfter))
  if (error.requestId !== null) headers['x-request-id'] = error.requestId
  return { status, headers, body }
}
