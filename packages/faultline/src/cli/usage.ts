/** A failure the CLI reports in one line and an exit code, without a stack. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message)
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
Bad lines are reported on stderr with their number and skipped; the counts on stderr always add up.

Exit codes: 0 done; 1 an input or rules file could not be read or is invalid; 2 wrong command line;
3 lines were skipped and --strict was given.
Run 'faultline <command> --help' for a command's options.`,
  normalize: `Usage: faultline normalize [--vendor V] [--strict] [FILE|-]

Reads captured responses (NDJSON) from FILE or stdin and writes one canonical error a line (NDJSON) to stdout.
Successful responses are counted, not written. Counts and skipped lines go to stderr.
  --vendor V   the vendor of lines that name none
  --strict     exit 3 when any line was skipped`,
  report: `Usage: faultline report [--vendor V] [--strict] [FILE|-]

Prints a summary of a capture: errors by vendor x kind, top reasons, retryable share, unrecognized codes.
Colour only on a TTY (and never with NO_COLOR set).`,
  alerts: `Usage: faultline alerts [--rules FILE] [--vendor V] [--strict] [FILE|-]

Replays a capture, in its order and by its "at" times, through the alert engine (the default rule pack, or
--rules FILE as JSON, or YAML with the 'yaml' package installed) and prints the firing / resolved timeline,
then the alerts still firing at the end.`,
  rules: `Usage: faultline rules --prometheus [--rules FILE]

Prints the alert rules (the default pack, or --rules FILE) as a Prometheus rules file, equivalent to the
in-process engine. Check it with: promtool check rules FILE`,
}
