// `pnpm size`: bundle budgets. Bundles the built ESM (run after `pnpm build`) with esbuild, minified, and
// checks the gzip size of each bundle against its budget; exits 1 when one is over. Budgets carry ~15%
// headroom above the size measured when they were set (docs/decisions/013-bundle-budgets.md).
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'

// esbuild comes with tsup (a root devDependency) and is not hoisted: resolve it from tsup's location.
const require = createRequire(import.meta.url)
const esbuild = createRequire(require.resolve('tsup'))('esbuild')
const root = fileURLToPath(new URL('..', import.meta.url))

/** What is measured, and its budget in gzip bytes. */
const checks = [
  {
    name: 'faultline (everything it exports)',
    contents: "export * from 'faultline'",
    resolveDir: `${root}bench`,
    alias: { faultline: `${root}packages/faultline/dist/index.js` },
    budget: 52_000,
  },
  {
    name: 'faultline, normalizeError only',
    contents: "export { normalizeError } from 'faultline'",
    resolveDir: `${root}bench`,
    alias: { faultline: `${root}packages/faultline/dist/index.js` },
    budget: 48_000,
  },
  {
    name: '@faultline/core + @faultline/medblocks',
    contents: "export * from '@faultline/core'\nexport * from '@faultline/medblocks'",
    resolveDir: `${root}packages/medblocks`,
    budget: 21_500,
  },
]

let failed = false
const results = []
for (const check of checks) {
  const built = await esbuild.build({
    stdin: { contents: check.contents, resolveDir: check.resolveDir, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    alias: check.alias ?? {},
    write: false,
    logLevel: 'silent',
  })
  const code = built.outputFiles[0].contents
  const gzip = gzipSync(code, { level: 9 }).byteLength
  const over = gzip > check.budget
  failed ||= over
  results.push({ ...check, minified: code.byteLength, gzip, over })
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`
for (const result of results) {
  console.log(
    `${result.over ? 'OVER ' : 'ok   '} ${result.name.padEnd(40)} ${kb(result.minified).padStart(10)} minified  ${kb(result.gzip).padStart(9)} gzip (${result.gzip} B)  (budget ${kb(result.budget)}, ${Math.round((100 * result.gzip) / result.budget)}%)`,
  )
}
if (failed) {
  console.error('size: a bundle is over its budget (see above). Shrink it, or raise the budget in scripts/size.mjs with a reason.')
  process.exit(1)
}
