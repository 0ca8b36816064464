// Checks the published shape of every package (exports map, files, types) with publint; fails on any message.
import { readdirSync } from 'node:fs'
import { publint } from 'publint'
import { formatMessage } from 'publint/utils'
import { readFileSync } from 'node:fs'

let problems = 0
for (const name of readdirSync(new URL('../packages/', import.meta.url))) {
  const pkgDir = new URL(`../packages/${name}/`, import.meta.url).pathname
  const pkg = JSON.parse(readFileSync(`${pkgDir}package.json`, 'utf8'))
  const { messages } = await publint({ pkgDir, level: 'suggestion', strict: true })
  for (const message of messages) {
    problems++
    console.log(`${pkg.name}: [${message.type}] ${formatMessage(message, pkg) ?? message.code}`)
  }
}
console.log(problems === 0 ? 'publint: every package is clean' : `publint: ${problems} problems`)
process.exitCode = problems === 0 ? 0 : 1
