/** A failure the CLI reports in one line and an exit code, without a stack. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message)
  }
}

/** A thrown value's message, whatever was thrown (reading it may throw too). */
export function messageOf(error: unknown): string {
  try {
    const message: unknown = error instanceof Error ? error.message : String(error)
    return typeof message === 'string' ? message : 'an unreadable error'
  } catch {
    return 'an unreadable error'
  }
}

/** The exit codes of every command. */
export const exitCodes = {
  ok: 0,
  /** An input or rules file could not be read or is invalid. */
  failed: 1,
  /** The command line is wrong: unknown command or option. */
  usage: 2,
  /** `--strict` was given and some lines were skipped. */
  skippedLines: 3,
} as const

// The options of a HAR input, in the help of each command that reads a capture.
const harOptions = `  --vendor-map MAP      HAR input: the vendor of each request's host, as host=vendor,host:port=vendor,... or a
                        JSON file of {"host": "vendor"} (exact, case-insensitive; host:port wins over host);
                        entries of other hosts take --vendor, else are counted and listed by host, not normalized
  --max-entry-bytes N   HAR input: skip entries longer than N bytes of JSON (default 16M; at most 256M)`

export const helpTexts: Record<string, string> = {
  main: `faultline: vendor failures as one canonical error

Usage: faultline <command> [options] [FILE|-]

Commands:
  normalize   captured responses (NDJSON, or a HAR file) -> canonical errors (NDJSON)
  report      a summary: errors by vendor and kind, top reasons, retryable share, unrecognized codes
              (--html FILE also writes it as one self-contained HTML page, with charts and the alert timeline)
  alerts      replays a capture through the alert rules and prints the firing / resolved timeline
  rules       prints the alert rules as Prometheus rules (--prometheus), an Alertmanager config
              (--alertmanager) or a Grafana dashboard (--grafana)

A capture has one JSON object a line: {"vendor":"medblocks","at":"2026-11-23T08:00:00Z","status":401,"headers":{...},"body":...}
("body" as JSON or as text; "at" as ms since the epoch or an ISO date; "vendor" may come from --vendor).
Bad lines are reported on stderr with their number and skipped (the first 100 listed, the rest counted);
a line over 1 MiB is skipped unread (--max-line-bytes N raises the limit). The counts on stderr always add up.
Text from the input is printed redacted, with control characters escaped (\\u001b) and long values cut.

A HAR 1.2 file (browser devtools, Playwright's recordHar, proxies) is read as well, told apart by content and
streamed: each entry's response is read as a line would be, its vendor taken from the request's host
(--vendor-map) or --vendor; a request that got no response is a transport error. See docs/cli.md, "HAR files".

Exit codes: 0 done; 1 an input or rules file could not be read or is invalid; 2 wrong command line;
3 lines were skipped and --strict was given.
Run 'faultline <command> --help' for a command's options.`,
  normalize: `Usage: faultline normalize [--vendor V] [--vendor-map MAP] [--strict] [--max-line-bytes N] [FILE|-]

Reads captured responses (NDJSON, or a HAR file) from FILE or stdin and writes one canonical error a line (NDJSON) to stdout:
the library's error as it is (not redacted), as JSON. Successful responses are counted, not written. Counts
and skipped lines go to stderr.
  --vendor V            the vendor of lines that name none
  --strict              exit 3 when any line was skipped
  --max-line-bytes N    skip lines longer than N bytes (default 1M; K and M suffixes; at most 256M)
${harOptions}`,
  report: `Usage: faultline report [--html FILE [--rules FILE]] [--vendor V] [--vendor-map MAP] [--strict] [--max-line-bytes N] [FILE|-]

Prints a summary of a capture: errors by vendor x kind, top reasons, retryable share, unrecognized codes.
Vendor text is printed redacted, control characters escaped, each value cut at 200 characters.
Colour only on a TTY (and never with NO_COLOR set).
  --html FILE           also write the report as one self-contained HTML page (no script, nothing fetched):
                        errors over time by vendor and kind, the alert timeline and SLO burn (the capture
                        replayed as 'alerts' does, with the default rules or --rules FILE), top reasons and
                        unrecognized codes; vendor text redacted and escaped as on the terminal. Its path is
                        printed on stderr.
${harOptions}`,
  alerts: `Usage: faultline alerts [--rules FILE] [--vendor V] [--vendor-map MAP] [--strict] [--max-line-bytes N] [FILE|-]

Replays a capture, in its order and by its "at" times, through the alert engine (the default rule pack, or
--rules FILE as JSON or YAML) and prints the firing / resolved timeline, then the alerts still firing at the
end (an alert an inhibition mutes says so). Every response counts as a request, successes included: ratio
and SLO rules divide by them. --interval N: the evaluation interval of ratio and SLO rules (seconds, or 1m;
default 15), as Prometheus' rule group has it.
${harOptions}`,
  rules: `Usage: faultline rules (--prometheus | --alertmanager --receiver page=NAME --receiver ticket=NAME | --grafana)
                      [--rules FILE] [--selector LABEL=VALUE]... [--interval N]

Prints the alert rules (the default pack, or --rules FILE) in one form:
  --prometheus          a Prometheus rules file, equivalent to the in-process engine (--interval N: the rule
                        group's evaluation interval; ratio and SLO windows must be multiples of it).
                        Check it with: promtool check rules FILE
  --alertmanager        an Alertmanager config: routes by severity to the receivers named by --receiver
                        (page=, ticket=, optionally info=), grouped by rule and vendor, with the rules'
                        inhibitions. Check it with: amtool check-config FILE
  --grafana             a Grafana dashboard (JSON): request and error rates, error ratio by kind, SLO burn
                        rates and budget left, firing alerts
--selector LABEL=VALUE (repeatable) adds a label matcher to every expression and route (env=prod).`,
}
