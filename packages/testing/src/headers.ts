import fc from 'fast-check'

/** A header record as an adapter's normal form writes it: lower-case names, string values. */
export type HeaderRecord = Readonly<Record<string, string>>

const randomCase = (name: string): fc.Arbitrary<string> =>
  fc
    .array(fc.boolean(), { minLength: name.length, maxLength: name.length })
    .map((upper) => [...name].map((char, i) => (upper[i] ? char.toUpperCase() : char)).join(''))

/**
 * The same headers in each of the three forms `normalizeError` accepts: a plain record, an iterable of
 * `[name, value]` pairs, or a WHATWG `Headers`; names in random case.
 */
export function headersInAnyForm(
  headers: HeaderRecord,
): fc.Arbitrary<Record<string, string> | Array<[string, string]> | Headers> {
  const entries = Object.entries(headers)
  const renamed = fc.tuple(...entries.map(([name, value]) => randomCase(name).map((cased) => [cased, value] as [string, string])))
  return fc.oneof(
    renamed.map((pairs) => Object.fromEntries(pairs)),
    renamed.map((pairs) => [...pairs]),
    fc.constant(null).map(() => new Headers(entries)),
  )
}

/** Headers a vendor or a proxy adds that no adapter reads. */
export const unrelatedHeaders: fc.Arbitrary<Record<string, string>> = fc.dictionary(
  fc.constantFrom('server', 'cache-control', 'x-powered-by', 'via', 'strict-transport-security', 'x-trace'),
  fc.string({ minLength: 1, maxLength: 20 }).filter((value) => /^[\x20-\x7e]+$/.test(value) && value.trim() === value),
  { maxKeys: 3 },
)

/** An HTTP-date in IMF-fixdate form. */
export const httpDate = (ms: number): string => new Date(ms).toUTCString()

/** A `Retry-After` value of any form, valid or not: delta-seconds (with spaces), HTTP-dates, and junk. */
export const retryAfterValue = (now: number): fc.Arbitrary<string> =>
  fc.oneof(
    fc.nat({ max: 86_400 }).map(String),
    fc.nat({ max: 3_600 }).map((seconds) => `  ${seconds} `),
    fc.integer({ min: -3_600, max: 86_400 }).map((seconds) => httpDate(now + seconds * 1000)),
    fc.constantFrom('-3', '1e3', 'soon', '', '12.5', 'Wed, 99 Foo 2026 00:00:00 GMT'),
  )

/** A request id as vendors send them (UUIDs and `req_` ids). */
export const requestId: fc.Arbitrary<string> = fc.oneof(fc.uuid(), fc.stringMatching(/^req_[A-Za-z0-9]{8,24}$/))

/** JSON values as a vendor may add them as unknown members: finite numbers, no `-0`, plain objects. */
export const extraMemberValue: fc.Arbitrary<unknown> = fc
  .jsonValue({ maxDepth: 3 })
  .map((value) => JSON.parse(JSON.stringify(value)) as unknown)

/**
 * The headers a vendor response carries, in any of the three accepted forms: `Retry-After` in every form
 * (valid or not), a `Date` around `now`, a request id under either name, a content type from `contentTypes`,
 * and unrelated headers.
 */
export function responseHeaders(now: number, contentTypes: ReadonlyArray<string>): fc.Arbitrary<Record<string, string> | Array<[string, string]> | Headers> {
  return fc
    .record({
      retryAfter: fc.option(retryAfterValue(now), { nil: undefined }),
      date: fc.option(fc.integer({ min: -600, max: 600 }).map((s) => httpDate(now + s * 1000)), { nil: undefined }),
      requestId: fc.option(requestId, { nil: undefined }),
      requestIdName: fc.constantFrom('x-request-id', 'request-id'),
      contentType: fc.option(fc.constantFrom(...contentTypes), { nil: undefined }),
      unrelated: unrelatedHeaders,
    })
    .chain(({ retryAfter, date, requestId, requestIdName, contentType, unrelated }) => {
      const record: Record<string, string> = { ...unrelated }
      if (retryAfter !== undefined) record['retry-after'] = retryAfter
      if (date !== undefined) record.date = date
      if (requestId !== undefined) record[requestIdName] = requestId
      if (contentType !== undefined) record['content-type'] = contentType
      return headersInAnyForm(record)
    })
}
