import { decodeUriText, encodeUriText } from '@faultline/core/internal'

/** The URN prefix of `instance` when faultline writes a request id there. */
export const requestInstancePrefix = 'urn:faultline:request:'

/** The `instance` URI of a request id: `urn:faultline:request:<percent-encoded id>` (any string, `encodeUriText`). */
export const instanceOfRequestId = (requestId: string): string => requestInstancePrefix + encodeUriText(requestId)

/**
 * The request id an `instance` names: the id inside faultline's URN; `null` for any other instance (decision 009).
 * Another server's `instance` identifies the occurrence in its own terms (Spring writes the request path,
 * `/account/12345/msgs/abc`): it is no correlation id, and faultline does not guess which ones are. The decoder
 * keeps it as `extensions.instance`.
 */
export function requestIdOfInstance(instance: string): string | null {
  if (!instance.startsWith(requestInstancePrefix)) return null
  // A malformed escape is no URN of faultline's: such an instance is kept like any other.
  return decodeUriText(instance.slice(requestInstancePrefix.length)) ?? null
}
