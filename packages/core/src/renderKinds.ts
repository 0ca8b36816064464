import { kindForStatus } from './statusFallback'
import { kinds, kindTable } from './kinds'

const fallbackStatuses = [401, 403, 404, 405, 408, 409, 410, 413, 415, 418, 429, 500, 501, 502, 503, 504]

/** The Markdown page of the kind vocabulary and the status fallback table, generated from the kind table. */
export function renderKindsMarkdown(): string {
  const kindRows = kinds.map((kind) => {
    const info = kindTable[kind]
    return `| \`${kind}\` | ${info.summary} | ${info.retryable ? 'yes' : 'no'} | ${info.usualStatus} | ${info.reasons.map((reason) => `\`${reason}\``).join(', ')} |`
  })
  const statusRows = fallbackStatuses.map((status) => {
    const { kind, reason } = kindForStatus(status)
    return `| ${status === 418 ? 'other 4xx' : status === 500 ? '500, other 5xx' : status} | \`${kind}\` | \`${reason}\` |`
  })
  return [
    '<!-- Generated from the kind table of @faultline/core by scripts/generate-vendor-docs.mjs. Do not edit by hand. -->',
    '# Kinds and reasons',
    '',
    'Every error has one `kind` (what happened, vendor-neutral) and a snake_case `reason` (finer, from the vocabulary',
    'below; adapters may add reasons). `retryable` starts from the kind\'s default and a vendor code may override it.',
    'The usual status is what an encoder writes for an error that has none.',
    '',
    '| kind | when | retryable by default | usual status | reasons |',
    '|---|---|---|---|---|',
    ...kindRows,
    '',
    '## When only the status is known',
    '',
    'An unknown code with no other clue, or a body that is no vendor envelope (an HTML 502 from a proxy, an empty',
    '503), is decided by the status alone, with `recognized: false`. Statuses below 400 with no error in the body',
    'are successes (`null`).',
    '',
    '| status | kind | reason |',
    '|---|---|---|',
    ...statusRows,
    '',
  ].join('\n')
}
