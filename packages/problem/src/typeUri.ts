import { type Kind } from '@faultline/core'
import { parseReasonCode, reasonCode } from '@faultline/core/internal'

/**
 * The default base of faultline's problem type URIs: `type` is `${base}${kind}/${reason}`.
 * Pass your own base to {@link createProblemAdapter} / `toProblemDetails` to point types at your docs.
 */
export const problemTypeBase = 'https://faultline.dev/problems/'

/** The RFC 9457 default type: the problem has no semantics beyond its HTTP status. */
export const aboutBlank = 'about:blank'

/** The stable type URI of a kind and reason, e.g. `https://faultline.dev/problems/rate_limited/throttled`. */
export const problemType = (kind: Kind, reason: string, base: string = problemTypeBase): string => base + reasonCode(kind, reason)

/**
 * The kind and reason a faultline type URI names; `undefined` for any other URI (or a malformed one, or one of
 * more than 128 characters after the base: `parseReasonCode`).
 */
export function parseProblemType(uri: string, base: string = problemTypeBase): { kind: Kind; reason: string } | undefined {
  return uri.startsWith(base) ? parseReasonCode(uri.slice(base.length)) : undefined
}
