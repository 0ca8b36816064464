import { createReadStream } from 'node:fs'
import type { Readable, Writable } from 'node:stream'
import { parseArgs } from 'node:util'
import { compilePrometheusRules, createAlertEngine, type Alert, type AlertEvent } from '@faultline/alerting'
import { either as E } from 'fp-ts'
import { normalizeLine } from './capture'
import { formatCounts, newCounts, type LineCounts } from './counts'
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
  help?: boolean
  maxLineBytes: number
}

const optionSpec = {
  vendor: { type: 'string' },
  strict: { type: 'boolean' },
  rules: { type: 'string' },
  prometheus: { type: 'boolean' },
  'max-line-bytes': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const

/** How many skipped lines are listed one by one; the others are counted by reason at the end. */
export const maxListedSkippedLines = 100

const byteUnits: Readonly<Record<string, number>> = { '': 1, k: 2 ** 10, kib: 2 ** 10, m: 2 ** 20, mib: 2 ** 20 }

/** `--max-line-bytes`: a number of bytes, or of KiB / MiB with a `K` / `M` suffix, from 1 byte to 256 MiB. */
function parseMaxLineBytes(text: string | undefined): number {
  if (text === undefined) return defaultMaxLineBytes
  const match = /^(\d{1,12})\s*(k|kib|m|mib)?$/i.exec(text.trim())
  const bytes = match === null ? NaN : Number(match[1]) * byteUnits[(match[2] ?? '').toLowerCase()]!
  if (!(bytes >= 1 && bytes <= maxMaxLineBytes)) {
    throw new UsageError(printed`--max-line-bytes: expected a number of bytes from 1 to ${maxMaxLineBytes} (256M), got ${JSON.stringify(text)}`, exitCodes.usage)
  }
  return bytes
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
    const { 'max-line-bytes': maxLineBytes, ...values } = parsed.values
    options = { ...values, maxLineBytes: parseMaxLineBytes(maxLineBytes) }
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
function skippedLineLog(command: string, io: CliIo) {
  let listed = 0
  let unlisted = 0
  const unlistedByReason = new Map<string, number>()
  return {
    add(line: number, reason: string, message: () => string): void {
      if (listed < maxListedSkippedLines) {
        listed++
        io.stderr.write(`${printed`line ${line}: skipped: `}${message()}\n`)
        return
      }
      if (unlisted === 0) io.stderr.write(printed`faultline ${command}: more than ${maxListedSkippedLines} lines skipped; the rest are counted at the end, not listed\n`)
      unlisted++
      // The reasons are the few fixed phrases of `normalizeLine`; a bound all the same.
      const key = unlistedByReason.has(reason) || unlistedByReason.size < 20 ? reason : 'other reasons'
      unlistedByReason.set(key, (unlistedByReason.get(key) ?? 0) + 1)
    },
    done(): void {
      if (unlisted === 0) return
      const reasons = [...unlistedByReason].sort((a, b) => b[1] - a[1]).map(([reason, n]) => printed`${n} ${reason}`)
      io.stderr.write(`${printed`${unlisted} more skipped lines, not listed: `}${reasons.join('; ')}\n`)
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
  const skipped = skippedLineLog(command, io)
  const limit = options.maxLineBytes
  const overlong = 'longer than the line limit (--max-line-bytes)'
  try {
    for await (const batch of readLineBatches(openInput(file, io), { maxLineBytes: limit })) {
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

const formatEvent = (event: AlertEvent): string =>
  [
    printed`${new Date(event.at)}  ${event.type === 'firing' ? 'FIRING  ' : 'resolved'}  ${event.severity.padEnd(6)}  ${event.ruleId}`,
    groupText(event.group),
    printed`(${event.count} in window)`,
  ].join('  ')

const formatActive = (alert: Alert): string =>
  [printed`  ${alert.severity.padEnd(6)}  ${alert.ruleId}`, groupText(alert.group), printed`since ${new Date(alert.since)}: ${alert.summary}`].join('  ')

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
    const counts = await replay('report', options, file, io, (outcome) => {
      if (outcome.type === 'error') addToReport(totals, outcome.error, outcome.at)
    })
    const style = io.stdout.isTTY === true ? styleFor(io.stdout as NodeJS.WriteStream) : plainStyle
    io.stdout.write(`${formatReport(totals, counts, style)}\n`)
    return finish(counts, options, io)
  },

  async alerts(options: Options, file: string | undefined, io: CliIo): Promise<number> {
    const engine = createAlertEngine(await readRules(options.rules))
    const out = bufferedWriter(io.stdout)
    let clock = 0
    let events = 0
    const print = (list: ReadonlyArray<AlertEvent>) => {
      for (const event of list) out.write(`${formatEvent(event)}\n`)
      events += list.length
    }
    const counts = await replay('alerts', options, file, io, (outcome) => {
      if (outcome.type === 'skipped') return
      // Lines without "at" happen when the line before them did.
      clock = outcome.at ?? clock
      if (outcome.type === 'error') print(engine.observe(outcome.error, clock))
      else print(engine.advance(clock))
    })
    if (events === 0) out.write('no alert fired\n')
    const active = engine.active()
    out.write(`\n${active.length} alerts firing at the end of the capture${active.length === 0 ? '' : ':'}\n`)
    for (const alert of active) out.write(`${formatActive(alert)}\n`)
    out.flush()
    return finish(counts, options, io)
  },

  async rules(options: Options, file: string | undefined, io: CliIo): Promise<number> {
    if (options.prometheus !== true || file !== undefined) {
      io.stderr.write(`${helpTexts.rules}\n`)
      return exitCodes.usage
    }
    const compiled = compilePrometheusRules(await readRules(options.rules))
    if (E.isLeft(compiled)) throw rulesProblems(options.rules ?? 'the default rules', compiled.left)
    io.stdout.write(compiled.right)
    return exitCodes.ok
  },
}
