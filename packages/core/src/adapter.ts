import type { CanonicalError } from './CanonicalError'
import type { Catalog } from './catalog'
import type { ResponseView } from './input/view'
import type { WireResponse } from './response'
import type { RetryPolicy } from './retryPolicy'

/** Options every decoder takes. */
export interface NormalizeOptions {
  /** The clock, in ms since the epoch, that an HTTP-date `Retry-After` is read against when there is no `Date` header. */
  readonly now?: number
}

/** What an adapter's docs page says beyond its catalog. */
export interface AdapterDocumentation {
  /** The vendor's name as people write it. */
  readonly title: string
  /** How the vendor reports failure, in a sentence or two. */
  readonly overview: string
  /** The adapter's normal form: what `encode` always writes or omits (contract §7). */
  readonly normalForm: ReadonlyArray<string>
  /** Fallbacks, assumptions and other rules a user should know. */
  readonly notes: ReadonlyArray<string>
}

/**
 * One vendor's dialect, data first: its catalog, a decoder and an encoder.
 *
 * Laws (property-tested for every adapter, contract §6):
 * - L1 `encode(decode(w))` deep-equals `w` for every `w` in the adapter's normal form;
 * - L2 `decode(encode(decode(w)))` deep-equals `decode(w)` for every wire response `w`;
 * - L3 every output of `decode` satisfies `CanonicalError.is`.
 */
export interface Adapter {
  /** The vendor id users pass to `normalizeError` (`medblocks`, `scribe`, ...). */
  readonly id: string
  /** The one mapping table of the vendor's codes. */
  readonly catalog: Catalog
  readonly documentation: AdapterDocumentation
  /** The retry behaviour the vendor documents (its SDK's or its own guidance); `withRetry` follows it. */
  readonly retryPolicy?: RetryPolicy
  /**
   * Decodes a response, whatever form it reached faultline in (the normalizer's readers made the view), or a bare
   * vendor body (`status` null, no headers). `null` means success: a status below 400 and no error in the body
   * (contract §5). Must not throw on any input: the body may be any value, including a hostile one.
   */
  decode(response: ResponseView, options?: NormalizeOptions): CanonicalError | null
  /** Writes a canonical error in the vendor's own wire form, reading nothing but the canonical fields. */
  encode(error: CanonicalError): WireResponse
  /**
   * Decodes a value thrown by the vendor's own SDK (an error instance or a plain object with its documented
   * fields); `undefined` when the value is not one.
   */
  decodeThrown?(thrown: object, options?: NormalizeOptions): CanonicalError | undefined
}
