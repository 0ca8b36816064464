import { medblocksCatalog, medblocksTypes } from '@faultline/medblocks'
import type { WireResponse } from '@faultline/core'
import type fc from 'fast-check'
import { typedEnvelopeNormalFormResponse, typedEnvelopeWireResponse, type WireResponseOptions } from './typedEnvelope'

const medblocks = { catalog: medblocksCatalog, types: medblocksTypes, writesNullParam: true }

/**
 * Any response the Medblocks API (or a proxy in front of it) may send, documented or not.
 *
 * @example
 * fc.assert(fc.property(medblocksWireResponse(), (response) => {
 *   const error = normalizeError('medblocks', response)
 *   return error === null || CanonicalError.is(error)
 * }))
 */
export const medblocksWireResponse = (options?: WireResponseOptions): fc.Arbitrary<{ status: number; headers: unknown; body: unknown }> =>
  typedEnvelopeWireResponse(medblocks, options)

/** Medblocks responses in the adapter's normal form (law L1). */
export const medblocksNormalFormResponse = (): fc.Arbitrary<WireResponse> => typedEnvelopeNormalFormResponse(medblocks)
