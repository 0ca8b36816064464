/** Turns free text into text that is safe to log. Must be total and pure. */
export type Redactor = (text: string) => string

/**
 * One pattern of sensitive text and what replaces it (`$1`-style group references are allowed). The pattern must
 * run in time linear in the text: V8's regular expressions backtrack, and a pattern such as `[^@]+@` tried at
 * every position of a long text without `@` is quadratic (seconds at 32 KiB). The default rules show how.
 */
export interface RedactionRule {
  readonly name: string
  readonly pattern: RegExp
  readonly replacement: string
}

const months = 'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?'

// What ends an e-mail address on either side: whitespace, what RFC 5322 allows only quoted, and what separates
// query and form pairs (`?email=jane@example.org&x=1` keeps `?email=` and `&x=1`).
const notInAddress = '\\s@＠<>()[\\]\\\\,;:"=&?/'
const at = '(?:@|＠|%40)'

// Words that make a `name=value` or `name: value` pair secret, wherever they stand in the name (`x_amz_signature`,
// `db_password_hash`, `sessionToken`, `c_ssn`).
const secretNameWords = 'key|token|secret|passw|passphrase|passcode|pwd|sig|auth|credential|session|cookie|ssn'

// Authentication schemes: after a secret name they are kept (`Authorization: Bearer [redacted:credential]`).
const schemes = 'bearer|basic|digest|token|apikey|negotiate'

/**
 * The default rules, applied in order: credentials first (they contain digits and dots the later rules would
 * only partly catch), then e-mail addresses, dates, SSNs, long digit runs, record numbers and phone numbers.
 * Names and addresses written in prose are NOT detectable by patterns: use {@link dropText} where they may occur.
 *
 * Every rule runs in time linear in the text, by construction: each starts on a literal (or, for e-mail
 * addresses, only where a word starts: the lookbehind), its quantifiers are bounded (`{0,8}`), and the one
 * unbounded run of a rule is its last element (nothing after it can fail, so a match that reaches it succeeds and
 * the scan resumes past it) or, for e-mail addresses, a run that ends the word it started (each word is tried
 * once). Tests time the rules on adversarial texts of 64 KiB and 1 MiB (`'x'`, `'@'`, `'a.'`, `'%40'`, `'eyJ'`...).
 */
export const defaultRedactionRules: ReadonlyArray<RedactionRule> = [
  // A JWT, JWS or JWE (two to five parts), or a lone base64url JSON segment: `{"` encodes as `eyJ`.
  { name: 'jwt', pattern: /eyJ[A-Za-z0-9_-]{8,}(?:\.[A-Za-z0-9_-]*){0,4}/g, replacement: '[redacted:jwt]' },
  {
    name: 'credential',
    pattern: /\b(Bearer|Basic|Digest|Token|ApiKey|Negotiate)(\s{1,8}|\s{0,8}[:=]\s{0,8})[A-Za-z0-9._~+/-]+=*/gi,
    replacement: '$1$2[redacted:credential]',
  },
  {
    name: 'api_key',
    pattern: /(?:sk|pk|rk)_(?:live|test)_[A-Za-z0-9]{4,}|whsec_[A-Za-z0-9+/=]{4,}|gh[pousr]_[A-Za-z0-9]{16,}|github_pat_[A-Za-z0-9_]{16,}|xox[abprs]-[A-Za-z0-9-]{8,}|AKIA[0-9A-Z]{16}|AIza[0-9A-Za-z_-]{20,}/g,
    replacement: '[redacted:key]',
  },
  // Every pair of a `Cookie:` or `Set-Cookie:` header (names are tokens; values hold no `;`, `,`, quote or space: RFC 6265).
  {
    name: 'cookie',
    pattern: /(cookie["']?\s{0,8}[:=]\s{0,8}["']?)[\w!#$%&*+.^`|~-]{1,256}=[^\s;,"']*(?:;\s{0,8}[\w!#$%&*+.^`|~-]{1,256}=[^\s;,"']*)*/gi,
    replacement: '$1[redacted:cookie]',
  },
  // Any pair whose name holds a secret word, as a query or form pair, a header, JSON or prose: the value goes.
  {
    name: 'secret_assignment',
    pattern: new RegExp(
      `((?:${secretNameWords})[A-Za-z0-9_.-]{0,32}["']?\\s{0,8}[:=]\\s{0,8})(?!["']?\\[redacted|(?:${schemes})\\b)(?:"[^"\\r\\n]{1,1024}"?|'[^'\\r\\n]{1,1024}'?|[^\\s"'&,;]+)`,
      'gi',
    ),
    replacement: '$1[redacted:secret]',
  },
  // `jane@example.org`, `jane.doe%40example.org` (URL-encoded), `jane＠example.org` (full-width); starting where a
  // word starts. A local part made only of `=&?/` (valid, if odd) is the second branch, starting where they start.
  {
    name: 'email',
    pattern: new RegExp(`(?<![^${notInAddress}])[^${notInAddress}]+${at}[^${notInAddress}]+|(?<![=&?/])[=&?/]+${at}[^${notInAddress}]+`, 'g'),
    replacement: '[redacted:email]',
  },
  { name: 'birth_date_label', pattern: /\b(dob|birth[ _-]?date|date[ _-]of[ _-]birth)(\s{0,8}[:=]\s{0,8})[^\s,;]+/gi, replacement: '$1$2[redacted:date]' },
  { name: 'ssn', pattern: /(?<!\d)\d{3}-\d{2}-\d{4}(?!\d)/g, replacement: '[redacted:ssn]' },
  { name: 'date_iso', pattern: /(?<!\d)\d{4}-\d{1,2}-\d{1,2}(?!\d)/g, replacement: '[redacted:date]' },
  { name: 'date_numeric', pattern: /(?<!\d)\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}(?!\d)/g, replacement: '[redacted:date]' },
  {
    name: 'date_day_month',
    pattern: new RegExp(`(?<!\\d)\\d{1,2}(?:st|nd|rd|th)?\\.?\\s{1,4}(?:de\\s{1,4})?(?:${months})\\.?,?\\s{1,4}(?:de\\s{1,4})?\\d{2,4}(?!\\d)`, 'gi'),
    replacement: '[redacted:date]',
  },
  {
    name: 'date_month_day',
    pattern: new RegExp(`\\b(?:${months})\\.?\\s{1,4}\\d{1,2}(?:st|nd|rd|th)?,?\\s{1,4}\\d{2,4}(?!\\d)`, 'gi'),
    replacement: '[redacted:date]',
  },
  { name: 'digits', pattern: /\d{6,}/g, replacement: '[redacted:number]' },
  // A labelled record number, however short, when it holds a digit: `MRN 54321`, `MRN: AB12CD34`, `MRN-7f3a`, `Patient ID #A-77`.
  {
    name: 'record_number',
    pattern: /\b(mrn|medical[ _-]?record(?:[ _-]?(?:number|num|no|id))?|patient[ _-]?(?:id|number|no))(?![A-Za-z])(\s{0,8}(?:[:=#-]\s{0,8})?)(?!\[redacted)[A-Za-z-]{0,16}\d[A-Za-z0-9-]*/gi,
    replacement: '$1$2[redacted:mrn]',
  },
  { name: 'phone', pattern: /(?<!\w)\+?\(?\d(?:[ ().-]{0,4}\d){6,}(?!\d)/g, replacement: '[redacted:phone]' },
]

// What every text a default rule changes holds (a test checks it against the same rules without this test):
// most texts hold none, and skip the rules.
const defaultRulesTrigger =
  /[0-9@＠]|%40|eyJ|bearer|basic|digest|token|apikey|negotiate|cookie|key|secret|pass|pwd|sig|auth|credential|session|ssn|dob|birth|sk_|pk_|rk_|whsec_|gh[pousr]_|github_pat_|xox[abprs]-|AKIA|AIza/i

/**
 * A redactor that applies `rules` in order. It takes as long as its slowest rule: the default rules are linear
 * (1 MiB in tens of milliseconds); a rule you add must be too (see {@link RedactionRule}).
 *
 * @example
 * const redact = createRedactor([...defaultRedactionRules, { name: 'member', pattern: /\bMBR-\w+/g, replacement: '[redacted:member]' }])
 * redact('Member MBR-7f3a, jane@example.org') // -> 'Member [redacted:member], [redacted:email]'
 */
export function createRedactor(rules: ReadonlyArray<RedactionRule> = defaultRedactionRules): Redactor {
  const compiled = rules.map((rule) => ({ ...rule, pattern: rule.pattern.global ? rule.pattern : new RegExp(rule.pattern.source, `${rule.pattern.flags}g`) }))
  const apply: Redactor = (text) => compiled.reduce((current, rule) => current.replace(rule.pattern, rule.replacement), text)
  return rules === defaultRedactionRules ? (text) => (defaultRulesTrigger.test(text) ? apply(text) : text) : apply
}

/**
 * The default redactor: e-mail addresses (also `%40`-encoded), phone numbers, SSNs, long digit runs and labelled
 * record numbers (`MRN 54321`), dates (of birth), bearer / basic credentials, JWTs, API keys (`sk_live_...`,
 * `whsec_...`), cookies and the value of any pair whose name holds `key`, `token`, `sig`, `secret`, `password`...
 *
 * @example
 * redact('Bearer eyJhbGciOi... for jane@example.org, MRN 00123456') // -> 'Bearer [redacted:credential] for [redacted:email], MRN [redacted:number]'
 */
export const redact: Redactor = /*#__PURE__*/ createRedactor()

/** The strictest redactor: every free text is replaced (for logs where names or addresses may appear). */
export const dropText: Redactor = () => '[redacted]'
