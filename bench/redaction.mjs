// The redaction figures of issue #16: cost per character of the default redactor and of `toLogRecord` at 1 KiB,
// 64 KiB and 1 MiB of text, as the ratio of the per-character cost at each size to that at 1 KiB (target:
// flat, <= 2x). Two texts: prose with secrets, and adversarial text (long runs that made the rules of 0.1.0
// quadratic: no `@`, `a.`, `%40`, `eyJ`, digits and spaces, `key:` and spaces). `toLogRecord` reads at most its
// budget (16,384 characters) of any error, so its cost per character falls as the text grows.
// Run by bench/run.mjs; alone: `pnpm build && node bench/redaction.mjs` (FAULTLINE_BENCH_QUICK=1 shortens it).
import { fileURLToPath } from 'node:url'
import { normalizeError } from '../packages/faultline/dist/index.js'
import { createRedactor, defaultRedactionRules, toLogRecord } from '../packages/observability/dist/index.js'
import { interleave } from './interleave.mjs'

const sizes = [
  { name: '1 KiB', chars: 2 ** 10 },
  { name: '64 KiB', chars: 2 ** 16 },
  { name: '1 MiB', chars: 2 ** 20 },
]

const prose =
  'The request for patient Jane Doe (jane.doe@example.org, +1 (555) 123-4567, MRN 00123456, born 1985-03-12) ' +
  'failed: the field name.first is required and the value of birthDate is not a date. Retry with ' +
  'Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.c2lnbmF0dXJl or ?api_key=sk_live_51HxYzABCdef0123 ' +
  'after checking the form. Most of a vendor message is words like these, with a few identifiers among them. '
const adversarialPieces = ['x', 'a.', '%40', 'eyJ', '1 ', 'key:        ']

/** `piece` repeated to `chars` characters. */
const fill = (piece, chars) => piece.repeat(Math.ceil(chars / piece.length)).slice(0, chars)

const texts = {
  'prose with secrets': (chars) => fill(prose, chars),
  // Six long runs, each a sixth of the text, so that every size holds runs as long as its sixth.
  adversarial: (chars) => adversarialPieces.map((piece) => fill(piece, Math.ceil(chars / adversarialPieces.length))).join('').slice(0, chars),
}

const ns = (value) => (value >= 1e6 ? `${(value / 1e6).toFixed(2)} ms` : value >= 1e3 ? `${(value / 1e3).toFixed(2)} µs` : value >= 10 ? `${value.toFixed(0)} ns` : `${value.toFixed(2)} ns`)

/**
 * The rows of the redaction group, in bench/run.mjs' form: per text and subject, the cost per character at each
 * size against that at 1 KiB, the sizes taking turns in each round (bench/interleave.mjs).
 *
 * @param {{ quick: boolean }} options
 * @returns {Array<{ group: string, name: string, value: string, unit: string, baselineName: string, baseline: string, ratio: number, target: string, met: boolean }>}
 */
export function redactionRows({ quick }) {
  const redact = createRedactor(defaultRedactionRules)
  const rows = []
  let sink = 0
  const subjects = {
    'createRedactor(defaultRules)': (text) => () => {
      sink ^= redact(text).length
    },
    // A Medblocks error whose message is the text, normalized before the clock starts.
    toLogRecord: (text) => {
      const error = normalizeError('medblocks', { status: 400, body: { error: { type: 'invalid_request_error', code: 'invalid_data', message: text, param: 'name' } } })
      return () => {
        sink ^= toLogRecord(error).message.length
      }
    },
  }
  for (const [textName, makeText] of Object.entries(texts)) {
    for (const [subject, prepare] of Object.entries(subjects)) {
      const tasks = sizes.map(({ name, chars }) => {
        const once = prepare(makeText(chars))
        // About 256 KiB of text per round at each size: the sizes weigh alike in a round.
        const repeat = Math.max(1, Math.round(2 ** 18 / chars))
        return { name, batch: repeat * chars, fn: () => { for (let r = 0; r < repeat; r++) once() } }
      })
      const result = interleave(tasks, { time: quick ? 400 : 1500, warmup: quick ? 100 : 300 })
      const base = result.perOperation['1 KiB']
      for (const { name } of sizes) {
        const ratio = name === '1 KiB' ? 1 : result.ratio(name, '1 KiB')
        rows.push({
          group: 'redaction',
          name: `${subject}, ${textName}, ${name}`,
          value: ns(result.perOperation[name]),
          unit: 'per character',
          baselineName: '1 KiB, per character',
          baseline: ns(base),
          ratio,
          target: '<= 2x',
          met: ratio <= 2,
        })
      }
    }
  }
  if (sink === 0.5) console.log(sink)
  return rows
}

// Alone: print the rows.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const quick = process.env.FAULTLINE_BENCH_QUICK === '1'
  for (const row of redactionRows({ quick })) {
    console.log([row.name.padEnd(64), row.value.padStart(10), row.unit, `vs ${row.baseline.padStart(9)}`, `${row.ratio.toFixed(2)}x`, row.target, row.met ? 'met' : 'NOT met'].join('  '))
  }
}
