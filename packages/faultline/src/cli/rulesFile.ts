import { readFile } from 'node:fs/promises'
import { defaultRules, loadRules, type AlertRule } from '@faultline/alerting'
import { either as E } from 'fp-ts'
import { UsageError } from './usage'

/**
 * The rules of `--rules FILE`, or the default pack: JSON always; YAML (`.yaml`, `.yml`) when the optional
 * `yaml` package is installed. Problems are reported path-precisely.
 */
export async function readRules(path: string | undefined): Promise<ReadonlyArray<AlertRule>> {
  if (path === undefined) return defaultRules
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    throw new UsageError(`cannot read rules file ${path}: ${(error as Error).message}`, 1)
  }
  let config: unknown
  if (/\.ya?ml$/i.test(path)) {
    const yaml = await import('yaml').catch(() => undefined)
    if (yaml === undefined) throw new UsageError(`reading ${path} needs the optional 'yaml' package (pnpm add yaml), or give the rules as JSON`, 2)
    try {
      config = yaml.parse(text)
    } catch (error) {
      throw new UsageError(`${path} is not valid YAML: ${(error as Error).message}`, 1)
    }
  } else {
    try {
      config = JSON.parse(text)
    } catch (error) {
      throw new UsageError(`${path} is not valid JSON: ${(error as Error).message}`, 1)
    }
  }
  const loaded = loadRules(config)
  if (E.isLeft(loaded)) throw new UsageError(`invalid rules in ${path}:\n  ${loaded.left.join('\n  ')}`, 1)
  return loaded.right
}
