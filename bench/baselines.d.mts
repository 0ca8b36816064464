import type { CanonicalError, WireResponse } from '@faultline/core'

/** The hand-written per-vendor decoders of bench/baselines.mjs (trusting, minimal; see that file). */
export type Baseline = (response: WireResponse & { readonly headers: Readonly<Record<string, string>> }) => CanonicalError

export function createBaselines(lib: {
  readonly kindTable: unknown
  readonly medblocksCatalog: unknown
  readonly medblocksTypes: unknown
  readonly scribeCatalog: unknown
  readonly scribeTypes: unknown
  readonly medipimCatalog: unknown
  readonly medableCatalog: unknown
  readonly errCodeCategories: ReadonlyMap<string, string>
}): Record<'medblocks' | 'scribe' | 'medipim' | 'medable', Baseline>
