import { type Kind } from '@faultline/core'
import { decodeUriText, encodeUriText, isWellFormedText, leadingElements, parseReasonCode, reasonCode } from '@faultline/core/internal'
import { CodingMembers, readMembers } from './members'

/** The base of every URL faultline writes into FHIR resources. */
export const fhirUrlBase = 'https://faultline.dev/fhir/'

/** The code system of faultline's `kind/reason` codes (`invalid_request/missing_field`). */
export const reasonSystem = `${fhirUrlBase}CodeSystem/reason`

/** The code system prefix of a vendor's own codes: `${vendorSystemPrefix}<vendor id>`. */
export const vendorSystemPrefix = `${fhirUrlBase}CodeSystem/vendor/`

/** A FHIR `Coding`. */
export interface Coding {
  readonly system: string
  readonly code: string
}

/** A FHIR `CodeableConcept` as faultline writes it. */
export interface CodeableConcept {
  readonly coding: ReadonlyArray<Coding>
  /** The human sentence (an issue's message; absent when empty: FHIR strings may not be empty). */
  readonly text?: string
}

/** The coding of a kind and reason in faultline's code system. */
export const reasonCoding = (kind: Kind, reason: string): Coding => ({ system: reasonSystem, code: reasonCode(kind, reason) })

// An R4 `code` as its datatype says (`[^\s]+(\s[^\s]+)*`, and in prose "no whitespace other than single
// spaces"): words of non-white characters, one space between. Control characters (`\p{Cc}`), which R4 strings
// should not hold, and `%`, which marks an escaped code, are left out too.
const verbatimCode = /^[^\s%\p{Cc}]+(?: [^\s%\p{Cc}]+)*$/u

/**
 * A vendor code as a valid R4 `code`: verbatim when it is one (and holds no `%`), else percent-encoded
 * (`encodeUriText`): `'E 12  '` -> `'E%2012%20%20'`. Lossless: {@link vendorCodeOf} reads it back.
 */
export const fhirCodeOf = (vendorCode: string): string =>
  verbatimCode.test(vendorCode) && isWellFormedText(vendorCode) ? vendorCode : encodeUriText(vendorCode)

/**
 * The vendor code a code of faultline's vendor system holds: percent-decoded when it holds a `%` (as
 * {@link fhirCodeOf} wrote it), else verbatim; a malformed escape is kept verbatim.
 */
export const vendorCodeOf = (code: string): string => (code.includes('%') ? (decodeUriText(code) ?? code) : code)

/**
 * The coding of a vendor's own code: the vendor in the system (percent-encoded), the code as a valid R4 `code`
 * ({@link fhirCodeOf}: verbatim, or percent-encoded when it has other whitespace than single inner spaces).
 */
export const vendorCoding = (vendor: string, code: string): Coding => ({ system: vendorSystemPrefix + encodeUriText(vendor), code: fhirCodeOf(code) })

/** What the codings of an issue's `details` say. */
export interface CodingsRead {
  readonly meaning?: { readonly kind: Kind; readonly reason: string }
  readonly vendor?: string
  readonly vendorCode?: string
  /** The code of the first coding of another system (a server's own code, e.g. Epic's). */
  readonly foreignCode?: string
}

// A vendor id in a code system URL, percent-encoded, is at most this long: a longer one is not decoded.
const maxEncodedVendorLength = 1_024

const vendorOf = (system: string): string | undefined => {
  if (system.length > vendorSystemPrefix.length + maxEncodedVendorLength) return undefined
  return decodeUriText(system.slice(vendorSystemPrefix.length))
}

// At most this many elements of a `coding` array are read (a CodeableConcept holds a few codings).
const maxCodings = 100

/**
 * Reads faultline's codings and the first foreign coding of a `coding` array, from its first
 * {@link maxCodings} elements; bad elements are skipped. `decodedCodes` holds the vendor codes read so far
 * (one map for every `coding` array of an outcome): a long code that many arrays share is decoded once
 * (decision 014).
 */
export function readCodings(codings: ReadonlyArray<unknown> | undefined, decodedCodes: Map<string, string> = new Map()): CodingsRead {
  const read: { -readonly [K in keyof CodingsRead]: CodingsRead[K] } = {}
  for (const element of leadingElements(codings ?? [], maxCodings)) {
    const { system, code } = readMembers(CodingMembers, element)
    if (code === undefined || code.length === 0) continue
    if (system === reasonSystem) {
      const meaning = read.meaning === undefined ? parseReasonCode(code) : undefined
      if (meaning !== undefined) read.meaning = meaning
    } else if (system?.startsWith(vendorSystemPrefix) === true) {
      // Once a vendor coding is read, no other system is decoded.
      if (read.vendorCode !== undefined) continue
      const vendor = vendorOf(system)
      if (vendor !== undefined && vendor.length > 0) {
        read.vendor = vendor
        let vendorCode = decodedCodes.get(code)
        if (vendorCode === undefined) decodedCodes.set(code, (vendorCode = vendorCodeOf(code)))
        read.vendorCode = vendorCode
      }
    } else {
      read.foreignCode ??= code
    }
  }
  return read
}
