import { scribeCatalog, scribeTypes } from '@faultline/scribe'
import type { WireResponse } from '@faultline/core'
import type fc from 'fast-check'
import { typedEnvelopeNormalFormResponse, typedEnvelopeWireResponse, type WireResponseOptions } from './typedEnvelope'

const scribe = { catalog: scribeCatalog, types: scribeTypes, writesNullParam: false }

/** Any response the scribe API (or a proxy in front of it) may send, documented or not. */
export const scribeWireResponse = (options?: WireResponseOptions): fc.Arbitrary<{ status: number; headers: unknown; body: unknown }> =>
  typedEnvelopeWireResponse(scribe, options)

/** Scribe responses in the adapter's normal form (law L1). */
export const scribeNormalFormResponse = (): fc.Arbitrary<WireResponse> => typedEnvelopeNormalFormResponse(scribe)
