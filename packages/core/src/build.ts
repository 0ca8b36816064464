import type { CanonicalError, Violation } from './CanonicalError'
import type { Meaning } from './catalog'
import type { JsonRecord } from './json'
import { kindTable, statuslessKinds, type Kind } from './kinds'

/** What an adapter knows of an error; every field it leaves out gets the contract's default. */
export interface ErrorDraft {
  readonly kind: Kind
  readonly reason: string
  readonly vendor: string
  readonly vendorCode?: string | null | undefined
  readonly vendorType?: string | null | undefined
  readonly status?: number | null | undefined
  readonly message?: string | null | undefined
  readonly detail?: string | null | undefined
  readonly param?: string | null | undefined
  readonly requestId?: string | null | undefined
  readonly docUrl?: string | null | undefined
  readonly retryable?: boolean | undefined
  readonly retryAfter?: number | null | undefined
  readonly recognized?: boolean | undefined
  readonly violations?: ReadonlyArray<Violation> | undefined
  readonly causes?: ReadonlyArray<CanonicalError> | undefined
  readonly extensions?: JsonRecord | undefined
  readonly truncated?: boolean | undefined
}

/** The shared empty `violations` and `causes` of errors that have none. */
export const noViolations: ReadonlyArray<Violation> = []
export const noCauses: ReadonlyArray<CanonicalError> = []
const noExtensions: JsonRecord = {}

/**
 * `text` when it has something to say (not only white space, as `trim` sees it), else `undefined`. A text of
 * more than 2,048 characters is looked at in its first and last 1,024 only, and kept unless both are blank
 * (decision 014): one long text an object hands a million faults would otherwise be read a million times.
 */
export const nonBlank = (text: unknown): string | undefined => {
  if (typeof text !== 'string' || text.length === 0) return undefined
  // Most messages start with a visible ASCII character: nothing more is needed to know.
  const first = text.charCodeAt(0)
  if (first > 32 && first < 127) return text
  return hasVisibleEnds(text) ? text : undefined
}

// Whether `trim` would leave something of a text (of a long one: of its first or last 1,024 characters). Apart
// from `nonBlank`, which stays small enough to be inlined where every error is built.
function hasVisibleEnds(text: string): boolean {
  if (text.length <= 2 * blankScan) return visible.test(text)
  return visible.test(text.slice(0, blankScan)) || visible.test(text.slice(-blankScan))
}

// `\S` is what `trim` keeps: neither WhiteSpace nor LineTerminator.
const visible = /\S/
const blankScan = 1_024

/** A string member as it is, else `null`. */
export const stringOrNull = (value: unknown): string | null => (typeof value === 'string' ? value : null)

/** A draft without the four fields a decoder's {@link Meaning} decides (`recognized` may still be overridden). */
export type MeaningDraft = Omit<ErrorDraft, 'kind' | 'reason' | 'retryable' | 'recognized'> & { readonly recognized?: boolean | undefined }

/**
 * Builds a complete {@link CanonicalError} from a draft: the message falls back to the kind's default
 * sentence, `retryable` to the kind's default, and `transport` / `signature` errors never carry a status.
 */
export function canonicalError(draft: ErrorDraft): CanonicalError {
  return assemble(draft.kind, draft.reason, draft.retryable, draft.recognized ?? true, draft)
}

/**
 * `canonicalError` of a decoder's meaning and the rest of the draft. Decoders call this instead of
 * `canonicalError({ ...meaning, ... })`: in Node 20's V8 every property written after an object spread in a
 * literal costs about 1 µs, which made the spread the most expensive step of a decode (docs/decisions/012).
 */
export function canonicalErrorOf(meaning: Meaning, draft: MeaningDraft): CanonicalError {
  return assemble(meaning.kind, meaning.reason, meaning.retryable, draft.recognized ?? meaning.recognized, draft)
}

function assemble(kind: Kind, reason: string, retryable: boolean | undefined, recognized: boolean, draft: MeaningDraft): CanonicalError {
  const info = kindTable[kind]
  return {
    kind,
    reason,
    vendor: draft.vendor,
    vendorCode: draft.vendorCode ?? null,
    vendorType: draft.vendorType ?? null,
    status: statuslessKinds.has(kind) ? null : (draft.status ?? null),
    message: nonBlank(draft.message) ?? info.message,
    detail: draft.detail ?? null,
    param: draft.param ?? null,
    requestId: draft.requestId ?? null,
    docUrl: draft.docUrl ?? null,
    retryable: retryable ?? info.retryable,
    retryAfter: draft.retryAfter ?? null,
    recognized,
    violations: draft.violations ?? noViolations,
    causes: draft.causes ?? noCauses,
    extensions: draft.extensions ?? noExtensions,
    truncated: draft.truncated ?? false,
  } as CanonicalError
}
