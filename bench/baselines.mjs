/**
 * Minimal hand-written decoders, one per bundled vendor: what a developer would write for ONE vendor who
 * trusts its input (well-formed JSON objects, lower-case header records, no Proxies, no cycles, no bounds).
 * They produce the same canonical fields as `normalizeError` on bench/fixtures.mjs (proved by
 * packages/faultline/test/benchBaselines.test.ts) and are the "baseline" of `pnpm bench`.
 *
 * They read the vendors' mapping tables from the packages (the catalogs are data, not decoding work):
 * `createBaselines(lib)` takes the exports it needs, from `dist` in the benchmark and from `src` in the test.
 */

const statusMeanings = new Map([
  [401, ['authentication', 'unrecognized']],
  [403, ['permission', 'unrecognized']],
  [404, ['not_found', 'unrecognized']],
  [405, ['invalid_request', 'method_not_allowed']],
  [408, ['timeout', 'timeout']],
  [409, ['conflict', 'unrecognized']],
  [410, ['not_found', 'gone']],
  [413, ['invalid_request', 'payload_too_large']],
  [415, ['invalid_request', 'unsupported_media_type']],
  [429, ['rate_limited', 'throttled']],
  [501, ['internal', 'not_implemented']],
  [502, ['unavailable', 'bad_gateway']],
  [503, ['unavailable', 'service_unavailable']],
  [504, ['timeout', 'gateway_timeout']],
])

const nonBlank = (value) => (typeof value === 'string' && value.trim() !== '' ? value : undefined)
const str = (value) => (typeof value === 'string' ? value : null)
const seconds = (value) => (value !== undefined && /^\s*\d+\s*$/.test(value) ? Number(value) : null)

/** @param {{ kindTable: any, medblocksCatalog: any, medblocksTypes: any, scribeCatalog: any, scribeTypes: any, medipimCatalog: any, medableCatalog: any, errCodeCategories: ReadonlyMap<string, string> }} lib */
export function createBaselines(lib) {
  const { kindTable } = lib
  const codeMap = (catalog) => new Map(catalog.entries.map((entry) => [entry.code, entry]))
  const entryMeaning = (entry) => ({ kind: entry.kind, reason: entry.reason, retryable: entry.retryable ?? kindTable[entry.kind].retryable, recognized: true })
  const fallback = (kind, reason = 'unrecognized') => ({ kind, reason, retryable: kindTable[kind].retryable, recognized: false })
  const byStatus = (status) => {
    const named = statusMeanings.get(status)
    if (named !== undefined) return fallback(named[0], named[1])
    return fallback(status >= 400 && status < 500 ? 'invalid_request' : status >= 500 && status < 600 ? 'internal' : 'unknown')
  }
  const headerRequestId = (headers) => nonBlank(headers['x-request-id']) ?? nonBlank(headers['request-id']) ?? null
  const error = (meaning, vendor, fields) => ({
    kind: meaning.kind,
    reason: meaning.reason,
    vendor,
    vendorCode: fields.vendorCode,
    vendorType: fields.vendorType,
    status: fields.status,
    message: fields.message ?? kindTable[meaning.kind].message,
    detail: fields.detail,
    param: fields.param,
    requestId: fields.requestId,
    docUrl: fields.docUrl,
    retryable: meaning.retryable,
    retryAfter: fields.retryAfter,
    recognized: meaning.recognized,
    violations: fields.violations,
    causes: fields.causes,
    extensions: fields.extensions,
    truncated: false,
  })

  const typedEnvelope = (vendor, catalog, types) => {
    const codes = codeMap(catalog)
    const typeKinds = new Map(types.map((entry) => [entry.type, entry.kind]))
    const known = new Set(['type', 'code', 'message', 'param', 'doc_url', 'request_id'])
    return (response) => {
      const e = response.body.error
      const code = str(e.code)
      const type = str(e.type)
      const entry = codes.get(code)
      const typeKind = entry === undefined ? typeKinds.get(type) : undefined
      const meaning = entry !== undefined ? entryMeaning(entry) : typeKind !== undefined ? fallback(typeKind) : byStatus(response.status)
      const extensions = {}
      for (const key in e) if (!known.has(key)) extensions[key] = e[key]
      const message = nonBlank(e.message)
      const param = str(e.param)
      const violations =
        meaning.kind === 'invalid_request' && param !== null
          ? [{ path: param, reason: meaning.reason, message: message ?? kindTable[meaning.kind].message, vendorCode: code }]
          : []
      return error(meaning, vendor, {
        vendorCode: code,
        vendorType: type,
        status: response.status,
        message,
        detail: null,
        param,
        requestId: nonBlank(e.request_id) ?? headerRequestId(response.headers),
        docUrl: str(e.doc_url),
        retryAfter: seconds(response.headers['retry-after']),
        violations,
        causes: [],
        extensions,
      })
    }
  }

  const medipimCodes = codeMap(lib.medipimCatalog)
  const medipimKnown = new Set(['status', 'code', 'message', 'violations'])
  const violationReason = (code) => {
    if (code === null) return 'invalid_field'
    if (code === 'c1051bb4-d103-4f74-8988-acbcafc7fdc3' || code === 'ad32d13f-c3d4-423b-909a-857b961eb720' || code === '2fa2158c-2a7f-484b-98aa-975522539ff8') return 'missing_field'
    if (code === 'bef8e338-6ae5-4caf-b8e2-50e7b0579e69') return 'too_few_items'
    if (code === '756b1212-697c-468d-a9ad-50dd783bb169') return 'too_many_items'
    if (/required|missing|blank|not_?null|is_?null/i.test(code)) return 'missing_field'
    if (/too_?few/i.test(code)) return 'too_few_items'
    if (/too_?many/i.test(code)) return 'too_many_items'
    return 'invalid_field'
  }
  const medipim = (response) => {
    const e = response.body.error
    const code = str(e.code)
    const entry = medipimCodes.get(code)
    const meaning =
      entry !== undefined ? entryMeaning(entry) : code !== null && code.startsWith('authentication.') ? fallback('authentication') : byStatus(response.status)
    const extensions = {}
    for (const key in e) if (!medipimKnown.has(key)) extensions[key] = e[key]
    const violations = []
    if (Array.isArray(e.violations)) {
      for (const v of e.violations) {
        const vendorCode = str(v.code)
        violations.push({ path: str(v.propertyPath) ?? str(v.path), reason: violationReason(vendorCode), message: str(v.message) ?? 'This value is not valid.', vendorCode })
      }
    }
    return error(meaning, 'medipim', {
      vendorCode: code,
      vendorType: null,
      status: response.status,
      message: nonBlank(e.message),
      detail: null,
      param: null,
      requestId: headerRequestId(response.headers),
      docUrl: null,
      retryAfter: seconds(response.headers['retry-after']),
      violations,
      causes: [],
      extensions,
    })
  }

  const medableCodes = codeMap(lib.medableCatalog)
  const medableKnown = new Set(['object', 'name', 'code', 'status', 'message', 'reason', 'path', 'faults'])
  const validStatus = (status) => (Number.isInteger(status) && status >= 100 && status <= 599 ? status : null)
  const medableMeaning = (fault, path, status, parentKind) => {
    const code = typeof fault.code === 'string' && fault.code !== '' ? fault.code : null
    const entry = medableCodes.get(code)
    if (entry !== undefined) return [entryMeaning(entry), code]
    if (parentKind === 'invalid_request' && path !== null) return [fallback('invalid_request', 'invalid_field'), code]
    const parts = typeof fault.errCode === 'string' ? fault.errCode.split('.') : []
    const category = parts.length > 1 ? medableCodes.get(lib.errCodeCategories.get(parts[1])) : undefined
    if (category !== undefined) return [fallback(category.kind, category.reason), code]
    return [byStatus(status), code]
  }
  const medableNode = (fault, status, parentKind, violations, root) => {
    const path = str(fault.path)
    const [meaning, vendorCode] = medableMeaning(fault, path, status, parentKind)
    const message = nonBlank(fault.message)
    const node = error(meaning, 'medable', {
      vendorCode,
      vendorType: str(fault.name),
      status,
      message: message ?? nonBlank(fault.reason),
      detail: message !== undefined ? str(fault.reason) : null,
      param: path,
      requestId: root === undefined ? null : root.requestId,
      docUrl: null,
      retryAfter: root === undefined ? null : root.retryAfter,
      violations: root === undefined ? [] : violations,
      causes: [],
      extensions: {},
    })
    for (const key in fault) if (!medableKnown.has(key)) node.extensions[key] = fault[key]
    if (path !== null && (root === undefined || meaning.kind === 'invalid_request')) {
      // A bare "Error" gives way to the fault's reason text (decision 006).
      const generic = /^\s*error\.?\s*$/i.test(node.message) && nonBlank(node.detail) !== undefined
      violations.push({ path, reason: meaning.reason, message: generic ? node.detail : node.message, vendorCode })
    }
    if (Array.isArray(fault.faults)) {
      for (const child of fault.faults) node.causes.push(medableNode(child, validStatus(child.status), meaning.kind, violations, undefined))
    }
    return node
  }
  const medable = (response) => {
    const status = response.status >= 400 ? response.status : (validStatus(response.body.status) ?? response.status)
    const context = { requestId: headerRequestId(response.headers), retryAfter: seconds(response.headers['retry-after']) }
    return medableNode(response.body, status, null, [], context)
  }

  return {
    medblocks: typedEnvelope('medblocks', lib.medblocksCatalog, lib.medblocksTypes),
    scribe: typedEnvelope('scribe', lib.scribeCatalog, lib.scribeTypes),
    medipim,
    medable,
  }
}
