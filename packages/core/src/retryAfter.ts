const deltaSeconds = /^\s*(\d+)\s*$/

// The usual `Retry-After`, ASCII digits alone: what `deltaSeconds` matches whole, told without a match array.
const isDigits = (value: string): boolean => {
  if (value.length === 0) return false
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i)
    if (code < 48 || code > 57) return false
  }
  return true
}

const months = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']

// The three HTTP-date forms of RFC 9110 §5.6.7: IMF-fixdate, obsolete RFC 850, and asctime.
const imfFixdate = /^[A-Za-z]{3}, (\d{2}) ([A-Za-z]{3}) (\d{4}) (\d{2}):(\d{2}):(\d{2}) GMT$/
const rfc850Date = /^[A-Za-z]{6,9}, (\d{2})-([A-Za-z]{3})-(\d{2}) (\d{2}):(\d{2}):(\d{2}) GMT$/
const asctimeDate = /^[A-Za-z]{3} ([A-Za-z]{3}) ([ \d]\d) (\d{2}):(\d{2}):(\d{2}) (\d{4})$/

function utc(year: number, month: string, day: number, hours: number, minutes: number, seconds: number): number | null {
  const monthIndex = months.indexOf(month.toLowerCase())
  if (monthIndex === -1 || day < 1 || day > 31 || hours > 23 || minutes > 59 || seconds > 60) return null
  const time = Date.UTC(year, monthIndex, day, hours, minutes, seconds)
  return Number.isFinite(time) ? time : null
}

/** Parses an HTTP-date (any of the three forms HTTP allows) to ms since the epoch; anything else is `null`. */
export function parseHttpDate(value: string): number | null {
  const text = value.trim()
  let m = imfFixdate.exec(text)
  if (m) return utc(Number(m[3]), m[2]!, Number(m[1]), Number(m[4]), Number(m[5]), Number(m[6]))
  m = rfc850Date.exec(text)
  if (m) {
    // RFC 9110: a two-digit year more than 50 years in the future means the most recent past such year.
    const twoDigit = Number(m[3])
    const year = twoDigit + (twoDigit >= 70 ? 1900 : 2000)
    return utc(year, m[2]!, Number(m[1]), Number(m[4]), Number(m[5]), Number(m[6]))
  }
  m = asctimeDate.exec(text)
  if (m) return utc(Number(m[6]), m[1]!, Number(m[2]!.trim()), Number(m[3]), Number(m[4]), Number(m[5]))
  return null
}

/** `Retry-After` in seconds as decoders read it: against the `Date` header, else `now`, else the clock. */
export const retryAfterAt = (value: string | undefined, dateHeader: string | undefined, now: number | undefined): number | null =>
  value === undefined ? null : parseRetryAfter(value, dateHeader, now)

/**
 * `Retry-After` in whole seconds (contract §4): delta-seconds (digits only, surrounding spaces allowed) as
 * they are; an HTTP-date relative to `dateHeader` when it is a valid date, else to `now`, rounded up, a
 * date in the past giving 0. Anything else (`-3`, `1e3`, `soon`, absent) is `null`. Without `now`, the clock
 * is read, and only for an HTTP-date with no valid `Date` header.
 */
export function parseRetryAfter(value: string | undefined, dateHeader: string | undefined, now?: number): number | null {
  if (value === undefined) return null
  const digits = isDigits(value) ? value : deltaSeconds.exec(value)?.[1]
  if (digits !== undefined) {
    const seconds = Number(digits)
    return Number.isSafeInteger(seconds) ? seconds : null
  }
  const at = parseHttpDate(value)
  if (at === null) return null
  const sent = dateHeader === undefined ? null : parseHttpDate(dateHeader)
  const reference = sent ?? now ?? Date.now()
  return Math.max(0, Math.ceil((at - reference) / 1000))
}
