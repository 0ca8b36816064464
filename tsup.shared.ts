import { defineConfig, type Options } from 'tsup'

/** The one tsup configuration every package builds with: ESM + CJS + .d.ts from `src/index.ts`. */
export function packageConfig(overrides: Options = {}) {
  return defineConfig({
    entry: ['src/index.ts'],
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: true,
    treeshake: true,
    target: 'node20',
    ...overrides,
  })
}
