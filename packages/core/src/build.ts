import type { CanonicalError, ErrorFields, Violation } from './CanonicalError'
import type { Meaning } from './catalog'
import type { JsonRecord } from './json'
import { kindTable, type Kind } from './kinds'

/** What an adapter knows of an error; every field it leaves out (or sets `undefined` or `null`) gets the contract's default. */
export type ErrorDraft = Pick<ErrorFields, 'reason' | 'vendor'> & { readonly kind: Kind } & {
  readonly [K in Exclude<keyof ErrorFields, 'reason' | 'vendor'>]?: ErrorFields[K] | null | undefined
}

/**
 * Everything a decoder read of an error but the three fields its {@link Meaning} decides (`kind`, `reason`,
 * `retryable`): every field present, so that the builder reads no member a polluted `Object.prototype` could
 * supply. A blank or missing `message` falls back to the kind's sentence.
 */
export type ErrorRead = Omit<ErrorFields, 'reason' | 'retryable' | 'recognized' | 'message'> & { readonly message: string | null | undefined }

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

/**
 * Builds a complete {@link CanonicalError} from a draft: the message falls back to the kind's default sentence,
 * `retryable` to the kind's default, `recognized` to `true`, and `transport` / `signature` errors never carry a
 * status. Only the draft's own members are read.
 */
export function canonicalError(draft: ErrorDraft): CanonicalError {
  const own = <K extends keyof ErrorDraft>(key: K): ErrorDraft[K] | undefined =>
    Object.prototype.hasOwnProperty.call(draft, key) ? draft[key] : undefined
  const kind = draft.kind
  const read: ErrorRead = {
    vendor: draft.vendor,
    vendorCode: own('vendorCode') ?? null,
    vendorType: own('vendorType') ?? null,
    status: own('status') ?? null,
    message: own('message'),
    detail: own('detail') ?? null,
    param: own('param') ?? null,
    requestId: own('requestId') ?? null,
    docUrl: own('docUrl') ?? null,
    retryAfter: own('retryAfter') ?? null,
    violations: own('violations') ?? noViolations,
    causes: own('causes') ?? noCauses,
    extensions: own('extensions') ?? noExtensions,
    truncated: own('truncated') ?? false,
  }
  return assemble(kind, draft.reason, own('retryable') ?? kindTable[kind].retryable, own('recognized') ?? true, read)
}

/** What a decoder read of a response that says nothing but its status line and headers. */
export const statusRead = (vendor: string, status: number | null, requestId: string | null = null, retryAfter: number | null = null): ErrorRead => ({
  vendor,
  vendorCode: null,
  vendorType: null,
  status,
  message: undefined,
  detail: null,
  param: null,
  requestId,
  docUrl: null,
  retryAfter,
  violations: noViolations,
  causes: noCauses,
  extensions: noExtensions,
  truncated: false,
})

/**
 * The error of a decoder's meaning and what it read: the one builder every decoder ends in. `recognized`
 * overrides the meaning's (an unreadable body decoded by its status is not recognized, whatever the status says).
 */
export const canonicalErrorOf = (meaning: Meaning, read: ErrorRead, recognized: boolean = meaning.recognized): CanonicalError =>
  assemble(meaning.kind, meaning.reason, meaning.retryable, recognized, read)

// Every field in the order of the union: one object of one shape for every error, whoever built it.
function assemble(kind: Kind, reason: string, retryable: boolean, recognized: boolean, read: ErrorRead): CanonicalError {
  const error: ErrorFields & { readonly kind: Kind } = {
    kind,
    reason,
    vendor: read.vendor,
    vendorCode: read.vendorCode,
    vendorType: read.vendorType,
    // The kinds of `statuslessKinds`, compared directly: this runs for every error.
    status: kind === 'transport' || kind === 'signature' ? null : read.status,
    message: nonBlank(read.message) ?? kindTable[kind].message,
    detail: read.detail,
    param: read.param,
    requestId: read.requestId,
    docUrl: read.docUrl,
    retryable,
    retryAfter: read.retryAfter,
    recognized,
    violations: read.violations,
    causes: read.causes,
    extensions: read.extensions,
    truncated: read.truncated,
  }
  // The one place a union member is made from its parts: `kind` and `status` agree by the line above.
  return error as CanonicalError
}
