import { canonicalError, kindTable, kinds, type CanonicalError, type Json, type Violation } from '@faultline/core'
import { canonicalErrorArbitrary, requestId as requestIdArbitrary } from '@faultline/testing'
import fc from 'fast-check'
import { bundledAdapters, encodeError, normalizeError } from 'faultline'
import { describe, expect, it } from 'vitest'
import { fingerprint } from '../src/fingerprint'
import { redactedRequestId, redactedUrl, safeIdentifier, safeRequestId, safeUrl } from '../src/identifiers'
import { toLogRecord } from '../src/logRecord'
import { errorSpanAttributes, recordError, type ErrorSpan } from '../src/recordError'
import { dropText, redact } from '../src/redaction'
import { anySecret, leakedForms, textWith, type Secret } from './secrets'

/** `FAULTLINE_FUZZ=1` runs the long properties; CI runs 100 cases each (a few seconds in all). */
const numRuns = process.env.FAULTLINE_FUZZ === '1' ? 20_000 : 100
const timeout = process.env.FAULTLINE_FUZZ === '1' ? 3_600_000 : 30_000

/** Everything a span is given by `recordError`, and `errorSpanAttributes` and `fingerprint` beside it. */
function spanOutput(error: CanonicalError): string {
  const seen: unknown[] = []
  const span: ErrorSpan = {
    setStatus: (status) => seen.push(status),
    setAttributes: (attributes) => seen.push(attributes),
    addEvent: (name, attributes) => seen.push(name, attributes),
  }
  recordError(span, error, { recordException: true })
  seen.push(errorSpanAttributes(error), fingerprint(error))
  return JSON.stringify(seen)
}

/** Every "safe" output of an error: log records in each form, span data, fingerprint. */
const safeOutputs = (error: CanonicalError): string =>
  JSON.stringify([toLogRecord(error), toLogRecord(error, { extensions: 'drop' }), toLogRecord(error, { redact: dropText })]) + spanOutput(error)

/**
 * Checks that no form of a planted secret is in `output`; `background` is the text of what was not planted (a
 * record number `44509` may be in a number `-7.5044509e-227` of the generated error already).
 */
const expectNoLeak = (output: string, secrets: ReadonlyArray<Secret>, background = '') => {
  for (const planted of secrets) {
    for (const sensitive of planted.sensitive) {
      for (const form of leakedForms(sensitive)) if (!background.includes(form)) expect(output, `${planted.kind}: ${form}`).not.toContain(form)
    }
  }
}

describe('safeRequestId', () => {
  it.each(['req_8f2a91', '123e4567-e89b-12d3-a456-426614174000', 'c1051bb4-d103-4f74-8988-acbcafc7fdc3', 'Root:1-5759e988', '12345', 'abc.DEF_09:x-y'])(
    'keeps %j',
    (id) => expect(safeRequestId(id)).toBe(id),
  )

  it.each([
    ['an e-mail address', 'jane.doe@example.org'],
    ['a bearer token', 'Bearer abcdefghijklmnop'],
    ['a JWT', 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl'],
    ['an API key', 'sk_live_abcdefABCDEF0123456789'],
    ['a query', '/patients/123?access_token=eyJhbGciOiJIUzI1NiJ9'],
    ['a record number', '00123456'],
    ['a phone number', '555-123-4567'],
    ['a date', '1985-03-12'],
    ['a labelled record number', 'MRN-00123'],
    ['an id too long', 'a'.repeat(65)],
    ['an empty id', ''],
  ])('replaces %s', (_, id) => expect(safeRequestId(id)).toBe(redactedRequestId))

  it('keeps every request id the vendors send (UUIDs, req_ ids)', () => {
    fc.assert(
      fc.property(requestIdArbitrary, (id) => {
        expect(safeRequestId(id)).toBe(id)
      }),
      { numRuns: 1_000 },
    )
  })
})

describe('safeUrl', () => {
  it.each([
    ['https://docs.example.com/errors/invalid?api_key=sk_live_abcdefABCDEF0123&email=jane%40example.org#top', 'https://docs.example.com/errors/invalid'],
    ['https://jane:hunter22@docs.example.com/errors', 'https://docs.example.com/errors'],
    ['http://docs.example.com:8080/a/b_c-d.html', 'http://docs.example.com:8080/a/b_c-d.html'],
    ['https://docs.example.com/patients/00123456/jane@example.org/Bearer%20x', 'https://docs.example.com/patients/[redacted]/[redacted]/[redacted]'],
    ['mailto:jane@example.org', redactedUrl],
    ['javascript:alert(1)', redactedUrl],
    ['not a url', redactedUrl],
    [`https://docs.example.com/${'a'.repeat(3_000)}`, redactedUrl],
  ])('makes %j %j', (url, expected) => expect(safeUrl(url, redact)).toBe(expected))
})

describe('safeIdentifier', () => {
  it.each([
    ['MRN 12345678', 'MRN [redacted:number]'],
    ['c_ssn=123-45-6789', 'c_ssn=[redacted:secret]'],
    ['https://example.com/probs/out-of-credit?token=abc', 'https://example.com/probs/out-of-credit'],
    ['name.first', 'name.first'],
  ])('makes %j %j', (value, expected) => expect(safeIdentifier(value, redact)).toBe(expected))

  it('keeps every code of the bundled catalogs and every reason of the fourteen kinds', () => {
    const codes = bundledAdapters.flatMap((adapter) => adapter.catalog?.entries.map((entry) => entry.code) ?? [])
    expect(codes.length).toBeGreaterThan(50)
    for (const code of [...codes, ...kinds.flatMap((kind) => kindTable[kind].reasons)]) expect(safeIdentifier(code, redact)).toBe(code)
  })
})

// Issue #16, finding 2: the planted values that came through toLogRecord and span attributes in 0.1.0.
describe('fields that identify do not carry data into logs and spans', () => {
  const outputsOf = (vendor: string, input: unknown) => {
    const error = normalizeError(vendor, input)!
    return { error, record: toLogRecord(error, { extensions: 'drop' }), attributes: errorSpanAttributes(error), all: safeOutputs(error) }
  }

  it('a doc URL keeps no query, fragment or user info', () => {
    const { error, record, all } = outputsOf('medblocks', {
      status: 401,
      body: { error: { type: 'authentication_error', code: 'invalid_api_key', message: 'bad', doc_url: 'https://docs.example.com/e?api_key=sk_live_abcdefABCDEF0123&email=jane%40example.org#x' } },
    })
    expect(error.docUrl).toContain('sk_live_')
    expect(record.docUrl).toBe('https://docs.example.com/e')
    expect(all).not.toMatch(/sk_live_|jane/)
  })

  it.each([
    ['as it is', '/patients/123?access_token=eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln'],
    ['in faultline\'s URN', `urn:faultline:request:${encodeURIComponent('/patients/123?access_token=eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln')}`],
  ])('a problem instance holding a token (%s) is not kept, as the request id or otherwise', (_, instance) => {
    const { error, record, attributes, all } = outputsOf('problem', {
      status: 404,
      headers: { 'content-type': 'application/problem+json' },
      body: { type: 'about:blank', title: 'Not found', instance },
    })
    expect(JSON.stringify(error)).toContain('access_token')
    if (error.requestId !== null) {
      expect(record.requestId).toBe(redactedRequestId)
      expect(attributes['http.response.header.x-request-id']).toEqual([redactedRequestId])
    }
    expect(all).not.toMatch(/eyJ/)
  })

  it('a FHIR code holding a record number goes through the redactor, in the record and the span', () => {
    const { error, record, attributes } = outputsOf('fhir', {
      status: 400,
      body: { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'value', diagnostics: 'bad', details: { coding: [{ system: 'http://hospital.example/codes', code: 'MRN 12345678' }] }, expression: ['Patient.x'] }] },
    })
    expect(error.vendorCode).toBe('MRN 12345678')
    expect(record.vendorCode).toBe('MRN [redacted:number]')
    expect(record.violations[0]!.vendorCode).toBe('MRN [redacted:number]')
    expect(attributes['faultline.vendor_code']).toBe('MRN [redacted:number]')
  })

  it('a violation path holding an SSN goes through the redactor', () => {
    const { record, all } = outputsOf('medipim', {
      status: 400,
      body: { error: { status: 400, code: 'validation_failed', message: 'bad', violations: [{ propertyPath: 'c_ssn=123-45-6789', message: 'x' }] } },
    })
    expect(record.violations[0]!.path).toBe('c_ssn=[redacted:secret]')
    expect(all).not.toContain('123-45-6789')
  })

  it.each(['jane.doe@example.org', 'Bearer abcdefghijklmnopqrstu'])('an X-Request-Id header holding %j is not kept', (header) => {
    const { error, record, attributes, all } = outputsOf('medblocks', { status: 500, headers: { 'x-request-id': header }, body: '' })
    expect(error.requestId).toBe(header)
    expect(record.requestId).toBe(redactedRequestId)
    expect(attributes['http.response.header.x-request-id']).toEqual([redactedRequestId])
    expect(all).not.toMatch(/jane|abcdefghijklmnopqrstu/)
  })
})

/** A secret planted in a field, in a form that field takes. */
interface Plant {
  readonly secret: Secret
  readonly text: string
}

const plantIn = (form: 'text' | 'url'): fc.Arbitrary<Plant> =>
  anySecret.chain((secret) => {
    const text = fc.oneof(fc.constant(secret.text), textWith(secret))
    const url = fc.oneof(
      fc.constant(`https://docs.example.com/errors/invalid?${secret.text}`),
      fc.constant(`https://docs.example.com/errors/invalid?page=1&note=${encodeURIComponent(secret.text)}#${secret.text}`),
      fc.constant(`https://docs.example.com/${secret.text}/page`),
      fc.constant(`https://${encodeURIComponent(secret.text)}@docs.example.com/errors`),
      textWith(secret),
    )
    return (form === 'url' ? url : text).map((planted) => ({ secret, text: planted }))
  })

// The string fields of an error, its violations, extensions (keys and strings) and causes, in a fixed order:
// `plantInto` rebuilds the error with slot i holding `plants[i]` when there is one.
const violationFields = ['path', 'reason', 'message', 'vendorCode'] as const
const errorFields = ['vendor', 'reason', 'vendorCode', 'vendorType', 'message', 'detail', 'param', 'requestId', 'docUrl'] as const

function jsonSlots(value: Json): number {
  if (typeof value === 'string') return 1
  if (Array.isArray(value)) return value.reduce((sum: number, item: Json) => sum + jsonSlots(item), 0)
  if (typeof value === 'object' && value !== null) return Object.entries(value).reduce((sum, [, item]) => sum + 1 + jsonSlots(item), 0)
  return 0
}

function slotsOf(error: CanonicalError): number {
  return errorFields.length + error.violations.length * violationFields.length + jsonSlots(error.extensions) + error.causes.reduce((sum, cause) => sum + slotsOf(cause), 0)
}

function plantInto(error: CanonicalError, plants: ReadonlyArray<Plant | null>): CanonicalError {
  let next = 0
  const take = <T extends string | null>(value: T): T | string => plants[next++]?.text ?? value
  const json = (value: Json): Json => {
    if (typeof value === 'string') return take(value)
    if (Array.isArray(value)) return value.map(json)
    if (typeof value === 'object' && value !== null) {
      const out: Record<string, Json> = {}
      for (const [key, item] of Object.entries(value)) Object.defineProperty(out, take(key), { value: json(item), enumerable: true, writable: true, configurable: true })
      return out
    }
    return value
  }
  const walk = (current: CanonicalError): CanonicalError => {
    const fields = Object.fromEntries(errorFields.map((field) => [field, take(current[field])]))
    const violations = current.violations.map((violation) => Object.fromEntries(violationFields.map((field) => [field, take(violation[field])])) as unknown as Violation)
    const extensions = json(current.extensions) as CanonicalError['extensions']
    return { ...current, ...fields, violations, extensions, causes: current.causes.map(walk) } as CanonicalError
  }
  return walk(error)
}

/** Any canonical error, with a secret planted in about half of its string fields (docUrl as a URL, mostly). */
const plantedError = canonicalErrorArbitrary()
  .map((error) => ({ ...error, extensions: { ...error.extensions, note: 'x', nested: { list: ['y', { deep: 'z' }] } } }) as CanonicalError)
  .chain((error) => {
    const docUrlSlots = new Set<number>()
    const mark = (current: CanonicalError, start: number): number => {
      docUrlSlots.add(start + errorFields.indexOf('docUrl'))
      let next = start + errorFields.length + current.violations.length * violationFields.length + jsonSlots(current.extensions)
      for (const cause of current.causes) next = mark(cause, next)
      return next
    }
    mark(error, 0)
    const slots = Array.from({ length: slotsOf(error) }, (_, i) => fc.option(plantIn(docUrlSlots.has(i) ? 'url' : 'text'), { freq: 2 }))
    return fc.tuple(...slots).map((plants) => ({
      error: plantInto(error, plants),
      secrets: plants.flatMap((plant) => (plant === null ? [] : [plant.secret])),
      background: JSON.stringify(error),
    }))
  })

describe('no planted secret reaches a log record or a span', () => {
  it('holds for secrets of every class in any field of any canonical error (violations, causes, extensions too)', () => {
    fc.assert(
      fc.property(plantedError, ({ error, secrets, background }) => {
        expectNoLeak(safeOutputs(error), secrets, background)
      }),
      { numRuns },
    )
  }, timeout)

  const vendors = ['medblocks', 'scribe', 'medipim', 'medable', 'problem', 'fhir'] as const

  it('holds over real decodes: the planted error encoded in each vendor\'s wire form, headers planted too, and normalized', () => {
    const reached: Record<string, number> = {}
    const planted: Record<string, number> = {}
    fc.assert(
      fc.property(plantedError, fc.constantFrom(...vendors), fc.option(plantIn('text')), ({ error, secrets, background }, vendor, header) => {
        const wire = encodeError(vendor, error)
        const headers = { ...(wire.headers as Record<string, string>), ...(header === null ? {} : { 'x-request-id': header.text }) }
        const decoded = normalizeError(vendor, { ...wire, headers })
        expect(decoded).not.toBeNull()
        const all = header === null ? secrets : [...secrets, header.secret]
        const canonical = JSON.stringify(decoded)
        planted[vendor] = (planted[vendor] ?? 0) + all.length
        reached[vendor] = (reached[vendor] ?? 0) + all.filter((secret) => secret.sensitive.some((sensitive) => canonical.includes(JSON.stringify(sensitive).slice(1, -1)))).length
        expectNoLeak(safeOutputs(decoded!), all, background)
      }),
      { numRuns },
    )
    // Not vacuous: planted secrets made it through each adapter into the canonical errors (encoders write only
    // some fields: Medipim and scribe have no doc URL, no param...).
    for (const vendor of vendors) expect(reached[vendor] ?? 0, vendor).toBeGreaterThan(0)
    const sum = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0)
    expect(sum(reached) / sum(planted)).toBeGreaterThan(0.2)
  }, timeout)

  // Wire fields `encode` never writes: every input field of each vendor's documented forms, and the headers.
  type Slots = Record<string, string>
  // `variant` picks between forms of one document that read different fields (FHIR: `expression` or `location`).
  // `notRead`: fields the adapter does not read at all (a foreign coding's system: only its code is kept).
  const templates: Record<(typeof vendors)[number], { readonly slots: Slots; readonly wire: (s: Slots, variant: number) => unknown; readonly notRead?: ReadonlyArray<string> }> = {
    medblocks: {
      slots: { type: 'invalid_request_error', code: 'invalid_data', message: 'Invalid data', param: 'name', doc_url: 'https://docs.medblocks.example/errors', request_id: 'req_1', extraKey: 'hint', extraValue: 'see docs', header: 'req_2' },
      wire: (s, variant) => ({
        status: 400,
        headers: { 'x-request-id': s.header },
        body: { error: { type: s.type, code: s.code, message: s.message, param: s.param, doc_url: s.doc_url, ...(variant % 2 === 0 ? { request_id: s.request_id } : {}), [s.extraKey!]: s.extraValue } },
      }),
    },
    scribe: {
      slots: { type: 'invalid_request_error', code: 'parameter_missing', message: 'Missing', param: 'name', doc_url: 'https://docs.scribe.example/errors', request_id: 'req_1', extraKey: 'hint', extraValue: 'see docs', header: 'req_2' },
      wire: (s, variant) => ({
        status: 400,
        headers: { 'request-id': s.header },
        body: { error: { type: s.type, code: s.code, message: s.message, param: s.param, doc_url: s.doc_url, ...(variant % 2 === 0 ? { request_id: s.request_id } : {}), [s.extraKey!]: s.extraValue } },
      }),
    },
    medipim: {
      slots: { code: 'validation_failed', message: 'Invalid', propertyPath: 'name', violationMessage: 'Required', violationCode: 'required', path: 'ean', secondMessage: 'Bad', extraKey: 'details', extraValue: 'x', header: 'req_2' },
      wire: (s) => ({
        status: 400,
        headers: { 'x-request-id': s.header },
        body: { error: { status: 400, code: s.code, message: s.message, violations: [{ propertyPath: s.propertyPath, message: s.violationMessage, code: s.violationCode }, { path: s.path, message: s.secondMessage }], [s.extraKey!]: s.extraValue } },
      }),
    },
    medable: {
      slots: { name: 'validation', code: 'kValidationError', errCode: 'cortex.invalidArgument.validation', message: 'Invalid', reason: 'Bad input', trace: 'at x', path: 'body', childCode: 'kRequired', childMessage: 'Required', childReason: 'Missing', childPath: 'name.first', header: 'req_2' },
      wire: (s) => ({
        status: 400,
        headers: { 'x-request-id': s.header },
        body: {
          object: 'fault', name: s.name, code: s.code, errCode: s.errCode, status: 400, message: s.message, reason: s.reason, trace: s.trace, path: s.path,
          faults: [{ object: 'fault', name: 'validation', code: s.childCode, status: 400, message: s.childMessage, reason: s.childReason, path: s.childPath }],
        },
      }),
    },
    problem: {
      slots: { type: 'https://example.com/probs/invalid', title: 'Invalid', detail: 'Bad', instance: '/requests/1', errorPath: 'dob', errorDetail: 'Bad date', errorCode: 'date', mapPath: 'Name', mapMessage: 'Required', extraKey: 'balance', extraValue: 'x', header: 'req_2' },
      wire: (s, variant) => ({
        status: 422,
        headers: { 'content-type': 'application/problem+json', 'x-request-id': s.header },
        body: { type: s.type, title: s.title, detail: s.detail, instance: s.instance, errors: variant % 2 === 0 ? [{ path: s.errorPath, detail: s.errorDetail, code: s.errorCode }] : { [s.mapPath!]: [s.mapMessage] }, [s.extraKey!]: s.extraValue },
      }),
    },
    fhir: {
      slots: { code: 'value', diagnostics: 'Invalid', text: 'Bad value', system: 'http://hospital.example/codes', codingCode: 'E1', vendor: 'acme', vendorCode: 'bad_value', expression: 'Patient.birthDate', location: 'Patient.birthDate', header: 'req_2' },
      notRead: ['system'],
      wire: (s, variant) => ({
        status: 400,
        headers: { 'x-request-id': s.header },
        body: {
          resourceType: 'OperationOutcome',
          issue: [
            {
              severity: 'error',
              code: s.code,
              diagnostics: s.diagnostics,
              ...(variant % 2 === 0 ? { expression: [s.expression] } : { location: [s.location] }),
              details: {
                text: s.text,
                coding: [
                  { system: s.system, code: s.codingCode },
                  ...((variant >> 1) % 2 === 0 ? [] : [{ system: `https://faultline.dev/fhir/CodeSystem/vendor/${encodeURIComponent(s.vendor!)}`, code: s.vendorCode }]),
                ],
              },
            },
          ],
        },
      }),
    },
  }

  it.each(vendors)('holds over real decodes: secrets planted in every input field of a %s response', (vendor) => {
    const { slots, wire, notRead = [] } = templates[vendor]
    const names = Object.keys(slots)
    const reachedSlots = new Set<string>()
    fc.assert(
      fc.property(fc.tuple(...names.map((name) => fc.option(plantIn(name.toLowerCase().includes('url') || name === 'type' ? 'url' : 'text'), { freq: 2 }))), fc.nat(3), (plants, variant) => {
        const values: Slots = Object.fromEntries(names.map((name, i) => [name, plants[i]?.text ?? slots[name]!]))
        const error = normalizeError(vendor, wire(values, variant))
        expect(error).not.toBeNull()
        const canonical = JSON.stringify(error)
        names.forEach((name, i) => {
          const plant = plants[i]
          if (plant?.secret.sensitive.some((sensitive) => canonical.includes(JSON.stringify(sensitive).slice(1, -1)))) reachedSlots.add(name)
        })
        expectNoLeak(safeOutputs(error!), plants.flatMap((plant) => (plant === null ? [] : [plant.secret])))
      }),
      { numRuns },
    )
    // Not vacuous: what is planted in each field reaches the canonical error (and is then kept out of the outputs).
    expect([...reachedSlots].sort()).toEqual(names.filter((name) => !notRead.includes(name)).sort())
  }, timeout)
})

describe('an error built by hand', () => {
  it('with a kind that is none of the fourteen is logged as unknown', () => {
    const error = { ...canonicalError({ kind: 'internal', reason: 'internal_error', vendor: 'acme' }), kind: 'jane@example.org' } as unknown as CanonicalError
    expect(toLogRecord(error).kind).toBe('unknown')
    expect(errorSpanAttributes(error)['error.type']).toBe('unknown')
  })
})
