/** Turns free text into text that is safe to log. Must be total and pure. */
export type Redactor = (text: string) => string

/** One pattern of sensitive text and what replaces it (`$1`-style group references are allowed). */
export interface RedactionRule {
  readonly name: string
  readonly pattern: RegExp
  readonly replacement: string
}

const months = 'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?'

/**
 * The default rules, applied in order: credentials first (they contain digits and dots the later rules would
 * only partly catch), then e-mail addresses, dates, long digit runs (record numbers) and phone numbers.
 * Names and addresses written in prose are NOT detectable by patterns: use {@link dropText} where they may occur.
 */
export const defaultRedactionRules: ReadonlyArray<RedactionRule> = [
  { name: 'jwt', pattern: /eyJ[A-Za-z0-9_-]{2,}\.[A-Za-z0-9_-]{2,}\.[A-Za-z0-9_-]*/g, replacement: '[redacted:jwt]' },
  { name: 'credential', pattern: /\b(Bearer|Basic|Digest|Token|ApiKey)(\s+)[A-Za-z0-9._~+/-]+=*/gi, replacement: '$1$2[redacted:credential]' },
  {
    name: 'api_key',
    pattern: /(?:sk|pk|rk)_(?:live|test)_[A-Za-z0-9]{4,}|whsec_[A-Za-z0-9+/=]{4,}|gh[pousr]_[A-Za-z0-9]{16,}|xox[abprs]-[A-Za-z0-9-]{8,}|AKIA[0-9A-Z]{16}/g,
    replacement: '[redacted:key]',
  },
  {
    name: 'secret_assignment',
    pattern: /\b(api[_-]?key|access[_-]?token|refresh[_-]?token|id[_-]?token|token|secret|client[_-]?secret|password|passwd|pwd|cookie)(["']?\s*[:=]\s*["']?)(?!\[redacted)[^\s"'&,;]+/gi,
    replacement: '$1$2[redacted:secret]',
  },
  { name: 'email', pattern: /[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+/g, replacement: '[redacted:email]' },
  { name: 'birth_date_label', pattern: /\b(dob|birth[ _-]?date|date[ _-]of[ _-]birth)(\s*[:=]\s*)[^\s,;]+/gi, replacement: '$1$2[redacted:date]' },
  { name: 'date_iso', pattern: /(?<!\d)\d{4}-\d{1,2}-\d{1,2}(?!\d)/g, replacement: '[redacted:date]' },
  { name: 'date_numeric', pattern: /(?<!\d)\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}(?!\d)/g, replacement: '[redacted:date]' },
  { name: 'date_day_month', pattern: new RegExp(`(?<!\\d)\\d{1,2}(?:st|nd|rd|th)?\\.?\\s+(?:de\\s+)?(?:${months})\\.?,?\\s+(?:de\\s+)?\\d{2,4}(?!\\d)`, 'gi'), replacement: '[redacted:date]' },
  { name: 'date_month_day', pattern: new RegExp(`\\b(?:${months})\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{2,4}(?!\\d)`, 'gi'), replacement: '[redacted:date]' },
  { name: 'digits', pattern: /\d{6,}/g, replacement: '[redacted:number]' },
  { name: 'phone', pattern: /(?<!\w)\+?\(?\d(?:[ ().-]*\d){6,}(?!\d)/g, replacement: '[redacted:phone]' },
]

/**
 * A redactor that applies `rules` in order.
 *
 * @example
 * const redact = createRedactor([...defaultRedactionRules, { name: 'mrn', pattern: /\bMRN-\w+/g, replacement: '[redacted:mrn]' }])
 * redact('Patient MRN-7f3a, jane@example.org') // -> 'Patient [redacted:mrn], [redacted:email]'
 */
export function createRedactor(rules: ReadonlyArray<RedactionRule> = defaultRedactionRules): Redactor {
  const compiled = rules.map((rule) => ({ ...rule, pattern: rule.pattern.global ? rule.pattern : new RegExp(rule.pattern.source, `${rule.pattern.flags}g`) }))
  return (text) => compiled.reduce((current, rule) => current.replace(rule.pattern, rule.replacement), text)
}

/**
 * The default redactor: e-mail addresses, phone numbers, long digit runs (record numbers), dates (of birth),
 * bearer / basic credentials, JWTs and API keys (`sk_live_...`, `whsec_...`, `key=...`).
 *
 * @example
 * redact('Bearer eyJhbGciOi... for jane@example.org, MRN 00123456') // -> 'Bearer [redacted:credential] for [redacted:email], MRN [redacted:number]'
 */
export const redact: Redactor = /*#__PURE__*/ createRedactor()

/** The strictest redactor: every free text is replaced (for logs where names or addresses may appear). */
export const dropText: Redactor = () => '[redacted]'
