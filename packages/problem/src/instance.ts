import { decodeUriText, encodeUriText, nonBlank } from '@faultline/core/internal'

/** The URN prefix of `instance` when faultline writes a request id there. */
export const requestInstancePrefix = 'urn:faultline:request:'

/** The `instance` URI of a request id: `urn:faultline:request:<percent-encoded id>` (any string, `encodeUriText`). */
export const instanceOfRequestId = (requestId: string): string => requestInstancePrefix + encodeUriText(requestId)

/**
 * The request id an `instance` names: the id inside faultline's URN, else the instance itself (it identifies
 * the occurrence, which is what a correlation id is for); `null` when it says nothing.
 */
export function requestIdOfInstance(instance: string): string | null {
  if (instance.startsWith(requestInstancePrefix)) {
    const id = decodeUriText(instance.slice(requestInstancePrefix.length))
    // A malformed escape: the instance is kept verbatim below.
    if (id !== undefined) return id
  }
  // Not trimmed: one long blank instance may be shared by every cause of a tree in memory (decision 014).
  return nonBlank(instance) ?? null
}
