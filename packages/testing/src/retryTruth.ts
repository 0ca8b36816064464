import { isDeepStrictEqual } from 'node:util'
import { createNormalizer, kindTable, readResponse, shouldRetry, type Adapter, type CanonicalError, type Catalog, type CatalogEntry, type ResponseInput } from '@faultline/core'
import fc from 'fast-check'

/** What an error says of itself where it disagrees with its vendor's retry policy. */
export interface RetryDisagreement {
  readonly kind: string
  readonly reason: string
  readonly status: number | null
  readonly vendorCode: string | null
  readonly retryable: boolean
}

/** Every status an HTTP answer can have. */
const statuses = Array.from({ length: 500 }, (_, i) => 100 + i)

const proxyPage = '<html><body><h1>502 Bad Gateway</h1><hr>nginx</body></html>'

// The error and every cause of it.
const everyError = (error: CanonicalError): CanonicalError[] => [error, ...error.causes.flatMap(everyError)]

const fail = (label: string, actual: unknown): never => {
  throw new Error(`${label}\n  ${JSON.stringify(actual)}`)
}

/**
 * The law of decision 020 as checks, for any adapter with a `retryPolicy`: an error's `retryable` is what its
 * vendor's retry policy says of it (`shouldRetry`), for every error `normalizeError` gives, causes included.
 * Each check throws, naming the errors that disagree.
 *
 * @example
 * const truth = retryTruth(myAdapter)
 * it('agree on every status', truth.everyStatus)
 * it('agree on every code', () => truth.everyBody(myCatalog.entries.map(bodyOf)))
 */
export function retryTruth(adapter: Adapter, options: { readonly now?: number } = {}) {
  const now = options.now ?? Date.UTC(2026, 10, 23, 12, 0, 0)
  const { normalizeError, retryPolicy } = createNormalizer([adapter])
  const vendor = adapter.id
  const policy = retryPolicy(vendor)

  /** The errors (causes included) whose `retryable` the policy does not say. */
  const disagreements = (errors: ReadonlyArray<CanonicalError | null>): RetryDisagreement[] =>
    errors
      .flatMap((error) => (error === null ? [] : everyError(error)))
      .filter((error) => shouldRetry(policy, error) !== error.retryable)
      .map(({ kind, reason, status, vendorCode, retryable }) => ({ kind, reason, status, vendorCode, retryable }))

  const agree = (label: string, errors: ReadonlyArray<CanonicalError | null>): void => {
    const found = disagreements(errors)
    if (found.length > 0) fail(`${label}: retryable and the retry policy disagree`, found.slice(0, 10))
  }

  return {
    normalizeError,
    disagreements,
    /** The errors given agree with the policy. */
    agree: (errors: ReadonlyArray<CanonicalError | null>): void => agree(vendor, errors),
    /** `withRetry` follows the adapter's own policy. */
    policyIsTheAdapters(): void {
      if (policy !== adapter.retryPolicy) fail(`${vendor}: withRetry does not follow the adapter's retryPolicy`, policy)
    },
    /** Every status 100-599 with an empty body, a proxy's HTML page and no body: an error at 400 and up, and agreement. */
    everyStatus(): void {
      const errors = statuses.flatMap((status) => [
        normalizeError(vendor, { status, body: '' }),
        normalizeError(vendor, { status, headers: { 'content-type': 'text/html' }, body: proxyPage }),
        normalizeError(vendor, { status }),
      ])
      const count = errors.filter((error) => error !== null).length
      if (count !== 3 * 200) fail(`${vendor}: expected an error for each of the 600 failed answers`, count)
      agree(`${vendor}, every status`, errors)
    },
    /**
     * Each item's body at every status and without a status (`bodyAt` writes it: with the status, or for none):
     * an error each time, and agreement.
     */
    everyBody<T>(items: ReadonlyArray<T>, bodyAt: (item: T, status?: number) => unknown = (item) => item): void {
      const errors = items.flatMap((item) => [
        ...statuses.map((status) => normalizeError(vendor, { status, body: bodyAt(item, status) })),
        normalizeError(vendor, bodyAt(item)),
      ])
      if (!errors.every((error) => error !== null)) fail(`${vendor}: a body decoded to no error`, items.length)
      agree(`${vendor}, every body`, errors)
    },
    /** Agreement on any response `responses` generates (decoded by the adapter itself, as `readResponse` reads it). */
    anyResponse(responses: fc.Arbitrary<unknown>, numRuns = 1000): void {
      fc.assert(
        fc.property(responses, (wire) => agree(`${vendor}, generated`, [adapter.decode(readResponse(wire as ResponseInput), { now })])),
        { numRuns },
      )
    },
    /**
     * The docs page (rendered from the catalog) shows what the decoder says: each entry's `retryable` (or its
     * kind's) is the decoded error's at the entry's documented status, the body written by `bodyOf`.
     */
    documentedStatuses<E extends CatalogEntry>(catalog: Pick<Catalog, 'entries'> & { readonly entries: ReadonlyArray<E> }, bodyOf: (entry: E) => unknown): void {
      for (const entry of catalog.entries) {
        const error = normalizeError(vendor, { status: entry.status, body: bodyOf(entry) })
        const documented = entry.retryable ?? kindTable[entry.kind].retryable
        if (!isDeepStrictEqual(error?.retryable, documented)) fail(`${vendor}: the docs page says retryable ${documented} for ${entry.code}`, error)
      }
    },
  }
}
