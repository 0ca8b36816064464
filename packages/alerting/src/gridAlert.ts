const IDLE = 0
const PENDING = 1
const FIRING = 2

/**
 * One alert evaluated at grid instants only, with Prometheus' rules (rules/alerting.go, `AlertingRule.Eval`):
 *
 * - the condition holds at `t`: an idle alert becomes pending (active since `t`); a pending one fires at the
 *   first evaluation `t` with `t - activeSince >= for`; a kept alert (see below) is firing again, plainly.
 * - it does not hold: a pending alert is idle again; a firing one resolves, unless `keepFiringFor > 0`: it
 *   is then kept firing from the first such evaluation `k` and resolves at the first evaluation `t` where the
 *   condition still does not hold and `t - k >= keepFiringFor`.
 */
export class GridAlert {
  private status = IDLE
  /** Pending: when the condition started holding; firing: when it fired. */
  since = Number.NaN
  /** Kept firing since this evaluation (the first at which the condition did not hold); NaN otherwise. */
  private keptSince = Number.NaN
  /** The window's matching errors at the latest evaluation at which the condition held. */
  count = 0
  /** The window's error ratio at the latest evaluation at which the condition held. */
  ratio = 0

  /** Whether it is firing (kept firing included). */
  get firing(): boolean {
    return this.status === FIRING
  }

  /** Whether it is neither pending nor firing. */
  get idle(): boolean {
    return this.status === IDLE
  }

  /** Evaluates the alert at `at`, where the condition `holds` or not; returns its change, if any. */
  evaluate(holds: boolean, at: number, forMs: number, keepMs: number): 'firing' | 'resolved' | undefined {
    if (holds) {
      this.keptSince = Number.NaN
      if (this.status === IDLE) {
        this.status = PENDING
        this.since = at
      }
      if (this.status === PENDING && at - this.since >= forMs) {
        this.status = FIRING
        this.since = at
        return 'firing'
      }
      return undefined
    }
    if (this.status === FIRING && keepMs > 0) {
      if (this.keptSince !== this.keptSince) this.keptSince = at
      if (at - this.keptSince < keepMs) return undefined
    }
    const wasFiring = this.status === FIRING
    this.status = IDLE
    this.since = Number.NaN
    this.keptSince = Number.NaN
    return wasFiring ? 'resolved' : undefined
  }
}
