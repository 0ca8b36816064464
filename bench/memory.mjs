// Heap held by an alert engine with `groups` groups (run with --expose-gc); prints one JSON line.
import { createAlertEngine, defaultRules } from '../packages/alerting/dist/index.js'
import { normalizeError } from '../packages/faultline/dist/index.js'

const groups = Number(process.argv[2] ?? 100_000)
const vendors = Array.from({ length: groups }, (_, i) => `vendor${i}`)
const template = normalizeError('medblocks', { status: 503, headers: {}, body: '' })
const errors = vendors.map((vendor) => ({ ...template, vendor }))
const heap = () => {
  globalThis.gc()
  globalThis.gc()
  return process.memoryUsage().heapUsed
}
const before = heap()
const engine = createAlertEngine(defaultRules, { labels: { vendors }, maxGroupsPerRule: groups })
const start = Date.UTC(2026, 0, 1)
for (let i = 0; i < errors.length; i++) engine.observe(errors[i], start + Math.floor(i / 100))
const after = heap()
// The errors stay referenced until after the second reading, so only what the engine holds is counted.
if (errors.length !== groups) throw new Error('unreachable')
process.stdout.write(`${JSON.stringify({ groups: engine.stats().groups, timestamps: engine.stats().timestamps, bytes: after - before })}\n`)
