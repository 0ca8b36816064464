import { kindTable, UNRECOGNIZED, type Kind } from './kinds'
import { kindForStatus } from './statusFallback'

/** One row of a vendor's mapping table: the vendor's code, what it means, and the vendor's own sentence. */
export interface CatalogEntry {
  /** The vendor's code, verbatim. */
  readonly code: string
  readonly kind: Kind
  readonly reason: string
  /** The HTTP status the vendor documents for the code (`null` when it documents none). */
  readonly status: number | null
  /** Overrides the kind's default where the vendor says otherwise. */
  readonly retryable?: boolean
  /** The vendor's own category of the code (Medblocks / scribe `type`, Medable source), when it has one. */
  readonly group?: string
  /** The vendor's own sentence for the code. */
  readonly description: string
}

/** A vendor's mapping table, read by its decoder, its encoder and its generated docs page. */
export interface Catalog {
  readonly vendor: string
  readonly entries: ReadonlyArray<CatalogEntry>
  /** The entry of a vendor code (own codes only: `constructor` or `__proto__` are never found). */
  lookup(code: unknown): CatalogEntry | undefined
  /**
   * The meaning of a documented vendor code (`meaningOfEntry` of its entry), looked up in one step.
   * `defineCatalog` provides it; read it through {@link documentedMeaning}, which works without it too.
   */
  meaningOfCode?(code: unknown): Meaning | undefined
  /** The vendor code to write for a canonical kind and reason: same kind and reason, else the first of the kind. */
  entryFor(kind: Kind, reason: string): CatalogEntry | undefined
}

/** Declares a vendor's catalog. Codes must be unique; the first entry of a kind is the kind's representative. */
export function defineCatalog(vendor: string, entries: ReadonlyArray<CatalogEntry>): Catalog {
  const byCode = new Map<string, CatalogEntry>()
  const byMeaning = new Map<string, CatalogEntry>()
  const byKind = new Map<Kind, CatalogEntry>()
  for (const entry of entries) {
    if (byCode.has(entry.code)) throw new Error(`${vendor} catalog: duplicate code ${entry.code}`)
    byCode.set(entry.code, entry)
    const meaning = `${entry.kind}/${entry.reason}`
    if (!byMeaning.has(meaning)) byMeaning.set(meaning, entry)
    if (!byKind.has(entry.kind)) byKind.set(entry.kind, entry)
  }
  // Decoders ask for a code's meaning on every call: kept beside its entry rather than derived each time.
  const meaningByCode = new Map<string, Meaning>()
  for (const [code, entry] of byCode) meaningByCode.set(code, meaningOfEntry(entry))
  return {
    vendor,
    entries,
    lookup: (code) => (typeof code === 'string' ? byCode.get(code) : undefined),
    meaningOfCode: (code) => (typeof code === 'string' ? meaningByCode.get(code) : undefined),
    entryFor: (kind, reason) => byMeaning.get(`${kind}/${reason}`) ?? byKind.get(kind),
  }
}

/** What a decoder concluded an error means. */
export interface Meaning {
  readonly kind: Kind
  readonly reason: string
  readonly retryable: boolean
  readonly recognized: boolean
}

/** The meaning of a known vendor code (rule 1: by meaning, not by status). */
export const meaningOfEntry = (entry: CatalogEntry): Meaning => {
  let meaning = entryMeanings.get(entry)
  if (meaning === undefined) {
    meaning = Object.freeze({ kind: entry.kind, reason: entry.reason, retryable: entry.retryable ?? kindTable[entry.kind].retryable, recognized: true })
    entryMeanings.set(entry, meaning)
  }
  return meaning
}

// A known code means the same every time: one frozen meaning per catalog entry, made on first use.
const entryMeanings = /*#__PURE__*/ new WeakMap<CatalogEntry, Meaning>()

/** The meaning of a code `catalog` documents (rule 1: by meaning, not by status); `undefined` for any other. */
export function documentedMeaning(catalog: Catalog, code: unknown): Meaning | undefined {
  if (catalog.meaningOfCode !== undefined) return catalog.meaningOfCode(code)
  const entry = catalog.lookup(code)
  return entry === undefined ? undefined : meaningOfEntry(entry)
}

/** The meaning of an unknown code from a fallback (rule 2): the kind it names, `recognized: false`. */
export const fallbackMeaning = (kind: Kind, reason: string = UNRECOGNIZED): Meaning => ({
  kind,
  reason,
  retryable: kindTable[kind].retryable,
  recognized: false,
})

/** The meaning of a status alone (rule 3). */
export const meaningOfStatus = (status: number | null): Meaning => {
  const { kind, reason } = kindForStatus(status)
  return fallbackMeaning(kind, reason)
}
