import { isKind, type Kind } from './kinds'

const snakeCase = /^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$/

/** Whether `text` is a snake_case word, the form of every reason (contract §2). */
export const isSnakeCase = (text: string): boolean => snakeCase.test(text)

/**
 * The longest `kind/reason` code faultline reads from a wire form (a problem type URI after its base, a FHIR
 * reason coding, a FHIR extension's reason). A longer text is not faultline's, and is not split or searched:
 * one long text an object in memory shares among 10,000 documents would be split 10,000 times (12 s at 1 MB).
 */
export const maxReasonCodeLength = 128

/** The `kind/reason` code of a meaning, as problem type URIs and FHIR reason codings carry it. */
export const reasonCode = (kind: Kind, reason: string): string => `${kind}/${reason}`

/** The kind and reason of a `kind/reason` code; `undefined` for any other text, or one over 128 characters. */
export function parseReasonCode(code: string): { kind: Kind; reason: string } | undefined {
  if (code.length > maxReasonCodeLength) return undefined
  const [kind, reason, ...rest] = code.split('/')
  return rest.length === 0 && isKind(kind) && reason !== undefined && isSnakeCase(reason) ? { kind, reason } : undefined
}

/** Whether `text` is a reason as a wire form carries it alone: snake_case, of at most 128 characters. */
export const isReasonWord = (text: string): boolean => text.length <= maxReasonCodeLength && isSnakeCase(text)
