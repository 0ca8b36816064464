import fc from 'fast-check'

/** A secret or identifier planted in vendor text, and the parts of it that must never reach a log record. */
export interface Secret {
  readonly kind: string
  /** What is planted. */
  readonly text: string
  /** What must not appear (the token of `Bearer <token>`, every value of a cookie header, else the whole text). */
  readonly sensitive: ReadonlyArray<string>
}

const digits = (n: number) => fc.stringMatching(new RegExp(`^\\d{${n}}$`))
const alnum = (min: number, max: number) => fc.stringMatching(new RegExp(`^[A-Za-z0-9]{${min},${max}}$`))
const base64url = (min: number, max: number) => fc.stringMatching(new RegExp(`^[A-Za-z0-9_-]{${min},${max}}$`))
const secret = (kind: string) => (text: string): Secret => ({ kind, text, sensitive: [text] })
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
  .map((token): Secret => ({ kind: 'bearer', text: `Bearer ${token}`, sensitive: [token] }))
const basic = fc
  .tuple(alnum(3, 10), alnum(6, 16))
  .map(([user, password]) => btoa(`${user}:${password}`))
  .map((token): Secret => ({ kind: 'basic', text: `Basic ${token}`, sensitive: [token] }))
const apiKey = fc
  .oneof(
    alnum(24, 32).map((key) => `sk_live_${key}`),
    alnum(24, 32).map((key) => `rk_test_${key}`),
    alnum(32, 32).map((key) => `whsec_${key}`),
  )
  .map(secret('api_key'))
const keyAssignment = fc
  .tuple(fc.constantFrom('api_key', 'apiKey', 'password', 'token', 'client_secret'), fc.constantFrom('=', ': ', '="'), alnum(12, 24))
  .map(([name, sep, value]): Secret => ({ kind: 'key_assignment', text: `${name}${sep}${value}`, sensitive: [value] }))
const jwt = fc
  .tuple(base64url(10, 30), base64url(10, 60), base64url(16, 43))
  .map(([header, payload, signature]) => `eyJ${header}.eyJ${payload}.${signature}`)
  .map(secret('jwt'))

// Spellings of issue #16: an e-mail address URL-encoded, a JWT without its signature, any pair whose name holds a
// secret word, every pair of a cookie header, labelled record numbers, a scheme after `=` and `:`, an SSN.
const emailEncoded = fc.emailAddress().map((address) => address.replace('@', '%40')).map(secret('email_encoded'))
const jwtUnsigned = fc.tuple(base64url(10, 30), base64url(10, 60)).map(([header, payload]) => `eyJ${header}.eyJ${payload}`).map(secret('jwt_unsigned'))
const secretWord = fc.constantFrom('key', 'Key', 'KEY', 'token', 'Token', 'sig', 'Signature', 'secret', 'Secret', 'password', 'Password', 'passwd', 'auth')
const nameAround = fc.constantFrom('', 'x_', 'api_', 'X-Amz-', 'db_', 'my', 'client-', 'session_', 'refresh')
const nameAfter = fc.constantFrom('', '_id', 'V2', '_hash', 's', '-value', 'ature')
const secretPair = fc
  .tuple(nameAround, secretWord, nameAfter, fc.constantFrom('=', ': ', '="', '":"', ' = '), alnum(12, 24), fc.boolean())
  .map(([before, word, after, sep, value, asQuery]): Secret => {
    const pair = `${before}${word}${after}${sep}${value}`
    return { kind: 'secret_pair', text: asQuery ? `?page=2&${pair}&lang=en` : pair, sensitive: [value] }
  })
const cookieName = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{1,10}$/)
const cookie = fc
  .tuple(fc.constantFrom('Cookie: ', 'cookie:', 'Set-Cookie: ', '"cookie":"'), fc.array(fc.tuple(cookieName, alnum(10, 24)), { minLength: 1, maxLength: 4 }))
  .map(([header, pairs]): Secret => ({ kind: 'cookie', text: header + pairs.map(([name, value]) => `${name}=${value}`).join('; '), sensitive: pairs.map(([, value]) => value) }))
const recordNumberLabelled = fc
  .tuple(fc.constantFrom('MRN ', 'MRN: ', 'mrn=', 'MRN#', 'Patient ID: ', 'medical record number '), fc.oneof(digits(5), fc.stringMatching(/^[A-Z]{2}\d{2}[A-Z]{2}\d{2}$/)))
  .map(([label, id]): Secret => ({ kind: 'mrn', text: label + id, sensitive: [id] }))
const schemeAssigned = fc
  .tuple(fc.constantFrom('authorization=bearer:', 'Authorization=Bearer ', 'auth: token=', 'authorization: Basic '), alnum(16, 32))
  .map(([prefix, token]): Secret => ({ kind: 'scheme_assigned', text: prefix + token, sensitive: [token] }))
const ssn = fc.tuple(digits(3), digits(2), digits(4)).map(([a, b, c]) => `${a}-${b}-${c}`).map(secret('ssn'))

/** The classes of {@link anySecret}, by name. */
export const secretClasses = {
  email,
  phone,
  recordNumber,
  birthDate,
  bearer,
  basic,
  apiKey,
  keyAssignment,
  jwt,
  emailEncoded,
  jwtUnsigned,
  secretPair,
  cookie,
  recordNumberLabelled,
  schemeAssigned,
  ssn,
} as const

/** The kinds of secret {@link anySecret} plants. */
export const secretKinds = [
  'api_key', 'basic', 'bearer', 'birth_date', 'cookie', 'email', 'email_encoded', 'jwt', 'jwt_unsigned', 'key_assignment', 'mrn', 'phone',
  'record_number', 'scheme_assigned', 'secret_pair', 'ssn',
]

/** A secret of any class the default redactor must catch. */
export const anySecret: fc.Arbitrary<Secret> = fc.oneof(...Object.values(secretClasses))

const words = fc.constantFrom('', 'Patient', 'Invalid value for', 'Contact', 'token rejected', 'Lookup failed for', 'see')
const separator = fc.constantFrom(' ', ': ', ', ', '\n', ' (', ' - ', ' "', " '", ' <', '=')

/** Forms a planted secret may take in output: as planted, JSON-escaped, percent-encoded. */
export const leakedForms = (sensitive: string): ReadonlyArray<string> => [sensitive, JSON.stringify(sensitive).slice(1, -1), encodeURIComponent(sensitive)]

/** Vendor text with a secret planted somewhere in it. */
export const textWith = (planted: Secret): fc.Arbitrary<string> =>
  fc.tuple(words, separator, separator, words).map(([before, left, right, after]) => `${before}${left}${planted.text}${right}${after}`)
