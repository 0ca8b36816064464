import { kindTable, type Kind } from '@faultline/core'
import type { AlertMatch, AlertRule } from './AlertRule'

const reasonsOf = (...kinds: ReadonlyArray<Kind>): ReadonlyArray<string> =>
  kinds.flatMap((kind) => kindTable[kind].reasons as ReadonlyArray<string>)

/** The vendor's own failures: it is unavailable, timing out, failing internally or unreachable. */
const vendorFailures: AlertMatch = {
  kind: ['unavailable', 'timeout', 'internal', 'transport'],
  // A request we aborted ourselves says nothing about the vendor's health.
  reason: reasonsOf('unavailable', 'timeout', 'internal', 'transport').filter((reason) => reason !== 'aborted'),
}

/** Options of {@link createDefaultRules}. */
export interface DefaultRulesOptions {
  /** The objective of `vendor-slo`: the share of a vendor's requests that must not fail by its fault. Default 0.995. */
  readonly vendorSloObjective?: number
}

/** The default objective of `vendor-slo` (docs/decisions/021-alerting-ratios-and-slos.md). */
const defaultVendorSloObjective = 0.995

/**
 * The default rule pack: what an integration platform wants to hear about, across every vendor. The
 * thresholds are absolute counts chosen for a platform making a few requests per second per vendor; the
 * reasons are in docs/decisions/008-alerting-default-thresholds.md. `vendor-slo` alerts on the burn rate of
 * an objective on the vendor's own failures (docs/decisions/021-alerting-ratios-and-slos.md): it divides by
 * requests, so feed the engine every outcome (`observeOutcome`) and the metrics every request (`recordOutcome`).
 *
 * @example
 * const engine = createAlertEngine(createDefaultRules({ vendorSloObjective: 0.999 }))
 */
export function createDefaultRules(options: DefaultRulesOptions = {}): ReadonlyArray<AlertRule> {
  const objective = options.vendorSloObjective ?? defaultVendorSloObjective
  if (typeof objective !== 'number' || !(objective > 0 && objective < 1)) {
    throw new RangeError(`createDefaultRules: vendorSloObjective must be a number greater than 0 and less than 1 (0.995 is 99.5%), got ${String(objective)}`)
  }
  return [...thresholdRules, vendorSlo(objective)]
}

const vendorSlo = (objective: number): AlertRule => ({
  id: 'vendor-slo',
  summary: 'The vendor is failing more of our requests than its objective allows: at this rate the error budget runs out.',
  runbook:
    'Look at which window pair fired (a page burns the budget within hours, a ticket within days), check the vendor\'s status page and our egress, and open a vendor incident if the failures are theirs.',
  match: vendorFailures,
  groupBy: ['vendor'],
  slo: { objective },
})

/** The threshold rules of the pack, in order. */
const thresholdRules: ReadonlyArray<AlertRule> = [
  {
    id: 'credentials-failing',
    summary: 'Our own credentials for this vendor are being rejected: every call made with them fails.',
    runbook:
      'Check the API key, client secret or service account for this vendor in the secret store (expired, rotated, deactivated or locked) and the clock and signing key used for request signatures, then rotate or re-enable it.',
    match: {
      kind: 'authentication',
      // The integration's own credentials; a patient's session expiring (session_*) is routine and excluded.
      reason: [
        'missing_credentials',
        'invalid_credentials',
        'expired_credentials',
        'inactive_credentials',
        'account_locked',
        'invalid_request_signature',
      ],
    },
    groupBy: ['vendor'],
    threshold: { count: 3, windowSeconds: 300 },
    severity: 'page',
  },
  {
    id: 'access-denied',
    summary: 'The vendor refuses our integration access it used to have (scope, role, organisation or account state).',
    runbook:
      'Compare the scopes, roles and organisation grants of our integration account at the vendor with what the failing calls need; someone may have revoked a grant or deactivated the account.',
    match: {
      kind: 'permission',
      // Per-end-user refusals (patient consent, sign-in location, CSRF, registration) are product flows, not incidents.
      reason: [
        'forbidden',
        'insufficient_scope',
        'org_access_denied',
        'scope_violation',
        'role_insufficient',
        'account_not_active',
        'account_misconfigured',
      ],
    },
    groupBy: ['vendor', 'reason'],
    threshold: { count: 5, windowSeconds: 600 },
    severity: 'ticket',
  },
  {
    id: 'rate-limited',
    summary: 'The vendor has been throttling us, or our quota is spent, for ten minutes or more.',
    runbook:
      'Check our request rate and retry behaviour against the vendor\'s published limits; if traffic is legitimate, spread it out or ask the vendor for a higher quota.',
    match: { kind: 'rate_limited' },
    groupBy: ['vendor', 'reason'],
    threshold: { count: 30, windowSeconds: 300 },
    forSeconds: 600,
    severity: 'ticket',
  },
  {
    id: 'vendor-degraded',
    summary: 'The vendor is failing: it is unavailable, timing out, failing internally or unreachable.',
    runbook:
      'Check the vendor\'s status page and our egress (DNS, TLS, proxies); open a vendor incident if it is theirs, and tell affected customers that calls to this vendor are failing.',
    match: vendorFailures,
    groupBy: ['vendor'],
    threshold: { count: 20, windowSeconds: 300 },
    forSeconds: 120,
    severity: 'page',
  },
  {
    id: 'integration-bug',
    summary: 'The vendor is rejecting a surge of our requests as invalid: our integration is probably sending bad requests.',
    runbook:
      'Look at the most frequent reason and param in the logs and at what was deployed recently; a new vendor API version or a change in our request builder is the usual cause.',
    match: { kind: 'invalid_request' },
    groupBy: ['vendor', 'reason'],
    threshold: { count: 25, windowSeconds: 600 },
    severity: 'ticket',
  },
  {
    id: 'vendor-api-drift',
    summary: 'The vendor is sending error codes our catalog does not know: its API has changed.',
    runbook:
      'Find the unrecognized vendorCode values in the logs for this vendor, look them up in the vendor\'s changelog and add them to the adapter\'s catalog.',
    match: {
      recognized: false,
      // Kinds where an unknown code is a new vendor code; unrecognized server and transport failures are
      // mostly proxy error pages (vendor-degraded covers them), and `unknown` is not a vendor answer at all.
      kind: ['authentication', 'permission', 'invalid_request', 'not_found', 'conflict', 'rate_limited', 'pending', 'action_required'],
    },
    groupBy: ['vendor'],
    threshold: { count: 3, windowSeconds: 3600 },
    severity: 'ticket',
  },
  {
    id: 'webhook-forgery',
    summary: 'Webhook deliveries are failing signature verification: either someone is forging them or our signing secret is wrong.',
    runbook:
      'Compare the webhook signing secret we verify with against the one configured at the vendor and check our clock; if they match, treat the deliveries as an attack and block their source.',
    match: { kind: 'signature' },
    groupBy: ['vendor'],
    threshold: { count: 5, windowSeconds: 600 },
    severity: 'page',
  },
  {
    id: 'verification-required',
    summary: 'The vendor wants a person to confirm a sign-in (for example from a new location) before our calls can succeed.',
    runbook:
      'Sign in to the vendor\'s console with the integration account and confirm the new sign-in location or device; the calls fail until someone does.',
    match: { kind: 'action_required' },
    groupBy: ['vendor'],
    threshold: { count: 1, windowSeconds: 900 },
    severity: 'page',
  },
]

/**
 * The default rule pack with `vendor-slo` at 99.5%: `createDefaultRules()`.
 *
 * @example
 * const engine = createAlertEngine(defaultRules)
 * writeFileSync('faultline.rules.yml', toPrometheusRules(defaultRules))
 */
export const defaultRules: ReadonlyArray<AlertRule> = /*#__PURE__*/ createDefaultRules()
