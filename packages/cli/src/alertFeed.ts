import type { AlertEngine, AlertEvent } from '@faultline/alerting'
import type { LineOutcome } from './capture'

/**
 * How a capture is replayed through an alert engine, the one way `alerts` and `report --html` both do it: each
 * response, in the capture's order, by its `at` (a line without one happens when the line before it did), as
 * one request of its vendor, failed or not (`observeOutcome`: ratio and SLO rules divide by every request,
 * successes included). Skipped lines are no requests, and neither are the responses before the first one with
 * an `at`: no clock says when they happened (the HTML report counts them as untimed).
 */
export function alertFeed(engine: AlertEngine): (outcome: LineOutcome) => ReadonlyArray<AlertEvent> {
  let clock: number | null = null
  return (outcome) => {
    if (outcome.type === 'skipped') return []
    clock = outcome.at ?? clock
    if (clock === null) return []
    return outcome.type === 'error' ? engine.observeOutcome(outcome.error.vendor, outcome.error, clock) : engine.observeOutcome(outcome.vendor, null, clock)
  }
}
