const units = [
  { unit: 'second', seconds: 1, below: 60 },
  { unit: 'minute', seconds: 60, below: 3_600 },
  { unit: 'hour', seconds: 3_600, below: 86_400 },
] as const

/**
 * A wait in words in the locale's language ("30 seconds", "2 minutos"), rounded up to whole units;
 * `undefined` for no wait or one of a day or more (then the message says "later" instead).
 */
export function waitInWords(seconds: number | null, locale: string): string | undefined {
  if (seconds === null || !(seconds > 0)) return undefined
  const unit = units.find((candidate) => seconds < candidate.below)
  if (unit === undefined) return undefined
  const amount = Math.ceil(seconds / unit.seconds)
  try {
    return new Intl.NumberFormat(locale, { style: 'unit', unit: unit.unit, unitDisplay: 'long' }).format(amount)
  } catch {
    return new Intl.NumberFormat('en', { style: 'unit', unit: unit.unit, unitDisplay: 'long' }).format(amount)
  }
}
