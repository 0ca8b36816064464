/**
 * The prefix of an extension member that holds a vendor member under an escaped name: `faultline_` and the
 * escaped name (see {@link extensionMemberName}).
 */
export const escapedMemberPrefix = 'faultline_'

// RFC 9457 §3.2: extension member names SHOULD start with a letter, SHOULD consist of letters, digits and `_`
// only, and SHOULD be at least three characters long (so that they can be XML element names, Appendix B).
const advisedName = /^[A-Za-z][A-Za-z0-9_]{2,}$/
const hexDigits = /^[0-9A-F]{1,4}$/

/** Whether `name` follows RFC 9457 §3.2's advice for extension member names. */
export const isAdvisedMemberName = (name: string): boolean => advisedName.test(name)

const isLetterOrDigit = (code: number): boolean => (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122)

// Letters and digits as they are, `_` as `__`, any other UTF-16 code unit as `_<upper-case hex>_` (`-` is `_2D_`).
function escapeName(name: string): string {
  let out = ''
  for (let i = 0; i < name.length; i++) {
    const code = name.charCodeAt(i)
    if (isLetterOrDigit(code)) out += name[i]
    else if (code === 95) out += '__'
    else out += `_${code.toString(16).toUpperCase()}_`
  }
  return out
}

// The name `escapeName` wrote; `undefined` for text it cannot have written.
function unescapeName(escaped: string): string | undefined {
  let out = ''
  for (let i = 0; i < escaped.length; ) {
    const code = escaped.charCodeAt(i)
    if (isLetterOrDigit(code)) {
      out += escaped[i]
      i++
    } else if (code !== 95) {
      return undefined
    } else if (escaped.charCodeAt(i + 1) === 95) {
      out += '_'
      i += 2
    } else {
      const end = escaped.indexOf('_', i + 1)
      const hex = end === -1 ? '' : escaped.slice(i + 1, end)
      if (!hexDigits.test(hex)) return undefined
      out += String.fromCharCode(parseInt(hex, 16))
      i = end + 1
    }
  }
  return out
}

/**
 * The extension member name under which a vendor member is written: its own name when that follows RFC 9457
 * §3.2's advice, is not in `reserved` (the members faultline writes or reads) and does not start with
 * {@link escapedMemberPrefix}; otherwise `faultline_` and the name escaped (letters and digits kept, `_` as
 * `__`, any other UTF-16 code unit as `_<hex>_`): `x-trace-id` -> `faultline_x_2D_trace_2D_id`, `id` ->
 * `faultline_id`, `type` -> `faultline_type`.
 *
 * Law: `vendorMemberName(extensionMemberName(n, r), r) === n` for every string `n`, and distinct names get
 * distinct member names.
 */
export function extensionMemberName(name: string, reserved: ReadonlySet<string>): string {
  return isAdvisedMemberName(name) && !reserved.has(name) && !name.startsWith(escapedMemberPrefix) ? name : escapedMemberPrefix + escapeName(name)
}

/**
 * The vendor member name an extension member holds: the escaped name {@link extensionMemberName} wrote, else the
 * member's own name (documents of other servers, and of faultline before names were escaped). A member is read as
 * escaped only when it is exactly what `extensionMemberName` writes for a name that needs escaping: a server's
 * own `faultline_code` stays `faultline_code`.
 */
export function vendorMemberName(member: string, reserved: ReadonlySet<string>): string {
  if (!member.startsWith(escapedMemberPrefix)) return member
  const escaped = member.slice(escapedMemberPrefix.length)
  const name = unescapeName(escaped)
  if (name === undefined || escapeName(name) !== escaped) return member
  return extensionMemberName(name, reserved) === member ? name : member
}
