import { isKind, type CanonicalError, type JsonRecord, type Kind } from '@faultline/core'
import { isJson, isReasonWord, leadingElements } from '@faultline/core/internal'
import { fhirUrlBase } from './codings'
import { ExtensionMembers, readMembers } from './members'

/** The URL of the extension that carries a canonical error's fields an OperationOutcome has no element for. */
export const canonicalErrorExtensionUrl = `${fhirUrlBase}StructureDefinition/canonical-error`

/** A FHIR `Extension` as faultline writes it. */
export interface Extension {
  readonly url: string
  readonly extension?: ReadonlyArray<Extension>
  readonly valueString?: string
  readonly valueCode?: string
  readonly valueBoolean?: boolean
  readonly valueDecimal?: number
  readonly valueInteger?: number
}

/** The canonical fields the extension carries, as read back (each one absent when missing or malformed). */
export interface CarriedFields {
  kind?: Kind
  reason?: string
  vendor?: string
  vendorCode?: string
  vendorType?: string
  message?: string
  detail?: string
  param?: string
  requestId?: string
  docUrl?: string
  retryable?: boolean
  retryAfter?: number
  recognized?: boolean
  truncated?: boolean
  /** How many of the issues are the error's violations (all of them, or none). */
  violations?: number
  extensions?: JsonRecord
}

type ValueKey = 'valueString' | 'valueCode' | 'valueBoolean' | 'valueDecimal' | 'valueInteger'
type Carried = Exclude<keyof CarriedFields, 'kind' | 'extensions' | 'violations'>

/** Which value[x] each carried field is written as. FHIR strings may not be empty: empty ones are left out. */
const carriedFields: ReadonlyArray<readonly [Carried, ValueKey]> = [
  ['reason', 'valueCode'],
  ['vendor', 'valueString'],
  ['vendorCode', 'valueString'],
  ['vendorType', 'valueString'],
  ['message', 'valueString'],
  ['detail', 'valueString'],
  ['param', 'valueString'],
  ['requestId', 'valueString'],
  ['docUrl', 'valueString'],
  ['retryable', 'valueBoolean'],
  ['retryAfter', 'valueDecimal'],
  ['recognized', 'valueBoolean'],
  ['truncated', 'valueBoolean'],
]

/** The canonical-error extension of an error (`includeExtensions: false` leaves the vendor's own members out). */
export function canonicalErrorExtension(error: CanonicalError, includeExtensions: boolean): Extension {
  const parts: Extension[] = [{ url: 'kind', valueCode: error.kind }]
  for (const [field, valueKey] of carriedFields) {
    const value = error[field]
    if (value === null || value === '' || (field === 'truncated' && value === false)) continue
    parts.push({ url: field, [valueKey]: value } as Extension)
  }
  if (error.violations.length > 0) parts.push({ url: 'violations', valueInteger: error.violations.length })
  if (includeExtensions && Object.keys(error.extensions).length > 0) {
    parts.push({ url: 'extensions', valueString: JSON.stringify(error.extensions) })
  }
  return { url: canonicalErrorExtensionUrl, extension: parts }
}

const parseRecord = (text: string): JsonRecord | undefined => {
  try {
    const value: unknown = JSON.parse(text)
    return typeof value === 'object' && value !== null && !Array.isArray(value) && isJson(value) ? (value as JsonRecord) : undefined
  } catch {
    return undefined
  }
}

// At most this many elements of an `extension` array are read, at each of its two levels (faultline writes one
// extension of about twenty parts).
const maxExtensions = 1_000

/**
 * The fields the canonical-error extension carries, from an `extension` array; `undefined` when there is no
 * such extension. A part of the wrong type is ignored, the others still count.
 */
export function readCanonicalErrorExtension(extensions: ReadonlyArray<unknown> | undefined): CarriedFields | undefined {
  const own = leadingElements(extensions ?? [], maxExtensions).find((element) => readMembers(ExtensionMembers, element).url === canonicalErrorExtensionUrl)
  if (own === undefined) return undefined
  const fields: CarriedFields = {}
  // Only the first `extensions` part is parsed, whatever it holds: one text may be shared by a thousand parts
  // (decision 014).
  let extensionsRead = false
  for (const element of leadingElements(readMembers(ExtensionMembers, own).extension ?? [], maxExtensions)) {
    const part = readMembers(ExtensionMembers, element)
    if (part.url === 'kind' && isKind(part.valueCode)) fields.kind ??= part.valueCode
    if (part.url === 'extensions' && part.valueString !== undefined && !extensionsRead) {
      extensionsRead = true
      const record = parseRecord(part.valueString)
      if (record !== undefined) fields.extensions = record
    }
    const count = part.url === 'violations' ? part.valueInteger : undefined
    if (count !== undefined && Number.isSafeInteger(count) && count > 0) fields.violations ??= count
    const carried = carriedFields.find(([field]) => field === part.url)
    if (carried === undefined) continue
    const [field, valueKey] = carried
    const value = part[valueKey]
    if (value === undefined || value === '' || fields[field] !== undefined) continue
    // A longer text is not searched (a review shared 4 MB among 1,000 parts: 26 s).
    if (field === 'reason' && !isReasonWord(value as string)) continue
    if (field === 'retryAfter' && !(Number.isFinite(value) && (value as number) >= 0)) continue
    ;(fields as Record<string, unknown>)[field] = field === 'retryAfter' && value === 0 ? 0 : value
  }
  return fields
}
