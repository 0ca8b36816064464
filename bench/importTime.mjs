// One import-time sample: run in a fresh node process with the URL of a module, it times `await import(url)`
// with performance.now() (node's own startup and this script's are outside the figure) and prints one JSON
// line, { ms, modules }. `modules` counts the CommonJS modules the import loaded (io-ts and fp-ts are CommonJS).
// The URL `data:text/javascript,` (an empty module) gives the floor: what any dynamic import costs.
import { createRequire } from 'node:module'
import { performance } from 'node:perf_hooks'

const url = process.argv[2]
if (!url) throw new Error('usage: node bench/importTime.mjs <module URL>')
const cache = createRequire(import.meta.url).cache
const before = Object.keys(cache).length
const began = performance.now()
await import(url)
const ms = performance.now() - began
process.stdout.write(`${JSON.stringify({ ms, modules: Object.keys(cache).length - before })}\n`)
