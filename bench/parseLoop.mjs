// The CLI's floor: read a capture file, split it into lines, JSON.parse each line, nothing else.
import { createReadStream } from 'node:fs'

let pending = ''
let parsed = 0
for await (const chunk of createReadStream(process.argv[2], { encoding: 'utf8' })) {
  pending += chunk
  let start = 0
  let end = pending.indexOf('\n')
  while (end !== -1) {
    if (end > start) {
      JSON.parse(pending.slice(start, end))
      parsed++
    }
    start = end + 1
    end = pending.indexOf('\n', start)
  }
  pending = pending.slice(start)
}
if (pending.trim().length > 0) {
  JSON.parse(pending)
  parsed++
}
process.stderr.write(`${parsed} lines parsed\n`)
