import { readFileSync } from 'node:fs'
import { renderCatalogMarkdown } from '@faultline/core'
import { describe, expect, it } from 'vitest'
import { bundledAdapters } from '../src/adapters'

describe('generated vendor docs', () => {
  it.each(bundledAdapters.map((adapter) => [adapter.id, adapter] as const))('docs/vendors/%s.md is up to date with the catalog', (id, adapter) => {
    const page = readFileSync(new URL(`../../../docs/vendors/${id}.md`, import.meta.url), 'utf8')
    // When this fails: `pnpm build && pnpm docs:vendors`, then commit the page.
    expect(page).toBe(renderCatalogMarkdown(adapter))
    for (const entry of adapter.catalog.entries) expect(page).toContain(`\`${entry.code}\``)
  })
})

describe('generated kinds page', () => {
  it('docs/kinds.md is up to date with the kind table', async () => {
    const { renderKindsMarkdown } = await import('@faultline/core')
    expect(readFileSync(new URL('../../../docs/kinds.md', import.meta.url), 'utf8')).toBe(renderKindsMarkdown())
  })
})
