/**
 * Every TypeScript snippet of the docs a user reads (README.md, docs/ recursively, each package's README.md)
 * compiles under the repository's strict settings, as a module of its own, against the packages' sources.
 *
 * A snippet may use names of the reader's own program (their client, their logger, the response they hold): it
 * declares them in a `<!-- prelude: ... -->` comment right above its fence, in ambient declarations only
 * (`declare const`, `declare function`, `interface`, `type`, `import type`), so the prelude adds types and no
 * code: what the reader copies is what is checked. Other languages (sh, yaml, json) are not checked.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const root = fileURLToPath(new URL('../../../', import.meta.url))

/** The Markdown a user reads: README.md, every page under docs/ (but the generated API reference), package READMEs. */
function documents(): string[] {
  const pages: string[] = ['README.md']
  const walk = (dir: string): void => {
    for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
      const path = `${dir}/${entry.name}`
      if (entry.isDirectory()) {
        if (path !== 'docs/api') walk(path)
      } else if (entry.name.endsWith('.md')) pages.push(path)
    }
  }
  walk('docs')
  for (const entry of readdirSync(join(root, 'packages'), { withFileTypes: true })) {
    if (entry.isDirectory()) pages.push(`packages/${entry.name}/README.md`)
  }
  return pages.filter((page) => existsSync(join(root, page))).sort()
}

interface Snippet {
  /** The Markdown file, relative to the repository root. */
  readonly doc: string
  /** 1-based index among the checked blocks of `doc`. */
  readonly index: number
  /** 1-based line of the first code line in `doc`. */
  readonly line: number
  readonly code: string
  /** Ambient declarations of the reader's surroundings, from the `<!-- prelude: ... -->` comment above the fence. */
  readonly prelude: string
}

const checkedLanguages: ReadonlySet<string> = new Set(['ts', 'typescript', 'mts', 'cts'])

/** The fenced TypeScript blocks of a Markdown text, with their preludes. */
function snippetsOf(doc: string, text: string): Snippet[] {
  const lines = text.split('\n')
  const snippets: Snippet[] = []
  for (let i = 0; i < lines.length; i++) {
    const open = /^\s*(`{3,}|~{3,})\s*([^\s`]*)/.exec(lines[i]!)
    if (open === null) continue
    const fence = open[1]!
    let end = i + 1
    while (end < lines.length && !new RegExp(`^\\s*${fence[0]}{${fence.length},}\\s*$`).test(lines[end]!)) end++
    if (checkedLanguages.has(open[2]!.toLowerCase())) {
      snippets.push({ doc, index: snippets.length + 1, line: i + 2, code: lines.slice(i + 1, end).join('\n'), prelude: preludeAbove(lines, i) })
    }
    i = end
  }
  return snippets
}

/** The body of a `<!-- prelude: ... -->` comment that ends on the line right above the fence at `fence`. */
function preludeAbove(lines: ReadonlyArray<string>, fence: number): string {
  if (fence === 0 || !lines[fence - 1]!.trimEnd().endsWith('-->')) return ''
  let start = fence - 1
  while (start > 0 && !lines[start]!.includes('<!--')) start--
  const comment = /^\s*<!--\s*prelude:([\s\S]*)-->\s*$/.exec(lines.slice(start, fence).join('\n'))
  return comment === null ? '' : comment[1]!.trim()
}

/** What is wrong with a prelude: each statement must be an ambient declaration, so that it adds no code. */
function preludeProblems(prelude: string): string[] {
  const source = ts.createSourceFile('prelude.ts', prelude, ts.ScriptTarget.ES2022, true)
  return source.statements.flatMap((statement) => {
    const declared = ts.canHaveModifiers(statement) && (ts.getModifiers(statement) ?? []).some((modifier) => modifier.kind === ts.SyntaxKind.DeclareKeyword)
    const typeOnly =
      ts.isInterfaceDeclaration(statement) ||
      ts.isTypeAliasDeclaration(statement) ||
      (ts.isImportDeclaration(statement) && statement.importClause?.isTypeOnly === true)
    return declared || typeOnly ? [] : [`not an ambient declaration: ${statement.getText(source).split('\n')[0]}`]
  })
}

const snippets = documents().flatMap((doc) => snippetsOf(doc, readFileSync(join(root, doc), 'utf8')))

// A snippet that must fail, compiled with the others: proves that a failure is seen and placed on its line.
const canaries = snippetsOf('canary.md', '# Canary\n<!-- prelude: declare const n: number | null -->\n```ts\nconst m: number = n\n```\n\n```sh\nls\n```\n')
const canary = canaries[0]!

/** The repository's compiler options: tsconfig.json (tsconfig.base.json's strict settings, the workspace paths). */
function compilerOptions(): ts.CompilerOptions {
  const configPath = join(root, 'tsconfig.json')
  const config = ts.readConfigFile(configPath, ts.sys.readFile)
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, root, undefined, configPath)
  // A snippet is a module of its own (as when pasted into a file of an ESM project), even without an import.
  return { ...parsed.options, noEmit: true, moduleDetection: ts.ModuleDetectionKind.Force }
}

// A snippet's bare imports (axios, got, yaml, prom-client...) resolve as from the tests of the package that
// installs them as a dev dependency: faultline's first (the HTTP clients), then the others'.
const importHomes = ['faultline', ...readdirSync(join(root, 'packages')).filter((name) => name !== 'faultline')].map((name) =>
  join(root, 'packages', name, 'test', 'index.ts'),
)

let directory = ''
let program: ts.Program
const fileOf = (snippet: Snippet): string => join(directory, `${snippet.doc.replace(/[/\\]/g, '__')}.${snippet.index}.ts`)

function compile(): ts.Program {
  directory = mkdtempSync(join(tmpdir(), 'faultline-doc-snippets-'))
  for (const snippet of [...snippets, canary]) {
    writeFileSync(fileOf(snippet), snippet.prelude === '' ? `${snippet.code}\n` : `${snippet.prelude}\n${snippet.code}\n`)
  }
  const options = compilerOptions()
  const host = ts.createCompilerHost(options)
  host.getCurrentDirectory = () => root
  const cache = ts.createModuleResolutionCache(root, host.getCanonicalFileName, options)
  host.resolveModuleNameLiterals = (literals, containingFile, redirected, resolveOptions) =>
    literals.map((literal) => {
      if (!containingFile.startsWith(directory)) {
        return ts.resolveModuleName(literal.text, containingFile, resolveOptions, host, cache, redirected)
      }
      let resolved: ts.ResolvedModuleWithFailedLookupLocations | undefined
      for (const home of importHomes) {
        resolved = ts.resolveModuleName(literal.text, home, resolveOptions, host, cache, redirected)
        if (resolved.resolvedModule !== undefined) break
      }
      return resolved!
    })
  return ts.createProgram({ rootNames: [...snippets, canary].map(fileOf), options, host })
}

/** The compiler's complaints about a snippet, each as `doc:line block #n: TSxxxx message`. */
function diagnosticsOf(snippet: Snippet): string[] {
  const source = program.getSourceFile(fileOf(snippet))
  if (source === undefined) return [`${snippet.doc} block #${snippet.index}: not compiled`]
  const preludeLines = snippet.prelude === '' ? 0 : snippet.prelude.split('\n').length
  return [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)].map((diagnostic) => {
    const line = diagnostic.start === undefined ? 0 : source.getLineAndCharacterOfPosition(diagnostic.start).line
    const where = line < preludeLines ? 'its prelude' : `line ${snippet.line + line - preludeLines}`
    return `${snippet.doc} block #${snippet.index} (${where}): TS${diagnostic.code} ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`
  })
}

describe('TypeScript snippets of the docs', { timeout: 60_000 }, () => {
  beforeAll(() => {
    program = compile()
  }, 60_000)
  afterAll(() => {
    if (directory !== '') rmSync(directory, { recursive: true, force: true })
  })

  it('finds the snippets of README.md, the recipes, the contract and the package READMEs', () => {
    const docs = new Set(snippets.map((snippet) => snippet.doc))
    for (const doc of ['README.md', 'docs/contract.md', 'docs/recipes/fetch.md', 'docs/recipes/typed-errors.md', 'docs/alerting.md', 'packages/core/README.md']) {
      expect(docs).toContain(doc)
    }
    expect(snippets.length).toBeGreaterThanOrEqual(25)
  })

  it('compiles with the repository settings and no global errors', () => {
    const options = program.getCompilerOptions()
    expect(options).toMatchObject({ strict: true, exactOptionalPropertyTypes: true, noUncheckedIndexedAccess: true, verbatimModuleSyntax: true })
    expect([...program.getOptionsDiagnostics(), ...program.getGlobalDiagnostics()].map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'))).toEqual([])
  })

  it.each(snippets.map((snippet) => [`${snippet.doc} block #${snippet.index} (line ${snippet.line})`, snippet] as const))('%s compiles', (_, snippet) => {
    expect(preludeProblems(snippet.prelude)).toEqual([])
    expect(diagnosticsOf(snippet)).toEqual([])
  })

  it('reports a snippet that does not compile on its line, and a prelude that is not only declarations', () => {
    expect(canaries).toHaveLength(1) // the sh block is not checked
    expect(canary).toMatchObject({ index: 1, line: 4, prelude: 'declare const n: number | null', code: 'const m: number = n' })
    expect(diagnosticsOf(canary)).toEqual([
      "canary.md block #1 (line 4): TS2322 Type 'number | null' is not assignable to type 'number'.\n  Type 'null' is not assignable to type 'number'.",
    ])
    expect(preludeProblems('declare const response: Response\ninterface A { a: 1 }\nimport type { CanonicalError } from "faultline"')).toEqual([])
    expect(preludeProblems('declare const a: number\nconst response = await fetch("/")')).toEqual(['not an ambient declaration: const response = await fetch("/")'])
  })
})
