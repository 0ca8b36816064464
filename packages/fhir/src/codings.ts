import { type Kind } from '@faultline/core'
import { decodeUriText, encodeUriText, leadingElements, parseReasonCode, reasonCode } from '@faultline/core/internal'
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
}

/** The coding of a kind and reason in faultline's code system. */
export const reasonCoding = (kind: Kind, reason: string): Coding => ({ system: reasonSystem, code: reasonCode(kind, reason) })

/** The coding of a vendor's own code: the vendor in the system, the code verbatim. */
export const vendorCoding = (vendor: string, code: string): Coding => ({ system: vendorSystemPrefix + encodeUriText(vendor), code })

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
 * {@link maxCodings} elements; bad elements are skipped.
 */
export function readCodings(codings: ReadonlyArray<unknown> | undefined): CodingsRead {
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
        read.vendorCode = code
      }
    } else {
      read.foreignCode ??= code
    }
  }
  return read
}
