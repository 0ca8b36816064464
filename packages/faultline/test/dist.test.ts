import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'

// `pnpm test` builds first; the published ESM and CJS entry points must both load and agree.
const dist = new URL('../dist/', import.meta.url)
const built = existsSync(new URL('index.js', dist)) && existsSync(new URL('index.cjs', dist))
const example = { status: 401, body: { error: { type: 'authentication_error', code: 'invalid_api_key', message: 'API key invalid' } } }

describe.skipIf(!built && !process.env.CI)('the built package', () => {
  it('imports as ESM and requires as CJS, with the same answers', async () => {
    const esm = (await import(new URL('index.js', dist).href)) as typeof import('../src/index')
    const cjs = createRequire(import.meta.url)(new URL('index.cjs', dist).pathname) as typeof import('../src/index')
    expect(esm.normalizeError('medblocks', example)).toMatchObject({ kind: 'authentication', reason: 'invalid_credentials' })
    expect(cjs.normalizeError('medblocks', example)).toEqual(esm.normalizeError('medblocks', example))
  })

  it('recognizes an error of one bundle copy with the guards of the other, where instanceof fails', async () => {
    const esm = (await import(new URL('index.js', dist).href)) as typeof import('../src/index')
    const cjs = createRequire(import.meta.url)(new URL('index.cjs', dist).pathname) as typeof import('../src/index')
    const fromCjs = cjs.toError(cjs.normalizeError('medblocks', example)!)
    expect(fromCjs instanceof esm.AuthenticationError).toBe(false)
    expect(esm.isAuthenticationError(fromCjs)).toBe(true)
    expect(esm.normalizeError('medblocks', fromCjs)).toEqual(fromCjs.canonical)
  })
})
