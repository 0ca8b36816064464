import type { Adapter } from './adapter'
import { kindTable } from './kinds'

const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\n/g, ' ')

/**
 * The Markdown docs page of an adapter, generated from its catalog: every code with its kind, reason,
 * retryable and the vendor's own sentence, then the adapter's normal form and notes.
 */
export function renderCatalogMarkdown(adapter: Adapter): string {
  const { title, overview, normalForm, notes } = adapter.documentation
  const hasGroups = adapter.catalog.entries.some((entry) => entry.group !== undefined)
  const header = hasGroups
    ? '| code | vendor group | status | kind | reason | retryable | the vendor says |\n|---|---|---|---|---|---|---|'
    : '| code | status | kind | reason | retryable | the vendor says |\n|---|---|---|---|---|---|'
  const rows = adapter.catalog.entries.map((entry) => {
    const retryable = entry.retryable ?? kindTable[entry.kind].retryable
    const cells = [
      `\`${entry.code}\``,
      ...(hasGroups ? [entry.group === undefined ? '' : `\`${entry.group}\``] : []),
      entry.status === null ? '' : String(entry.status),
      `\`${entry.kind}\``,
      `\`${entry.reason}\``,
      retryable ? 'yes' : 'no',
      cell(entry.description),
    ]
    return `| ${cells.join(' | ')} |`
  })
  return [
    `<!-- Generated from the ${adapter.id} adapter's catalog by scripts/generate-vendor-docs.mjs. Do not edit by hand. -->`,
    `# ${title} (\`${adapter.id}\`)`,
    '',
    overview,
    '',
    `## Codes (${adapter.catalog.entries.length})`,
    '',
    header,
    ...rows,
    '',
    '## Normal form',
    '',
    'What `encode` always writes; `encode(decode(w))` gives back exactly such a `w` (law L1).',
    '',
    ...normalForm.map((line) => `- ${line}`),
    '',
    '## Rules and assumptions',
    '',
    ...notes.map((line) => `- ${line}`),
    '',
  ].join('\n')
}
