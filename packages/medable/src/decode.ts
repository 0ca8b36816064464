import { canonicalErrorOf, retryMeaning, statusRead, decodeByStatus, findRequestId, meaningOfStatus, retryAfterOf, type Body, type CanonicalError, type NormalizeOptions, type ResponseView } from '@faultline/core'
import { lastLine, parseJson, readOwnData } from '@faultline/core/internal'
import { decodeFaultTree } from './faultTree'
import { decideMedableRetry } from './retryPolicy'

/** Whether `value` is a Medable fault: an object whose OWN `object` member is `"fault"` (contract §5). */
export const isMedableFault = (value: unknown): value is object =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && readOwnData(value, 'object') === 'fault'

/** The fault a body carries: the body itself, or the LAST non-empty line of an NDJSON body. */
export function faultOfBody(body: Body): object | undefined {
  if (body.type === 'json') return isMedableFault(body.value) ? body.value : undefined
  if (body.type === 'lines') {
    const last = parseJson(lastLine(body) ?? '')
    return isMedableFault(last) ? last : undefined
  }
  return undefined
}

const unreadable = (response: ResponseView): CanonicalError => {
  const status = response.status
  return canonicalErrorOf(retryMeaning(decideMedableRetry, meaningOfStatus(status), status, null), statusRead('medable', status), false)
}

/**
 * Decodes a Medable response, or a bare fault (no status line). A fault is an error at any status
 * (`kNewLocation` 200, `kMediaNotReady` 202); success bodies and anything else below 400 are `null`; a status
 * of 400 or more without a fault decodes by its status. Never throws.
 *
 * Status (contract §4): the status line when it is 400 or more, else the fault's own status, else the line;
 * a bare fault without a status keeps `null` (Medable's client would say 500).
 */
export function decodeMedable(response: ResponseView, options?: NormalizeOptions): CanonicalError | null {
  try {
    const fault = faultOfBody(response.body)
    if (fault === undefined) return decodeByStatus('medable', response, options, decideMedableRetry)
    return decodeFaultTree(fault, {
      statusLine: response.status,
      requestId: findRequestId(undefined, undefined, response.headers),
      retryAfter: retryAfterOf(response, options),
    })
  } catch {
    // Hostile input (a Proxy whose traps throw): still an answer, from the status line alone.
    return unreadable(response)
  }
}

