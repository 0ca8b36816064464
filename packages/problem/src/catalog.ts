import { defineCatalog, kinds, kindTable, UNRECOGNIZED, type Catalog, type CatalogEntry } from '@faultline/core'
import { problemTitle } from './titles'
import { problemType, problemTypeBase } from './typeUri'

// The statuses the contract's status table names for a reason (§7); other reasons take the kind's usual status.
const statusOfReason: Readonly<Record<string, number>> = {
  method_not_allowed: 405,
  payload_too_large: 413,
  unsupported_media_type: 415,
  gone: 410,
  not_implemented: 501,
  bad_gateway: 502,
  gateway_timeout: 504,
}

/**
 * The catalog of the problem dialect for a type base: one entry per kind and documented reason (and each
 * kind's `unrecognized`), its code the type URI and its sentence the type's title. Aborted transfers are
 * not retryable (contract §3).
 */
export function problemCatalogFor(base: string = problemTypeBase): Catalog {
  const entries: CatalogEntry[] = []
  for (const kind of kinds) {
    const reasons = new Set<string>([...kindTable[kind].reasons, UNRECOGNIZED])
    for (const reason of reasons) {
      const status = kind === 'transport' || kind === 'signature' ? null : (statusOfReason[reason] ?? kindTable[kind].usualStatus)
      entries.push({
        code: problemType(kind, reason, base),
        kind,
        reason,
        status,
        ...(kind === 'transport' && reason === 'aborted' ? { retryable: false } : {}),
        description: problemTitle(kind, reason),
      })
    }
  }
  return defineCatalog('problem', entries)
}

/** The catalog of {@link problemAdapter}: every faultline problem type under {@link problemTypeBase}. */
export const problemCatalog: Catalog = /*#__PURE__*/ problemCatalogFor()
