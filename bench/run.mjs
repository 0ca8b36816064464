// `pnpm bench`: every faultline figure next to its baseline, measured in the same run, as ratios against their
// targets (issue #15 for parsed bodies, text bodies and import time; issue #16 for redaction; issue #8 for the rest); writes
// bench/RESULTS.md. Run after `pnpm build` (it times the built ESM in dist).
// Run with --expose-gc (the root script does) for the engine memory figure; FAULTLINE_BENCH_QUICK=1 shortens it.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, createWriteStream, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { once } from 'node:events'
import { cpus, totalmem, tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import * as faultline from '../packages/faultline/dist/index.js'
import { createAlertEngine, defaultRules } from '../packages/alerting/dist/index.js'
import { createBaselines } from './baselines.mjs'
import { fixtures, successTextFixtures, textFixtures } from './fixtures.mjs'
import { interleave } from './interleave.mjs'
import { redactionRows } from './redaction.mjs'
import { stageRows } from './stages.mjs'
import { medableTree } from './trees.mjs'

const quick = process.env.FAULTLINE_BENCH_QUICK === '1'
const here = (path) => fileURLToPath(new URL(path, import.meta.url))
const { normalizeError } = faultline
const baselines = createBaselines(faultline)
const vendors = ['medblocks', 'scribe', 'medipim', 'medable']
const rows = []
let sink = 0

/** Times tasks side by side (bench/interleave.mjs); each task does `batch` operations per round. */
const measure = (tasks, { time = quick ? 400 : 1500 } = {}) => interleave(tasks, { time, warmup: quick ? 100 : 300 })

// Cycles through a vendor's fixtures, `repeat` times each: one round of a task is many calls.
const batchOf = (list, repeat, call) => ({
  batch: list.length * repeat,
  fn: () => {
    for (let r = 0; r < repeat; r++) for (let i = 0; i < list.length; i++) sink ^= call(list[i]) === null ? 1 : 0
  },
})

const addRow = (group, name, value, unit, baselineName, baseline, ratio, target, met) =>
  rows.push({ group, name, value, unit, baselineName, baseline, ratio, target, met })

const ns = (value) => (value >= 1e6 ? `${(value / 1e6).toFixed(2)} ms` : value >= 1e3 ? `${(value / 1e3).toFixed(2)} µs` : `${value.toFixed(0)} ns`)

// 1. Parsed bodies vs. the hand-written decoders; 2. text bodies vs. JSON.parse alone. The targets are those of
// issue #15: parsed bodies <= 2.0x the hand-written decoder for every vendor; text bodies <= 1.5x JSON.parse
// alone (its third target, import <= 1.5x io-ts, is section 6). Beside the text figure, for reference:
// JSON.parse followed by the hand-written decoder, what any decoder of the text pays at least.
for (const vendor of vendors) {
  const parsed = fixtures[vendor]
  const text = textFixtures[vendor]
  const result = measure([
    { name: 'normalizeError', ...batchOf(parsed, 40, (response) => normalizeError(vendor, response)) },
    { name: 'baseline', ...batchOf(parsed, 40, (response) => baselines[vendor](response)) },
  ])
  const ratio = result.ratio('normalizeError', 'baseline')
  const { perOperation } = result
  addRow('parsed bodies', vendor, ns(perOperation.normalizeError), 'per call', 'hand-written decoder', ns(perOperation.baseline), ratio, '<= 2x', ratio <= 2)
  const textResult = measure([
    { name: 'normalizeError', ...batchOf(text, 40, (response) => normalizeError(vendor, response)) },
    { name: 'JSON.parse', ...batchOf(text, 40, (response) => JSON.parse(response.body)) },
    { name: 'parse + decoder', ...batchOf(text, 40, (response) => baselines[vendor]({ status: response.status, headers: response.headers, body: JSON.parse(response.body) })) },
  ])
  const textRatio = textResult.ratio('normalizeError', 'JSON.parse')
  const parseTime = ns(textResult.perOperation['JSON.parse'])
  addRow('text bodies', vendor, ns(textResult.perOperation.normalizeError), 'per call', 'JSON.parse alone', parseTime, textRatio, '<= 1.5x', textRatio <= 1.5)
  const floorRatio = textResult.ratio('parse + decoder', 'JSON.parse')
  addRow('text bodies', `${vendor}: JSON.parse + hand-written decoder`, ns(textResult.perOperation['parse + decoder']), 'per call', 'JSON.parse alone', parseTime, floorRatio, 'reference', null)
}

// Where the parsed-body time goes, stage by stage, each against the hand-written decoder's whole time (bench/stages.mjs).
for (const row of stageRows({ quick })) addRow(row.group, row.name, row.value, row.unit, row.baselineName, row.baseline, row.ratio, row.target, row.met)

// Beside them, reported: successful answers as JSON text, which a client that normalizes every response (for
// the faults some vendors send with a 2xx) has most of; normalizeError reads each and answers null.
for (const vendor of vendors) {
  const result = measure([
    { name: 'normalizeError', ...batchOf(successTextFixtures, 40, (response) => normalizeError(vendor, response)) },
    { name: 'JSON.parse', ...batchOf(successTextFixtures, 40, (response) => JSON.parse(response.body)) },
  ])
  const ratio = result.ratio('normalizeError', 'JSON.parse')
  addRow('success bodies', `${vendor}: 200, JSON text`, ns(result.perOperation.normalizeError), 'per call', 'JSON.parse alone', ns(result.perOperation['JSON.parse']), ratio, 'reported', null)
}

// 3. Medable fault trees: time per node from 10 to 100,000 nodes, the three sizes taking turns in each round.
{
  const sizes = [10, 1_000, 100_000]
  const tasks = sizes.map((size) => {
    const response = { status: 400, headers: {}, body: medableTree(size) }
    const repeat = Math.max(1, Math.round(10_000 / size))
    return { name: String(size), batch: repeat, fn: () => { for (let r = 0; r < repeat; r++) sink ^= normalizeError('medable', response).causes.length } }
  })
  const result = measure(tasks, { time: quick ? 500 : 2000 })
  const perNode = (size) => result.perOperation[String(size)] / size
  for (const size of sizes) {
    // Per node, against the 10-node tree per node, round by round.
    const ratio = size === 10 ? 1 : (result.ratio(String(size), '10') * 10) / size
    addRow('medable fault trees', `${size.toLocaleString('en-US')} nodes`, ns(perNode(size)), 'per node', '10-node tree, per node', ns(perNode(10)), ratio, '<= 2x', ratio <= 2)
  }
}

// 4. The alert engine: observe throughput over 1,000 groups with the default rules; memory at 100,000 groups.
{
  const groups = 1_000
  const vendorNames = Array.from({ length: groups }, (_, i) => `vendor${i}`)
  // A mix that every group-by rule sees: credentials, throttling, outages, invalid requests, unknown codes.
  const templates = [
    { status: 401, headers: {}, body: { error: { type: 'authentication_error', code: 'invalid_api_key', message: 'API key invalid' } } },
    { status: 429, headers: {}, body: { error: { type: 'rate_limit_error', code: 'throttled', message: 'Too many requests.' } } },
    { status: 503, headers: {}, body: '' },
    { status: 400, headers: {}, body: { error: { type: 'invalid_request_error', code: 'invalid_data', message: 'bad', param: 'name' } } },
    { status: 404, headers: {}, body: { error: { type: 'not_found_error', code: 'gone_for_good', message: 'x' } } },
  ].map((response) => normalizeError('medblocks', response))
  const errors = Array.from({ length: 10_000 }, (_, i) => ({ ...templates[i % templates.length], vendor: vendorNames[(i * 7919) % groups] }))
  const engine = createAlertEngine(defaultRules, { labels: { vendors: vendorNames } })
  let clock = Date.UTC(2026, 0, 1)
  const result = measure([
    {
      name: 'observe',
      batch: errors.length,
      fn: () => {
        // 10 errors per ms: 10,000 errors a second of engine time, every window full.
        for (let i = 0; i < errors.length; i++) sink ^= engine.observe(errors[i], clock + (i / 10) | 0).length
        clock += errors.length / 10
      },
    },
  ])
  const perSecond = 1e9 / result.perOperation.observe
  addRow('alert engine', `observe, default rules, ${groups.toLocaleString('en-US')} groups`, `${(perSecond / 1e6).toFixed(2)} M/s`, 'observations', '1,000,000 observations/s', '1.00 M/s', perSecond / 1e6, '>= 1x', perSecond >= 1e6)
  const memory = spawnSync(process.execPath, ['--expose-gc', here('./memory.mjs'), '100000'], { encoding: 'utf8' })
  const figure = JSON.parse(memory.stdout.trim())
  addRow('alert engine', `memory, ${figure.groups.toLocaleString('en-US')} groups held`, `${(figure.bytes / 2 ** 20).toFixed(1)} MiB`, `${Math.round(figure.bytes / figure.groups)} B/group`, '-', '-', null, 'reported', null)
}

// 5. The CLI on a 1,000,000-line capture vs. a JSON.parse-per-line loop over the same file.
{
  const lines = quick ? 100_000 : 1_000_000
  const dir = mkdtempSync(join(tmpdir(), 'faultline-bench-'))
  const file = join(dir, 'capture.ndjson')
  try {
    const out = createWriteStream(file)
    const start = Date.UTC(2026, 0, 1)
    for (let i = 0; i < lines; i++) {
      const vendor = vendors[i % 4]
      const list = i % 2 === 0 ? fixtures[vendor] : textFixtures[vendor]
      const response = i % 10 === 9 ? { status: 200, headers: {}, body: { object: 'result', data: [] } } : list[(i >> 2) % list.length]
      if (!out.write(`${JSON.stringify({ vendor, at: start + i * 10, ...response })}\n`)) await once(out, 'drain')
    }
    out.end()
    await once(out, 'finish')
    // Wall time of each process; the four commands take turns, three runs each, and each ratio is the median
    // of the per-run ratios (a slow spell of the machine falls on one run of every command).
    const wall = (args) => {
      const began = process.hrtime.bigint()
      const child = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', maxBuffer: 1 << 26 })
      if (child.status !== 0) throw new Error(`${args.join(' ')} exited ${child.status}: ${child.stderr.slice(-500)}`)
      return Number(process.hrtime.bigint() - began) / 1e9
    }
    const cli = here('../packages/cli/dist/cli.js')
    const commands = {
      loop: [here('./parseLoop.mjs'), file],
      writeBack: [here('./parseWriteLoop.mjs'), file],
      normalize: [cli, 'normalize', file],
      report: [cli, 'report', file],
    }
    const times = Object.fromEntries(Object.keys(commands).map((name) => [name, []]))
    for (let run = 0; run < 3; run++) for (const [name, args] of Object.entries(commands)) times[name].push(wall(args))
    const middle = (values) => [...values].sort((a, b) => a - b)[1]
    const perSecond = (name) => `${Math.round(lines / middle(times[name])).toLocaleString('en-US')} lines/s`
    const ratioOf = (name, baseline) => middle(times[name].map((value, run) => value / times[baseline][run]))
    const loopFigure = `${perSecond('loop')} (${middle(times.loop).toFixed(2)} s)`
    const count = lines.toLocaleString('en-US')
    for (const command of ['normalize', 'report']) {
      const ratio = ratioOf(command, 'loop')
      const met = command === 'normalize' ? ratio <= 2 : null
      addRow('CLI', `faultline ${command}, ${count} lines`, perSecond(command), `${middle(times[command]).toFixed(2)} s`, 'JSON.parse-per-line loop', loopFigure, ratio, command === 'normalize' ? '<= 2x' : 'reported', met)
    }
    // For reference, not as a floor: the same file through a loop that also writes each parsed line back with
    // JSON.stringify (every line, where normalize writes the errors, which are larger than their lines).
    const writeBackFigure = `${perSecond('writeBack')} (${middle(times.writeBack).toFixed(2)} s)`
    addRow('CLI', 'faultline normalize: against parse + write-back loop', perSecond('normalize'), `${middle(times.normalize).toFixed(2)} s`, 'JSON.parse + JSON.stringify per line', writeBackFigure, ratioOf('normalize', 'writeBack'), 'reference', null)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

// 6. Import time: `await import('faultline')` (the built ESM) vs. `await import('io-ts')`, each in a fresh node
// process (bench/importTime.mjs times the import alone, with performance.now(), so node's startup is not in
// the figure). io-ts is resolved as node resolves it for a user, from packages/core: it has no `exports`, so
// node loads its CommonJS `main` (lib/index.js, with fp-ts/lib/Either and what that requires); its `module`
// entry (es6/) is for bundlers and does not load in node (extensionless imports of fp-ts/es6/*). faultline's
// dist imports io-ts the same way, so its figure includes io-ts's. For reference: fp-ts/lib/Either alone (the
// copy io-ts requires) and an empty module (the floor of any dynamic import). The four take turns, in
// alternating order, run after run; the ratio is the median of the per-run ratios.
{
  const runs = quick ? 8 : 30
  const ioTsPath = createRequire(here('../packages/core/package.json')).resolve('io-ts')
  const targets = {
    faultline: new URL('../packages/faultline/dist/index.js', import.meta.url).href,
    'io-ts': pathToFileURL(ioTsPath).href,
    'fp-ts/lib/Either': pathToFileURL(createRequire(ioTsPath).resolve('fp-ts/lib/Either')).href,
    floor: 'data:text/javascript,',
  }
  const sample = (url) => {
    const child = spawnSync(process.execPath, [here('./importTime.mjs'), url], { encoding: 'utf8' })
    if (child.status !== 0) throw new Error(`importTime.mjs ${url} exited ${child.status}: ${child.stderr.slice(-500)}`)
    return JSON.parse(child.stdout.trim()).ms
  }
  const names = Object.keys(targets)
  const times = Object.fromEntries(names.map((name) => [name, []]))
  for (let run = 0; run < runs; run++) {
    for (const name of run % 2 === 0 ? names : [...names].reverse()) times[name].push(sample(targets[name]))
  }
  const median = (values) => {
    const sorted = [...values].sort((a, b) => a - b)
    return sorted.length % 2 === 1 ? sorted[sorted.length >> 1] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2
  }
  const ms = (name) => `${median(times[name]).toFixed(1)} ms`
  const ratioOf = (name) => median(times[name].map((value, run) => value / times['io-ts'][run]))
  const unit = `median of ${runs} processes`
  const baselineName = 'io-ts (its CommonJS lib/index.js)'
  const ratio = ratioOf('faultline')
  addRow('import', 'faultline (dist/index.js), fresh process', ms('faultline'), unit, baselineName, ms('io-ts'), ratio, '<= 1.5x', ratio <= 1.5)
  addRow('import', 'fp-ts/lib/Either: what io-ts requires of fp-ts', ms('fp-ts/lib/Either'), unit, baselineName, ms('io-ts'), ratioOf('fp-ts/lib/Either'), 'reference', null)
  addRow('import', 'empty module: the floor of a dynamic import', ms('floor'), unit, baselineName, ms('io-ts'), ratioOf('floor'), 'reference', null)
}

// 7. Redaction (issue #16): cost per character of the default redactor and of toLogRecord at 1 KiB, 64 KiB and
// 1 MiB of text, against 1 KiB (bench/redaction.mjs).
for (const row of redactionRows({ quick })) addRow(row.group, row.name, row.value, row.unit, row.baselineName, row.baseline, row.ratio, row.target, row.met)

// Report: the console table and bench/RESULTS.md.
const cpu = cpus()
const machine = `${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${cpu.length} cores, ${(totalmem() / 2 ** 30).toFixed(1)} GiB memory; Node ${process.version} (${process.platform}/${process.arch})`
const date = new Date().toISOString()
const verdict = (met) => (met === null ? '-' : met ? 'met' : 'NOT met')
const ratioText = (ratio) => (ratio === null ? '-' : `${ratio.toFixed(2)}x`)
const header = ['benchmark', 'case', 'faultline', '', 'baseline', 'baseline figure', 'ratio', 'target', 'met']
const table = rows.map((row) => [row.group, row.name, row.value, row.unit, row.baselineName, row.baseline, ratioText(row.ratio), row.target, verdict(row.met)])
const widths = header.map((title, i) => Math.max(title.length, ...table.map((row) => row[i].length)))
console.log(`\nfaultline bench: ${machine}; ${date}${quick ? ' (quick run)' : ''}\n`)
for (const row of [header, ...table]) console.log(row.map((cell, i) => cell.padEnd(widths[i])).join('  ').trimEnd())
const missed = rows.filter((row) => row.met === false)
console.log(`\n${rows.filter((row) => row.met === true).length} targets met, ${missed.length} not met${missed.length ? `: ${missed.map((row) => `${row.group} ${row.name}`).join('; ')}` : ''}`)

const markdown = [
  '# Benchmark results',
  '',
  'Written by `pnpm bench` (bench/run.mjs); every figure is measured next to its baseline in the same run.',
  'Ratios are faultline / baseline (for the engine: observations per second / 1,000,000). How to read them and',
  'what each baseline is: [docs/performance.md](../docs/performance.md). Targets: issue #15 for parsed bodies,',
  'text bodies and import time; issue #16 for redaction; issue #8 for the rest.',
  '',
  `- Machine: ${machine}`,
  `- Date: ${date}${quick ? ' (quick run: FAULTLINE_BENCH_QUICK=1)' : ''}`,
  '',
  `| ${header.map((title) => title || 'unit').join(' | ')} |`,
  `|${header.map(() => '---').join('|')}|`,
  ...table.map((row) => `| ${row.join(' | ')} |`),
  '',
  `${rows.filter((row) => row.met === true).length} targets met, ${missed.length} not met.`,
  '',
]
writeFileSync(here('./RESULTS.md'), markdown.join('\n'))
if (sink === 0.5) console.log(sink)
