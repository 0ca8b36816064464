import { isKind, type Kind } from '@faultline/core'

/**
 * The default base of faultline's problem type URIs: `type` is `${base}${kind}/${reason}`.
 * Pass your own base to {@link createProblemAdapter} / `toProblemDetails` to point types at your docs.
 */
export const problemTypeBase = 'https://faultline.dev/problems/'

/** The RFC 9457 default type: the problem has no semantics beyond its HTTP status. */
export const aboutBlank = 'about:blank'

const snakeCase = /^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$/

/** The stable type URI of a kind and reason, e.g. `https://faultline.dev/problems/rate_limited/throttled`. */
export const problemType = (kind: Kind, reason: string, base: string = problemTypeBase): string => `${base}${kind}/${reason}`

// A kind and a reason are words: past this many characters after the base, a URI is not one of faultline's, and
// is not split (a long URI shared by 10,000 documents in memory was split 10,000 times: 12 s at 1 MB). The FHIR
// adapter bounds its `kind/reason` code alike.
const maxKindAndReasonLength = 128

/**
 * The kind and reason a faultline type URI names; `undefined` for any other URI (or a malformed one, or one of
 * more than 128 characters after the base).
 */
export function parseProblemType(uri: string, base: string = problemTypeBase): { kind: Kind; reason: string } | undefined {
  if (uri.length > base.length + maxKindAndReasonLength || !uri.startsWith(base)) return undefined
  const [kind, reason, ...rest] = uri.slice(base.length).split('/')
  if (rest.length > 0 || !isKind(kind) || reason === undefined || !snakeCase.test(reason)) return undefined
  return { kind, reason }
}
