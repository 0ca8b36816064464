import { defineCatalog, documentedMeaning, fallbackMeaning, meaningOfStatus, type CatalogEntry, type Kind, type Meaning } from '@faultline/core'

/**
 * Every documented Medipim error code (medipim-errors.txt), dotted and flat, mapped by meaning.
 * `status` is the one Medipim documents for the code; the sentence is Medipim's own.
 */
export const medipimCatalog = /*#__PURE__*/ defineCatalog('medipim', [
  { code: 'bad_request', status: 400, kind: 'invalid_request', reason: 'malformed', description: 'The request body or parameters are invalid. Check that your JSON is well-formed and that required fields are present.' },
  { code: 'authentication.not_authenticated', status: 401, kind: 'authentication', reason: 'not_authenticated', description: 'The request has no valid authentication credentials. Make sure you are sending a correct Authorization header (see Authentication).' },
  { code: 'authentication.api_key_not_found', status: 401, kind: 'authentication', reason: 'invalid_credentials', description: 'The API key you provided does not exist. Double-check that you are using the correct key.' },
  { code: 'authentication.invalid_api_secret', status: 401, kind: 'authentication', reason: 'invalid_credentials', description: 'The API secret does not match the key. Verify that you are using the correct key and secret pair.' },
  { code: 'authentication.api_key_is_not_active', status: 401, kind: 'authentication', reason: 'inactive_credentials', description: 'The API key exists but has been deactivated. Contact info@medipim.com to reactivate it.' },
  { code: 'not_authorized', status: 403, kind: 'permission', reason: 'forbidden', description: "Your credentials are valid, but you don't have permission to perform this action. Verify that your API key has the necessary permissions." },
  { code: 'not_found', status: 404, kind: 'not_found', reason: 'resource_not_found', description: "The requested resource does not exist (e.g. a product ID that doesn't match any product)." },
  { code: 'endpoint_not_found', status: 404, kind: 'not_found', reason: 'endpoint_not_found', description: 'The API endpoint URL does not exist. Check for typos in the URL path.' },
  { code: 'http_method_not_allowed', status: 405, kind: 'invalid_request', reason: 'method_not_allowed', description: 'The HTTP method you used (e.g. GET) is not supported for this endpoint. The error message will tell you which methods are allowed.' },
  { code: 'validation_failed', status: 422, kind: 'invalid_request', reason: 'validation_failed', description: 'The request was understood but contains invalid data. The response includes a violations array with details about which fields failed and why.' },
  { code: 'too_many_requests', status: 429, kind: 'rate_limited', reason: 'throttled', description: 'You have exceeded the rate limit. Back off and retry after a short delay. See Throttling & quotas for details.' },
  { code: 'server_error', status: 500, kind: 'internal', reason: 'internal_error', description: 'The server encountered an unexpected error. If this persists, contact support.' },
] satisfies ReadonlyArray<CatalogEntry>)

/** The namespace of a dotted code (`authentication.token_revoked` -> `authentication`); `undefined` for a flat code. */
export function namespaceOf(code: string): string | undefined {
  const dot = code.indexOf('.')
  return dot > 0 ? code.slice(0, dot) : undefined
}

const deriveNamespaces = (entries: ReadonlyArray<CatalogEntry>): ReadonlyMap<string, Kind> => {
  const namespaces = new Map<string, Kind>()
  for (const entry of entries) {
    const namespace = namespaceOf(entry.code)
    if (namespace === undefined) continue
    const kind = namespaces.get(namespace)
    if (kind !== undefined && kind !== entry.kind) throw new Error(`medipim catalog: namespace ${namespace} spans kinds ${kind} and ${entry.kind}`)
    namespaces.set(namespace, entry.kind)
  }
  return namespaces
}

/**
 * The kind an unknown dotted code falls back to, by namespace (contract §3 rule 2), derived from the dotted
 * codes of {@link medipimCatalog}: today only `authentication` -> `authentication`.
 */
export const medipimNamespaces: ReadonlyMap<string, Kind> = /*#__PURE__*/ deriveNamespaces(medipimCatalog.entries)

/**
 * What a Medipim code means: a documented code by meaning (rule 1), an unknown dotted code by its known
 * namespace (rule 2, `recognized: false`, reason `unrecognized`), anything else by the status (rule 3).
 */
export function medipimMeaning(code: string | null, status: number | null): Meaning {
  const documented = documentedMeaning(medipimCatalog, code)
  if (documented !== undefined) return documented
  const namespace = code === null ? undefined : namespaceOf(code)
  const kind = namespace === undefined ? undefined : medipimNamespaces.get(namespace)
  return kind === undefined ? meaningOfStatus(status) : fallbackMeaning(kind)
}
