// Writes the generated pages of docs/ (run after `pnpm build`): docs/kinds.md from the kind table and
// docs/vendors/<vendor>.md from each bundled adapter's catalog.
import { writeFileSync } from 'node:fs'
import { bundledAdapters, renderCatalogMarkdown, renderKindsMarkdown } from '../packages/faultline/dist/index.js'

const write = (path, text) => {
  writeFileSync(new URL(`../${path}`, import.meta.url), text)
  console.log(`wrote ${path}`)
}

write('docs/kinds.md', renderKindsMarkdown())
for (const adapter of bundledAdapters) write(`docs/vendors/${adapter.id}.md`, renderCatalogMarkdown(adapter))
