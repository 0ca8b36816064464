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

export const helpTexts: Record<string, string> = {
  main: `faultline: vendor failures as one canonical error

Usage: faultline <command> [options] [FILE|-]

Commands:
  normalize   captured responses (NDJSON) -> canonical errors (NDJSON)
  report      a summary: errors by vendor and kind, top reasons, retryable share, unrecognized codes
  alerts      replays a capture through the alert rules and prints the firing / resolved timeline
  rules       prints the alert rules as a Prometheus rules file (--prometheus)

A capture has one JSON object a line: {"vendor":"medblocks","at":"2026-11-23T08:00:00Z","status":401,"headers":{...},"body":...}
("body" as JSON or as text; "at" as ms since the epoch or an ISO date; "vendor" may come from --vendor).
Bad lines are reported on stderr with their number and skipped (the first 100 listed, the rest counted);
a line over 1 MiB is skipped unread (--max-line-bytes N raises the limit). The counts on stderr always add up.
Text from the input is printed redacted, with control characters escaped (\\u001b) and long values cut.

Exit codes: 0 done; 1 an input or rules file could not be read or is invalid; 2 wrong command line;
3 lines were skipped and --strict was given.
Run 'faultline <command> --help' for a command's options.`,
  normalize: `Usage: faultline normalize [--vendor V] [--strict] [--max-line-bytes N] [FILE|-]

Reads captured responses (NDJSON) from FILE or stdin and writes one canonical error a line (NDJSON) to stdout:
the library's error as it is (not redacted), as JSON. Successful responses are counted, not written. Counts
and skipped lines go to stderr.
  --vendor V            the vendor of lines that name none
  --strict              exit 3 when any line was skipped
  --max-line-bytes N    skip lines longer than N bytes (default 1M; K and M suffixes; at most 256M)`,
  report: `Usage: faultline report [--vendor V] [--strict] [--max-line-bytes N] [FILE|-]

Prints a summary of a capture: errors by vendor x kind, top reasons, retryable share, unrecognized codes.
Vendor text is printed redacted, control characters escaped, each value cut at 200 characters.
Colour only on a TTY (and never with NO_COLOR set).`,
  alerts: `Usage: faultline alerts [--rules FILE] [--vendor V] [--strict] [--max-line-bytes N] [FILE|-]

Replays a capture, in its order and by its "at" times, through the alert engine (the default rule pack, or
--rules FILE as JSON, or YAML with the 'yaml' package installed) and prints the firing / resolved timeline,
then the alerts still firing at the end.`,
  rules: `Usage: faultline rules --prometheus [--rules FILE]

Prints the alert rules (the default pack, or --rules FILE) as a Prometheus rules file, equivalent to the
in-process engine. Check it with: promtool check rules FILE`,
}
