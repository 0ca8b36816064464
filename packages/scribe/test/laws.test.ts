import { adapterLaws, scribeNormalFormResponse, scribeWireResponse } from '@faultline/testing'
import { describe, it } from 'vitest'
import { scribeAdapter } from '../src/adapter'

const now = Date.UTC(2026, 10, 23, 12, 0, 0)
const laws = adapterLaws(scribeAdapter, { normalForm: scribeNormalFormResponse(), anyResponse: scribeWireResponse({ now }), now })

describe('scribe round-trip laws (contract §6), 1,000 runs each', { timeout: 60_000 }, () => {
  it('L1: encode(decode(w)) = w for every w in the normal form', laws.l1)
  it('L2: decode(encode(decode(w))) = decode(w) for every wire response', laws.l2)
  it('L3: every output of decode is a CanonicalError that survives JSON', laws.l3)
})
