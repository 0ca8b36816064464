import type { Adapter } from '@faultline/core'
import { fhirAdapter } from '@faultline/fhir'
import { medableAdapter } from '@faultline/medable'
import { medblocksAdapter } from '@faultline/medblocks'
import { medipimAdapter } from '@faultline/medipim'
import { problemAdapter } from '@faultline/problem'
import { scribeAdapter } from '@faultline/scribe'

/**
 * The adapters `normalizeError` knows out of the box, by vendor id: the four vendors, and the two standards a
 * sixth vendor may already speak (`problem`: RFC 9457 problem+json; `fhir`: FHIR R4 OperationOutcome).
 */
export const bundledAdapters: ReadonlyArray<Adapter> = [medblocksAdapter, scribeAdapter, medipimAdapter, medableAdapter, problemAdapter, fhirAdapter]
