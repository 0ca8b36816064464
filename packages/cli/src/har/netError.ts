/**
 * Browsers' names for a request that got no response, in Node's names, which the core's transport decoding
 * (packages/core/src/transport.ts) knows: Chrome's `net::ERR_*` (net/base/net_error_list.h, in a HAR's
 * `response._error`, or Playwright's `response._failureText`) and Firefox's `NS_ERROR_*` / NSS codes.
 */
const nodeCodeByBrowserCode: ReadonlyMap<string, string> = /*#__PURE__*/ new Map([
  // connection_failed
  ['ERR_CONNECTION_REFUSED', 'ECONNREFUSED'],
  ['ERR_CONNECTION_RESET', 'ECONNRESET'],
  ['ERR_CONNECTION_CLOSED', 'ECONNRESET'],
  ['ERR_CONNECTION_ABORTED', 'ECONNRESET'],
  ['ERR_CONNECTION_FAILED', 'ECONNREFUSED'],
  ['ERR_EMPTY_RESPONSE', 'ECONNRESET'],
  ['ERR_INCOMPLETE_CHUNKED_ENCODING', 'ECONNRESET'],
  ['ERR_ADDRESS_UNREACHABLE', 'EHOSTUNREACH'],
  ['ERR_INTERNET_DISCONNECTED', 'ENETDOWN'],
  ['ERR_NETWORK_CHANGED', 'ENETDOWN'],
  ['NS_ERROR_CONNECTION_REFUSED', 'ECONNREFUSED'],
  ['NS_ERROR_PROXY_CONNECTION_REFUSED', 'ECONNREFUSED'],
  ['NS_ERROR_NET_RESET', 'ECONNRESET'],
  ['NS_ERROR_NET_INTERRUPT', 'ECONNRESET'],
  ['NS_ERROR_NET_PARTIAL_TRANSFER', 'ECONNRESET'],
  ['NS_ERROR_OFFLINE', 'ENETDOWN'],
  // dns_failed
  ['ERR_NAME_NOT_RESOLVED', 'ENOTFOUND'],
  ['ERR_NAME_RESOLUTION_FAILED', 'EAI_FAIL'],
  ['NS_ERROR_UNKNOWN_HOST', 'ENOTFOUND'],
  ['NS_ERROR_UNKNOWN_PROXY_HOST', 'ENOTFOUND'],
  // timeout
  ['ERR_TIMED_OUT', 'ETIMEDOUT'],
  ['ERR_CONNECTION_TIMED_OUT', 'ETIMEDOUT'],
  ['NS_ERROR_NET_TIMEOUT', 'ETIMEDOUT'],
  // aborted: the page or the user (or an extension) cancelled the request
  ['ERR_ABORTED', 'ABORT_ERR'],
  ['ERR_BLOCKED_BY_CLIENT', 'ABORT_ERR'],
  ['NS_BINDING_ABORTED', 'ABORT_ERR'],
  ['NS_ERROR_ABORT', 'ABORT_ERR'],
  // network_error
  ['ERR_CONTENT_LENGTH_MISMATCH', 'UND_ERR_RES_CONTENT_LENGTH_MISMATCH'],
  // tls_failed
  ['ERR_CERT_COMMON_NAME_INVALID', 'ERR_TLS_CERT_ALTNAME_INVALID'],
  ['ERR_CERT_DATE_INVALID', 'CERT_HAS_EXPIRED'],
  ['ERR_CERT_AUTHORITY_INVALID', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE'],
  ['SSL_ERROR_BAD_CERT_DOMAIN', 'ERR_TLS_CERT_ALTNAME_INVALID'],
  ['SEC_ERROR_EXPIRED_CERTIFICATE', 'CERT_HAS_EXPIRED'],
  ['SEC_ERROR_UNKNOWN_ISSUER', 'UNABLE_TO_GET_ISSUER_CERT'],
])

// A browser's code in its failure text: `net::ERR_X` (or a bare `ERR_X`), `NS_ERROR_X`, `NS_BINDING_X`, NSS'
// `SSL_ERROR_X` / `SEC_ERROR_X`.
const browserCodePattern = /\b(?:net::)?(ERR_[A-Z0-9_]+|NS_(?:ERROR|BINDING)_[A-Z0-9_]+|SSL_ERROR_[A-Z0-9_]+|SEC_ERROR_[A-Z0-9_]+)\b/

/** Node's code for a browser's failure text, if it names a failure Node has a code for. */
export function nodeCodeOf(failureText: string): string | undefined {
  const code = browserCodePattern.exec(failureText)?.[1]
  if (code === undefined) return undefined
  const mapped = nodeCodeByBrowserCode.get(code)
  if (mapped !== undefined) return mapped
  // Other TLS failures keep their name in Node's spelling of OpenSSL's (ERR_SSL_*, CERT_*): still tls_failed.
  if (code.startsWith('ERR_SSL_')) return code
  if (code.startsWith('ERR_CERT_')) return code.slice('ERR_'.length)
  if (code.startsWith('SSL_ERROR_')) return `ERR_SSL_${code.slice('SSL_ERROR_'.length)}`
  if (code.startsWith('SEC_ERROR_')) return `ERR_SSL_${code.slice('SEC_ERROR_'.length)}`
  return undefined
}

/**
 * The failure of a request that got no response, as Node's fetch throws it (`TypeError: fetch failed`, its
 * `cause` carrying the system code): what `normalizeError` decodes as a `transport` error. A code the browser
 * names and Node has a name for decides the reason (connection_failed, dns_failed, timeout, aborted,
 * tls_failed); any other failure (none given, `net::ERR_FAILED`, a CORS or mixed-content block) is a
 * `network_error`.
 */
export function networkFailure(failureText: string | undefined): TypeError {
  const text = failureText ?? 'no response'
  const code = nodeCodeOf(text)
  const cause: Error & { code?: string } = new Error(text)
  if (code !== undefined) cause.code = code
  return new TypeError('fetch failed', { cause })
}
