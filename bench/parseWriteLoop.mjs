// A reference beside the CLI's baseline: the loop of parseLoop.mjs, then each parsed line written back with
// JSON.stringify, in batches to stdout as `faultline normalize` writes. Parsing and writing JSON, as any
// command that writes a JSON line per line it reads does; not a floor (normalize writes errors, not lines).
import { createReadStream } from 'node:fs'

let pending = ''
let output = ''
let written = 0
const write = (value) => {
  output += `${JSON.stringify(value)}\n`
  written++
  if (output.length > 65_536) {
    process.stdout.write(output)
    output = ''
  }
}
for await (const chunk of createReadStream(process.argv[2], { encoding: 'utf8' })) {
  pending += chunk
  let start = 0
  let end = pending.indexOf('\n')
  while (end !== -1) {
    if (end > start) write(JSON.parse(pending.slice(start, end)))
    start = end + 1
    end = pending.indexOf('\n', start)
  }
  pending = pending.slice(start)
}
if (pending.trim().length > 0) write(JSON.parse(pending))
process.stdout.write(output)
process.stderr.write(`${written} lines written back\n`)
