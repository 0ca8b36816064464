import { createReadStream } from 'node:fs'
import type { Readable, Writable } from 'node:stream'
import { parseArgs } from 'node:util'
import {
  compileAlertmanagerConfig,
  compileGrafanaDashboard,
  compilePrometheusRules,
  createAlertEngine,
  type Alert,
  type AlertEngine,
  type AlertEvent,
  type AlertRule,
} from '@faultline/alerting'
import { either as E } from 'fp-ts'
import { alertFeed } from './alertFeed'
import { normalizeLine } from './capture'
import { formatCounts, newCounts, type LineCounts } from './counts'
import { startHtmlReport, type HtmlReportRun } from './html/htmlReport'
import { replayHar } from './har/replay'
import { defaultMaxEntryBytes } from './har/scanner'
import { sniffInput } from './har/sniff'
import { loadVendorMap } from './har/vendorMap'
import { defaultMaxLineBytes, maxMaxLineBytes, readLineBatches } from './lines'
import { printable, printed, terminalSafeJson } from './printable'
import { createProgress } from './progress'
import { readRules, rulesProblems } from './rulesFile'
import { addToReport, formatReport, newReportTotals } from './report'
import { plainStyle, styleFor } from './table'
import { exitCodes, helpTexts, messageOf, UsageError } from './usage'

/** Where a command reads and writes; the real process streams by default, buffers in tests. */
export interface CliIo {
  readonly stdin: Readable
  readonly stdout: Writable & { isTTY?: boolean }
  readonly stderr: Writable & { isTTY?: boolean }
}

type Options = {
  vendor?: string
  strict?: boolean
  rules?: string
  prometheus?: boolean
  alertmanager?: boolean
  grafana?: boolean
  receiver?: string[]
  selector?: string[]
  interval?: number
  html?: string
  help?: boolean
  maxLineBytes: number
  vendorMap?: string[]
  maxEntryBytes: number
}

const optionSpec = {
  vendor: { type: 'string' },
  strict: { type: 'boolean' },
  rules: { type: 'string' },
  prometheus: { type: 'boolean' },
  alertmanager: { type: 'boolean' },
  grafana: { type: 'boolean' },
  receiver: { type: 'string', multiple: true },
  selector: { type: 'string', multiple: true },
  interval: { type: 'string' },
  html: { type: 'string' },
  'max-line-bytes': { type: 'string' },
  'vendor-map': { type: 'string', multiple: true },
  'max-entry-bytes': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const

/** How many skipped lines are listed one by one; the others are counted by reason at the end. */
export const maxListedSkippedLines = 100

const byteUnits: Readonly<Record<string, number>> = { '': 1, k: 2 ** 10, kib: 2 ** 10, m: 2 ** 20, mib: 2 ** 20 }

/** `--max-line-bytes` (and `--max-entry-bytes`): a number of bytes, or of KiB / MiB with a `K` / `M` suffix, from 1 byte to 256 MiB. */
function parseMaxLineBytes(text: string | undefined, option = '--max-line-bytes', fallback = defaultMaxLineBytes): number {
  if (text === undefined) return fallback
  const match = /^(\d{1,12})\s*(k|kib|m|mib)?$/i.exec(text.trim())
  const bytes = match === null ? NaN : Number(match[1]) * byteUnits[(match[2] ?? '').toLowerCase()]!
  if (!(bytes >= 1 && bytes <= maxMaxLineBytes)) {
    throw new UsageError(printed`${option}: expected a number of bytes from 1 to ${maxMaxLineBytes} (256M), got ${JSON.stringify(text)}`, exitCodes.usage)
  }
  return bytes
}

const durationUnits: Readonly<Record<string, number>> = { '': 1, s: 1, m: 60, h: 3_600 }

/** `--interval`: the evaluation interval in whole seconds (`15`, `15s`, `1m`), from 1 s to 1 h. */
function parseInterval(text: string): number {
  const match = /^(\d{1,5})\s*(s|m|h)?$/i.exec(text.trim())
  const seconds = match === null ? NaN : Number(match[1]) * durationUnits[(match[2] ?? '').toLowerCase()]!
  if (!(seconds >= 1 && seconds <= 3_600)) {
    throw new UsageError(printed`--interval: expected whole seconds from 1 to 3600 (15, 15s, 1m), got ${JSON.stringify(text)}`, exitCodes.usage)
  }
  return seconds
}

/**
 * `--selector env=prod` and `--receiver page=oncall`, one pair per option, as a record with no prototype (a name
 * such as `__proto__` is a name like any other). A name given twice is a wrong command line.
 */
function pairsOf(list: ReadonlyArray<string> | undefined, option: string): Record<string, string> {
  const pairs: Record<string, string> = Object.create(null) as Record<string, string>
  for (const item of list ?? []) {
    const at = item.indexOf('=')
    if (at <= 0 || at === item.length - 1) throw new UsageError(printed`${option}: expected NAME=VALUE, got ${JSON.stringify(item)}`, exitCodes.usage)
    const name = item.slice(0, at)
    if (Object.hasOwn(pairs, name)) throw new UsageError(printed`${option}: ${name} is given twice`, exitCodes.usage)
    pairs[name] = item.slice(at + 1)
  }
  return pairs
}

/**
 * Runs the CLI; resolves with the exit code, and never rejects: a failure nothing expected is reported
 * (through `printable`, like everything printed) with exit code 1.
 */
export async function runCli(argv: ReadonlyArray<string>, io: CliIo): Promise<number> {
  const command = argv[0]
  const prefix = command !== undefined && Object.hasOwn(commands, command) ? printed`faultline ${command}: ` : 'faultline: '
  try {
    return await run(argv, io)
  } catch (error) {
    // A UsageError's message was made with `printed`.
    const message = error instanceof UsageError ? error.message : printed`unexpected failure: ${messageOf(error)}`
    try {
      io.stderr.write(`${prefix}${message}\n`)
    } catch {
      // stderr itself failed: the exit code is all that is left to say it.
    }
    return error instanceof UsageError ? error.exitCode : exitCodes.failed
  }
}

async function run(argv: ReadonlyArray<string>, io: CliIo): Promise<number> {
  const [command, ...rest] = argv
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    io.stdout.write(`${helpTexts.main}\n`)
    return command === undefined ? exitCodes.usage : exitCodes.ok
  }
  if (!Object.hasOwn(commands, command)) {
    io.stderr.write(`${printed`faultline: unknown command '${command}'`}\n\n${helpTexts.main}\n`)
    return exitCodes.usage
  }
  let options: Options
  let files: string[]
  try {
    const parsed = parseArgs({ args: [...rest], options: optionSpec, allowPositionals: true, strict: true })
    const { 'max-line-bytes': maxLineBytes, 'max-entry-bytes': maxEntryBytes, 'vendor-map': vendorMap, interval, ...values } = parsed.values
    options = {
      ...values,
      ...(vendorMap === undefined ? {} : { vendorMap }),
      ...(interval === undefined ? {} : { interval: parseInterval(interval) }),
      maxLineBytes: parseMaxLineBytes(maxLineBytes),
      maxEntryBytes: parseMaxLineBytes(maxEntryBytes, '--max-entry-bytes', defaultMaxEntryBytes),
    }
    files = parsed.positionals
  } catch (error) {
    io.stderr.write(`${printed`faultline ${command}: `}${error instanceof UsageError ? error.message : printable(messageOf(error))}\n\n${helpTexts[command]}\n`)
    return exitCodes.usage
  }
  if (options.help === true) {
    io.stdout.write(`${helpTexts[command]}\n`)
    return exitCodes.ok
  }
  if (files.length > 1) {
    io.stderr.write(printed`faultline ${command}: one input at most, got ${files.length}\n`)
    return exitCodes.usage
  }
  return await commands[command as keyof typeof commands](options, files[0], io)
}

function openInput(file: string | undefined, io: CliIo): Readable {
  if (file === undefined || file === '-') return io.stdin
  return createReadStream(file)
}

/**
 * The skipped lines of a run on stderr: the first {@link maxListedSkippedLines} one by one, then a notice, and
 * at the end the others counted by reason, so that a capture of a million bad lines prints a few hundred.
 */
function skippedLineLog(command: string, io: CliIo, unit: 'line' | 'entry' = 'line') {
  let listed = 0
  let unlisted = 0
  const unlistedByReason = new Map<string, number>()
  return {
    add(line: number, reason: string, message: () => string): void {
      if (listed < maxListedSkippedLines) {
        listed++
        io.stderr.write(`${printed`${unit} ${line}: skipped: `}${message()}\n`)
        return
      }
      if (unlisted === 0) io.stderr.write(printed`faultline ${command}: more than ${maxListedSkippedLines} ${unit}s skipped; the rest are counted at the end, not listed\n`)
      unlisted++
      // The reasons are the few fixed phrases of `normalizeLine`; a bound all the same.
      const key = unlistedByReason.has(reason) || unlistedByReason.size < 20 ? reason : 'other reasons'
      unlistedByReason.set(key, (unlistedByReason.get(key) ?? 0) + 1)
    },
    done(): void {
      if (unlisted === 0) return
      const reasons = [...unlistedByReason].sort((a, b) => b[1] - a[1]).map(([reason, n]) => printed`${n} ${reason}`)
      io.stderr.write(`${printed`${unlisted} more skipped ${unit}s, not listed: `}${reasons.join('; ')}\n`)
    },
  }
}

/** Reads a capture line by line, reporting bad lines on stderr, and hands each outcome to `visit`. */
async function replay(
  command: string,
  options: Options,
  file: string | undefined,
  io: CliIo,
  visit: (outcome: ReturnType<typeof normalizeLine>) => void,
): Promise<LineCounts> {
  const counts = newCounts()
  const progress = createProgress(io.stderr as NodeJS.WriteStream, printable(`faultline ${command}`))
  // A wrong vendor map fails before any input is read.
  const vendorMap = await loadVendorMap(options.vendorMap)
  let skipped = skippedLineLog(command, io)
  const limit = options.maxLineBytes
  const overlong = 'longer than the line limit (--max-line-bytes)'
  try {
    // A HAR document or capture lines, told apart by content (src/har/sniff.ts).
    const input = await sniffInput(openInput(file, io))
    if (input.format === 'har') {
      skipped = skippedLineLog(command, io, 'entry')
      const note = (lines: ReadonlyArray<string>) => {
        progress.done()
        io.stderr.write(`${printed`faultline ${command}: `}${lines.join('\n')}\n`)
      }
      const har = { vendorMap, defaultVendor: options.vendor, maxEntryBytes: options.maxEntryBytes }
      await replayHar(input.chunks, har, { counts, skipped, visit, tick: () => progress.tick(counts.read), note })
    } else if (vendorMap !== undefined) io.stderr.write(printed`faultline ${command}: --vendor-map is for HAR input; this input is read as capture lines (NDJSON)\n`)
    if (input.format === 'ndjson') for await (const batch of readLineBatches(input.chunks, { maxLineBytes: limit })) {
      for (const line of batch) {
        counts.read++
        if ('overlongBytes' in line) {
          counts.skipped++
          skipped.add(line.number, overlong, () => printed`${line.overlongBytes} bytes, over the ${limit}-byte line limit (raise it with --max-line-bytes)`)
          visit({ type: 'skipped', line: line.number, problem: overlong })
          continue
        }
        const outcome = normalizeLine(line, options.vendor)
        if (outcome.type === 'skipped') {
          counts.skipped++
          skipped.add(outcome.line, outcome.problem, () => printable(outcome.problem))
        } else if (outcome.type === 'success') counts.successes++
        else counts.errors++
        visit(outcome)
      }
      progress.tick(counts.read)
    }
  } catch (error) {
    progress.done()
    const code = (error as NodeJS.ErrnoException | null)?.code
    const name = file ?? 'stdin'
    throw new UsageError(
      typeof code === 'string' ? printed`cannot read ${name} (${code}): ${messageOf(error)}` : printed`cannot read ${name}: ${messageOf(error)}`,
      exitCodes.failed,
    )
  }
  progress.done()
  skipped.done()
  return counts
}

const finish = (counts: LineCounts, options: Options, io: CliIo): number => {
  io.stderr.write(`${formatCounts(counts)}\n`)
  if (counts.broken !== undefined) return exitCodes.failed
  return options.strict === true && counts.skipped > 0 ? exitCodes.skippedLines : exitCodes.ok
}

// Output is batched: one write per few hundred lines keeps a million-line run fast.
function bufferedWriter(stream: Writable) {
  let buffer = ''
  return {
    write(text: string) {
      buffer += text
      if (buffer.length > 65_536) {
        stream.write(buffer)
        buffer = ''
      }
    },
    flush() {
      if (buffer.length > 0) stream.write(buffer)
      buffer = ''
    },
  }
}

// A group's labels: each name and value through `printable` (a label value is vendor text: a vendor code).
const groupText = (group: Readonly<Record<string, string>>): string =>
  Object.entries(group)
    .map(([key, value]) => printed`${key}=${value}`)
    .join(' ')

// What a window held when an alert changed: a count, and for ratio and SLO rules the share of requests it is.
const windowText = (count: number, ratio: number | undefined): string =>
  ratio === undefined ? printed`(${count} in window)` : printed`(${count} in window, ${formatShare(ratio)} of requests)`

const formatShare = (ratio: number): string => `${(ratio * 100).toFixed(ratio >= 0.1 ? 0 : ratio >= 0.001 ? 2 : 4)}%`

// An SLO rule's alerts are one per window pair: the pair names which. Printed text, joined, never re-printed.
const ruleText = (ruleId: string, window: string | undefined): string => (window === undefined ? printed`${ruleId}` : printed`${ruleId} [${window}]`)

const formatEvent = (event: AlertEvent): string =>
  [
    printed`${new Date(event.at)}  ${event.type === 'firing' ? 'FIRING  ' : 'resolved'}  ${event.severity.padEnd(6)}`,
    ruleText(event.ruleId, event.window),
    groupText(event.group),
    windowText(event.count, event.ratio),
  ].join('  ')

const formatActive = (alert: Alert): string =>
  [
    printed`  ${alert.severity.padEnd(6)}`,
    ruleText(alert.ruleId, alert.window),
    groupText(alert.group),
    printed`since ${new Date(alert.since)}: ${alert.summary}`,
    ...(alert.inhibitedBy === undefined
      ? []
      : [`(inhibited by ${ruleText(alert.inhibitedBy.ruleId, alert.inhibitedBy.window)} ${groupText(alert.inhibitedBy.group)})`]),
  ].join('  ')

/**
 * The alert engine of a command: the rules, with the evaluation interval of ratio and SLO rules from
 * `--interval`. Windows that are not whole intervals are the command line's fault when `--interval` was given,
 * else the rules file's (the default interval is the engine's).
 */
function alertEngineOf(options: Options, rules: ReadonlyArray<AlertRule>): AlertEngine {
  try {
    return createAlertEngine(rules, options.interval === undefined ? {} : { evaluationIntervalSeconds: options.interval })
  } catch (error) {
    if (!(error instanceof RangeError)) throw error
    if (options.interval !== undefined) throw new UsageError(printed`--interval: ${error.message}`, exitCodes.usage)
    throw rulesProblems(options.rules ?? 'the default rules', [error.message])
  }
}

/** `--receiver page=NAME --receiver ticket=NAME [--receiver info=NAME]`: who hears of each severity. */
function receiversOf(pairs: Readonly<Record<string, string>>): { page: string; ticket: string; info?: string } {
  const unknown = Object.keys(pairs).filter((key) => key !== 'page' && key !== 'ticket' && key !== 'info')
  const { page, ticket, info } = pairs
  if (unknown.length > 0 || page === undefined || ticket === undefined) {
    throw new UsageError('--receiver: expected page=NAME and ticket=NAME (and optionally info=NAME), one per --receiver', exitCodes.usage)
  }
  return info === undefined ? { page, ticket } : { page, ticket, info }
}

const commands = {
  async normalize(options: Options, file: string | undefined, io: CliIo): Promise<number> {
    const out = bufferedWriter(io.stdout)
    const counts = await replay('normalize', options, file, io, (outcome) => {
      // The library's error, as it is (the data: see docs/cli.md), as JSON a terminal cannot act on.
      if (outcome.type === 'error') out.write(`${terminalSafeJson(JSON.stringify(outcome.error))}\n`)
    })
    out.flush()
    return finish(counts, options, io)
  },

  async report(options: Options, file: string | undefined, io: CliIo): Promise<number> {
    const totals = newReportTotals()
    // --html FILE: the page of the same capture, with the alert replay of `alerts` (same rules); FILE opened first.
    let page: HtmlReportRun | undefined
    if (options.html !== undefined) {
      page = await startHtmlReport(options.html, alertEngineOf(options, await readRules(options.rules)), options.rules ?? null)
    }
    let counts: LineCounts
    try {
      counts = await replay('report', options, file, io, (outcome) => {
        if (outcome.type === 'error') addToReport(totals, outcome.error, outcome.at)
        page?.visit(outcome)
      })
    } catch (error) {
      await page?.abandon()
      throw error
    }
    const style = io.stdout.isTTY === true ? styleFor(io.stdout as NodeJS.WriteStream) : plainStyle
    io.stdout.write(`${formatReport(totals, counts, style)}\n`)
    if (page !== undefined) io.stderr.write(`${printed`HTML report: ${await page.finish({ source: file === undefined || file === '-' ? 'stdin' : file, counts, totals })}`}\n`)
    return finish(counts, options, io)
  },

  async alerts(options: Options, file: string | undefined, io: CliIo): Promise<number> {
    const engine = alertEngineOf(options, await readRules(options.rules))
    const out = bufferedWriter(io.stdout)
    const feed = alertFeed(engine)
    let events = 0
    const counts = await replay('alerts', options, file, io, (outcome) => {
      const list = feed(outcome)
      for (const event of list) out.write(`${formatEvent(event)}\n`)
      events += list.length
    })
    if (events === 0) out.write('no alert fired\n')
    const active = engine.active()
    out.write(`\n${active.length} alerts firing at the end of the capture${active.length === 0 ? '' : ':'}\n`)
    for (const alert of active) out.write(`${formatActive(alert)}\n`)
    out.flush()
    return finish(counts, options, io)
  },

  async rules(options: Options, file: string | undefined, io: CliIo): Promise<number> {
    const forms = [options.prometheus, options.alertmanager, options.grafana].filter((given) => given === true).length
    // Each option belongs to one form: one given to another form would be silently ignored.
    const misplaced =
      (options.interval !== undefined && options.prometheus !== true) || (options.receiver !== undefined && options.alertmanager !== true)
    if (forms !== 1 || misplaced || file !== undefined) {
      io.stderr.write(`${helpTexts.rules}\n`)
      return exitCodes.usage
    }
    const rules = await readRules(options.rules)
    const selector = pairsOf(options.selector, '--selector')
    const compiled = options.prometheus === true
      ? compilePrometheusRules(rules, { selector, ...(options.interval === undefined ? {} : { evaluationIntervalSeconds: options.interval }) })
      : options.alertmanager === true
        ? compileAlertmanagerConfig(rules, { receivers: receiversOf(pairsOf(options.receiver, '--receiver')), selector })
        : E.map((dashboard: unknown) => `${terminalSafeJson(JSON.stringify(dashboard, null, 2))}\n`)(compileGrafanaDashboard(rules, { selector }))
    if (E.isLeft(compiled)) throw rulesProblems(options.rules ?? 'the default rules', compiled.left)
    io.stdout.write(compiled.right)
    return exitCodes.ok
  },
}
