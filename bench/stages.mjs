// Where the time of a parsed-body `normalizeError` goes (issue #15: what stands between the parsed-body rows and
// their 2x target). The one path, cut into its stages by timing growing prefixes of it side by side with the
// hand-written decoder (bench/interleave.mjs), each stage the difference of two prefixes:
//   reader:      readResponseSource(input)              which client form the input is (contract §7)
//   view:        viewOf(source)                         the status, a header map, the body classified once
//   header reads the adapter's lookups of Retry-After, X-Request-Id, ... on a fresh header map
//   decode:      adapter.decode(view)                   the vendor decoder, the meaning, the retry policy, the builder
//   dispatch:    normalizeError(vendor, input)          the rest: the adapter lookup, the try, the entry point
// Run by bench/run.mjs; alone: `pnpm build && node bench/stages.mjs` (FAULTLINE_BENCH_QUICK=1 shortens it).
import { fileURLToPath } from 'node:url'
import * as faultline from '../packages/faultline/dist/index.js'
import { createBaselines } from './baselines.mjs'
import { fixtures } from './fixtures.mjs'
import { interleave } from './interleave.mjs'

const { normalizeError, readResponseSource, viewOf } = faultline
const adapters = {
  medblocks: faultline.medblocksAdapter,
  scribe: faultline.scribeAdapter,
  medipim: faultline.medipimAdapter,
  medable: faultline.medableAdapter,
}

const ns = (value) => `${value.toFixed(0)} ns`

/**
 * The rows of the stage group, in bench/run.mjs' form: per vendor and stage, its time per call and its share of
 * the hand-written decoder's whole time (the parsed-body target allows the five together 2x).
 *
 * @param {{ quick: boolean }} options
 */
export function stageRows({ quick }) {
  const baselines = createBaselines(faultline)
  const rows = []
  let sink = 0
  for (const [vendor, adapter] of Object.entries(adapters)) {
    const list = fixtures[vendor]
    // Views whose header maps have answered the adapter's lookups once: decoding them again reads no header.
    const warmViews = list.map((response) => viewOf(readResponseSource(response)))
    for (const view of warmViews) adapter.decode(view)
    const task = (name, call, inputs = list) => ({
      name,
      batch: inputs.length * 40,
      fn: () => {
        for (let r = 0; r < 40; r++) for (let i = 0; i < inputs.length; i++) sink ^= call(inputs[i]) === null ? 1 : 0
      },
    })
    const result = interleave(
      [
        task('baseline', (response) => baselines[vendor](response)),
        task('reader', (response) => readResponseSource(response)),
        task('reader + view', (response) => viewOf(readResponseSource(response))),
        task('reader + view + decode', (response) => adapter.decode(viewOf(readResponseSource(response)))),
        task('decode, headers read', (view) => adapter.decode(view), warmViews),
        task('normalizeError', (response) => normalizeError(vendor, response)),
      ],
      { time: quick ? 400 : 1500, warmup: quick ? 100 : 300 },
    )
    const t = result.perOperation
    const baseline = t.baseline
    const stages = [
      ['reader', t.reader],
      ['view', t['reader + view'] - t.reader],
      ['header reads', t['reader + view + decode'] - t['reader + view'] - t['decode, headers read']],
      ['decode', t['decode, headers read']],
      ['dispatch', t.normalizeError - t['reader + view + decode']],
    ]
    for (const [stage, time] of stages) {
      rows.push({
        group: 'parsed bodies, by stage',
        name: `${vendor}: ${stage}`,
        value: ns(time),
        unit: 'per call',
        baselineName: 'hand-written decoder, whole',
        baseline: ns(baseline),
        ratio: time / baseline,
        target: 'reported',
        met: null,
      })
    }
  }
  if (sink === 0.5) console.log(sink)
  return rows
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const row of stageRows({ quick: process.env.FAULTLINE_BENCH_QUICK === '1' })) {
    console.log(`${row.name.padEnd(28)} ${row.value.padStart(8)}  ${row.ratio.toFixed(2)}x of ${row.baseline}`)
  }
}
