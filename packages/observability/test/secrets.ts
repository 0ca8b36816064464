import fc from 'fast-check'

/** A secret or identifier planted in vendor text, and the part of it that must never reach a log record. */
export interface Secret {
  readonly kind: string
  /** What is planted. */
  readonly text: string
  /** What must not appear (the token of `Bearer <token>`, else the whole text). */
  readonly sensitive: string
}

const digits = (n: number) => fc.stringMatching(new RegExp(`^\\d{${n}}$`))
const alnum = (min: number, max: number) => fc.stringMatching(new RegExp(`^[A-Za-z0-9]{${min},${max}}$`))
const base64url = (min: number, max: number) => fc.stringMatching(new RegExp(`^[A-Za-z0-9_-]{${min},${max}}$`))
const secret = (kind: string) => (text: string): Secret => ({ kind, text, sensitive: text })
const monthNames = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']
const pad = (n: number) => String(n).padStart(2, '0')

const email = fc.emailAddress().map(secret('email'))
const phone = fc
  .oneof(
    fc.tuple(digits(3), digits(3), digits(4)).map(([a, b, c]) => `+1 (${a}) ${b}-${c}`),
    fc.tuple(digits(3), digits(3), digits(4)).map(([a, b, c]) => `${a}-${b}-${c}`),
    fc.tuple(digits(3), digits(2), digits(2), digits(2)).map(([a, b, c, d]) => `+34 6${a} ${b} ${c} ${d}`),
    fc.tuple(digits(4), digits(4)).map(([a, b]) => `+44 20 ${a} ${b}`),
    fc.tuple(digits(3), digits(3), digits(4)).map(([a, b, c]) => `${a}.${b}.${c}`),
  )
  .map(secret('phone'))
const recordNumber = fc.oneof(digits(6), digits(8), digits(10)).map(secret('record_number'))
const birthDate = fc
  .tuple(fc.integer({ min: 1920, max: 2020 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }), fc.nat({ max: 4 }))
  .map(([y, m, d, form]) =>
    [`${y}-${pad(m)}-${pad(d)}`, `${pad(d)}/${pad(m)}/${y}`, `${pad(m)}.${pad(d)}.${y}`, `${d} ${monthNames[m - 1]} ${y}`, `${monthNames[m - 1]} ${d}, ${y}`][form]!,
  )
  .map(secret('birth_date'))
const bearer = alnum(8, 8)
  .chain((head) => fc.stringMatching(/^[A-Za-z0-9._~+/-]{8,32}$/).map((tail) => head + tail))
  .map((token): Secret => ({ kind: 'bearer', text: `Bearer ${token}`, sensitive: token }))
const basic = fc
  .tuple(alnum(3, 10), alnum(6, 16))
  .map(([user, password]) => btoa(`${user}:${password}`))
  .map((token): Secret => ({ kind: 'basic', text: `Basic ${token}`, sensitive: token }))
const apiKey = fc
  .oneof(
    alnum(24, 32).map((key) => `sk_live_${key}`),
    alnum(24, 32).map((key) => `rk_test_${key}`),
    alnum(32, 32).map((key) => `whsec_${key}`),
  )
  .map(secret('api_key'))
const keyAssignment = fc
  .tuple(fc.constantFrom('api_key', 'apiKey', 'password', 'token', 'client_secret'), fc.constantFrom('=', ': ', '="'), alnum(12, 24))
  .map(([name, sep, value]): Secret => ({ kind: 'key_assignment', text: `${name}${sep}${value}`, sensitive: value }))
const jwt = fc
  .tuple(base64url(10, 30), base64url(10, 60), base64url(16, 43))
  .map(([header, payload, signature]) => `eyJ${header}.eyJ${payload}.${signature}`)
  .map(secret('jwt'))

/** A secret of any class the default redactor must catch. */
export const anySecret: fc.Arbitrary<Secret> = fc.oneof(email, phone, recordNumber, birthDate, bearer, basic, apiKey, keyAssignment, jwt)

const words = fc.constantFrom('', 'Patient', 'Invalid value for', 'Contact', 'token rejected', 'Lookup failed for', 'see')
const separator = fc.constantFrom(' ', ': ', ', ', '\n', ' (', ' - ', ' "', " '", ' <', '=')

/** Vendor text with a secret planted somewhere in it. */
export const textWith = (planted: Secret): fc.Arbitrary<string> =>
  fc.tuple(words, separator, separator, words).map(([before, left, right, after]) => `${before}${left}${planted.text}${right}${after}`)
