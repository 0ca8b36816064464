import { describe, expect, it } from 'vitest'
import { createBaselines } from '../../../bench/baselines.mjs'
import { fixtures, successTextFixtures, textFixtures } from '../../../bench/fixtures.mjs'
import {
  CanonicalError,
  errCodeCategories,
  kindTable,
  medableCatalog,
  medblocksCatalog,
  medblocksTypes,
  medipimCatalog,
  normalizeError,
  scribeCatalog,
  scribeTypes,
} from 'faultline'

// `pnpm bench` compares normalizeError with these hand-written decoders: the comparison is fair only if
// both compute the same canonical errors on the benchmark's inputs.
const baselines = createBaselines({
  kindTable,
  medblocksCatalog,
  medblocksTypes,
  scribeCatalog,
  scribeTypes,
  medipimCatalog,
  medableCatalog,
  errCodeCategories,
})

const vendors = ['medblocks', 'scribe', 'medipim', 'medable'] as const

describe('bench baselines', () => {
  for (const vendor of vendors) {
    it(`the ${vendor} baseline decodes every bench fixture exactly as normalizeError does`, () => {
      expect(fixtures[vendor].length).toBeGreaterThanOrEqual(5)
      for (const response of fixtures[vendor]) {
        const expected = normalizeError(vendor, response)
        expect(expected).not.toBeNull()
        expect(CanonicalError.is(expected)).toBe(true)
        expect(baselines[vendor](response)).toStrictEqual(expected)
      }
    })

    it(`${vendor} text bodies decode as their parsed bodies do`, () => {
      fixtures[vendor].forEach((response, i) => {
        expect(normalizeError(vendor, textFixtures[vendor][i])).toStrictEqual(normalizeError(vendor, response))
      })
    })

    it(`${vendor}: the benchmark's successful answers are successes`, () => {
      for (const response of successTextFixtures) expect(normalizeError(vendor, response)).toBeNull()
    })
  }

  it('the fixtures cover known and unknown codes, violations, causes, retry-after and request ids', () => {
    const all = vendors.flatMap((vendor) => fixtures[vendor].map((response) => normalizeError(vendor, response)!))
    expect(all.some((error) => !error.recognized)).toBe(true)
    expect(all.some((error) => error.violations.length > 1)).toBe(true)
    expect(all.some((error) => error.causes.length > 1)).toBe(true)
    expect(all.some((error) => error.retryAfter !== null)).toBe(true)
    expect(all.some((error) => error.requestId !== null)).toBe(true)
    expect(all.some((error) => Object.keys(error.extensions).length > 0)).toBe(true)
  })
})
