import type { Severity, Slo } from './AlertRule'

/** One window pair of a multiwindow, multi-burn-rate SLO alert. */
export interface SloWindow {
  /** How the pair is named in events and in the `slo_window` label: `1h/5m` (long/short, scaled to the period). */
  readonly name: string
  /** The long window, in seconds: the burn rate must hold over it, so that a short spike does not page. */
  readonly longSeconds: number
  /** The short window, in seconds: the burn rate must still hold over it, so that the alert resolves soon after the burn stops. */
  readonly shortSeconds: number
  /** The burn rate both windows must reach: error ratio / (1 - objective). */
  readonly factor: number
  readonly severity: Extract<Severity, 'page' | 'ticket'>
}

/** The default SLO period, in days. */
export const defaultSloPeriodDays = 30

/**
 * The four window pairs of the Google SRE workbook (ch. 5, table 5-8) for a 30-day period: page when the
 * budget burns at 14.4x over 1h and 5m (2% of the budget in an hour) or 6x over 6h and 30m (5% in 6 hours);
 * ticket when 3x over 1d and 2h (10% in a day) or 1x over 3d and 6h (10% in 3 days).
 */
const workbookPairs: ReadonlyArray<Omit<SloWindow, 'name'>> = [
  { longSeconds: 3_600, shortSeconds: 300, factor: 14.4, severity: 'page' },
  { longSeconds: 21_600, shortSeconds: 1_800, factor: 6, severity: 'page' },
  { longSeconds: 86_400, shortSeconds: 7_200, factor: 3, severity: 'ticket' },
  { longSeconds: 259_200, shortSeconds: 21_600, factor: 1, severity: 'ticket' },
]

const minute = 60

/** A duration as the pair names write it: the largest unit that divides it (`1h`, `14m`, `90s`, `3d`). */
const durationName = (seconds: number): string =>
  seconds % 86_400 === 0
    ? `${seconds / 86_400}d`
    : seconds % 3_600 === 0
      ? `${seconds / 3_600}h`
      : seconds % 60 === 0
        ? `${seconds / 60}m`
        : `${seconds}s`

/** A workbook window scaled from 30 days to `periodDays`, to the nearest whole minute (at least one). */
const scaled = (seconds: number, periodDays: number): number =>
  Math.max(minute, Math.round((seconds * periodDays) / defaultSloPeriodDays / minute) * minute)

/**
 * The window pairs of an objective, in order (the two page pairs, then the two ticket pairs). For a period
 * other than 30 days every window scales with the period and the factors stay: each pair still means the
 * same share of the budget spent in the same share of the period.
 */
export function sloWindowsOf(slo: Slo): ReadonlyArray<SloWindow> {
  const periodDays = slo.periodDays ?? defaultSloPeriodDays
  return workbookPairs.map((pair) => {
    const longSeconds = scaled(pair.longSeconds, periodDays)
    const shortSeconds = scaled(pair.shortSeconds, periodDays)
    return { ...pair, longSeconds, shortSeconds, name: `${durationName(longSeconds)}/${durationName(shortSeconds)}` }
  })
}

/** The error ratio at which a pair fires: its burn-rate factor times the error budget (1 - objective). */
export const sloThresholdOf = (slo: Slo, window: SloWindow): number => window.factor * (1 - slo.objective)
