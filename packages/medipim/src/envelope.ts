import { envelopeError } from '@faultline/core'

/** The members of Medipim's `error` object that a canonical field holds; every other member goes to `extensions`. */
export const envelopeMembers: ReadonlySet<string> = /*#__PURE__*/ new Set(['status', 'code', 'message', 'violations', 'request_id'])

/** An `{"error":{...}}` value found in a body: the value that holds it (for top-level `violations`) and the error. */
export interface FoundEnvelope {
  /** The body, or the stream line's value, whose own `error` member is the error. */
  readonly container: object
  /** The `error` object. */
  readonly error: object
}

/** The Medipim envelope `{"error":{...}}` of a JSON value (own `error` member that is a non-array object), or `undefined`. */
export function findEnvelope(value: unknown): FoundEnvelope | undefined {
  const error = envelopeError(value)
  return error === undefined ? undefined : { container: value as object, error }
}
