import { createReadStream } from 'node:fs'
import type { Readable, Writable } from 'node:stream'
import { parseArgs } from 'node:util'
import { createAlertEngine, toPrometheusRules, type AlertEvent } from '@faultline/alerting'
import { normalizeLine } from './capture'
import { formatCounts, newCounts, type LineCounts } from './counts'
import { readLineBatches } from './lines'
import { createProgress } from './progress'
import { readRules } from './rulesFile'
import { addToReport, formatReport, newReportTotals } from './report'
import { plainStyle, styleFor } from './table'
import { exitCodes, helpTexts, UsageError } from './usage'

/** Where a command reads and writes; the real process streams by default, buffers in tests. */
export interface CliIo {
  readonly stdin: Readable
  readonly stdout: Writable & { isTTY?: boolean }
  readonly stderr: Writable & { isTTY?: boolean }
}

type Options = { vendor?: string; strict?: boolean; rules?: string; prometheus?: boolean; help?: boolean }

const optionSpec = {
  vendor: { type: 'string' },
  strict: { type: 'boolean' },
  rules: { type: 'string' },
  prometheus: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const

/** Runs the CLI; resolves with the exit code. */
export async function runCli(argv: ReadonlyArray<string>, io: CliIo): Promise<number> {
  const [command, ...rest] = argv
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    io.stdout.write(`${helpTexts.main}\n`)
    return command === undefined ? exitCodes.usage : exitCodes.ok
  }
  if (!Object.hasOwn(commands, command)) {
    io.stderr.write(`faultline: unknown command '${command}'\n\n${helpTexts.main}\n`)
    return exitCodes.usage
  }
  let options: Options
  let files: string[]
  try {
    const parsed = parseArgs({ args: [...rest], options: optionSpec, allowPositionals: true, strict: true })
    options = parsed.values as Options
    files = parsed.positionals
  } catch (error) {
    io.stderr.write(`faultline ${command}: ${(error as Error).message}\n\n${helpTexts[command]}\n`)
    return exitCodes.usage
  }
  if (options.help === true) {
    io.stdout.write(`${helpTexts[command]}\n`)
    return exitCodes.ok
  }
  if (files.length > 1) {
    io.stderr.write(`faultline ${command}: one input at most, got ${files.length}\n`)
    return exitCodes.usage
  }
  try {
    return await commands[command as keyof typeof commands](options, files[0], io)
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`faultline ${command}: ${error.message}\n`)
      return error.exitCode
    }
    throw error
  }
}

function openInput(file: string | undefined, io: CliIo): Readable {
  if (file === undefined || file === '-') return io.stdin
  return createReadStream(file)
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
  const progress = createProgress(io.stderr as NodeJS.WriteStream, `faultline ${command}`)
  try {
    for await (const batch of readLineBatches(openInput(file, io))) {
      for (const line of batch) {
        counts.read++
        const outcome = normalizeLine(line, options.vendor)
        if (outcome.type === 'skipped') {
          counts.skipped++
          io.stderr.write(`line ${outcome.line}: skipped: ${outcome.problem}\n`)
        } else if (outcome.type === 'success') counts.successes++
        else counts.errors++
        visit(outcome)
      }
      progress.tick(counts.read)
    }
  } catch (error) {
    progress.done()
    const code = (error as NodeJS.ErrnoException).code
    throw new UsageError(`cannot read ${file ?? 'stdin'}${code === undefined ? '' : ` (${code})`}: ${(error as Error).message}`, exitCodes.failed)
  }
  progress.done()
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

const formatEvent = (event: AlertEvent): string => {
  const group = Object.entries(event.group).map(([key, value]) => `${key}=${value}`).join(' ')
  return `${new Date(event.at).toISOString()}  ${event.type === 'firing' ? 'FIRING  ' : 'resolved'}  ${event.severity.padEnd(6)}  ${event.ruleId}  ${group}  (${event.count} in window)`
}

const commands = {
  async normalize(options: Options, file: string | undefined, io: CliIo): Promise<number> {
    const out = bufferedWriter(io.stdout)
    const counts = await replay('normalize', options, file, io, (outcome) => {
      if (outcome.type === 'error') out.write(`${JSON.stringify(outcome.error)}\n`)
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
    for (const alert of active) {
      const group = Object.entries(alert.group).map(([key, value]) => `${key}=${value}`).join(' ')
      out.write(`  ${alert.severity.padEnd(6)}  ${alert.ruleId}  ${group}  since ${new Date(alert.since).toISOString()}: ${alert.summary}\n`)
    }
    out.flush()
    return finish(counts, options, io)
  },

  async rules(options: Options, file: string | undefined, io: CliIo): Promise<number> {
    if (options.prometheus !== true || file !== undefined) {
      io.stderr.write(`${helpTexts.rules}\n`)
      return exitCodes.usage
    }
    io.stdout.write(toPrometheusRules(await readRules(options.rules)))
    return exitCodes.ok
  },
}
