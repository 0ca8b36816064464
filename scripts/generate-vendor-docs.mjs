// Writes docs/vendors/<vendor>.md from each bundled adapter's catalog (run after `pnpm build`).
import { writeFileSync } from 'node:fs'
import { bundledAdapters, renderCatalogMarkdown } from '../packages/faultline/dist/index.js'

for (const adapter of bundledAdapters) {
  const path = new URL(`../docs/vendors/${adapter.id}.md`, import.meta.url)
  writeFileSync(path, renderCatalogMarkdown(adapter))
  console.log(`wrote docs/vendors/${adapter.id}.md (${adapter.catalog.entries.length} codes)`)
}
