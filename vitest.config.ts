import { readdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

const packages = readdirSync(new URL('./packages/', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
const source = (name: string) => fileURLToPath(new URL(`./packages/${name}/src/index.ts`, import.meta.url))

/** Tests import every package from its source, so `vitest` needs no build; one project per package. */
export default defineConfig({
  resolve: {
    alias: [
      { find: /^faultline$/, replacement: source('faultline') },
      { find: /^@faultline\/core\/internal$/, replacement: fileURLToPath(new URL('./packages/core/src/internal.ts', import.meta.url)) },
      ...packages.map((name) => ({ find: new RegExp(`^@faultline/${name}$`), replacement: source(name) })),
    ],
  },
  test: {
    // A hang guard, not a speed target (those live in `pnpm bench`): property suites run thousands of cases, and
    // CI runs every file at once on two cores.
    testTimeout: 20_000,
    projects: packages.map((name) => ({
      extends: true,
      test: { name, include: [`packages/${name}/test/**/*.test.ts`] },
    })),
  },
})
