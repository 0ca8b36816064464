import { defaultRules, loadRules, type AlertRule, type RuleProblems } from '@faultline/alerting'
import { either as E } from 'fp-ts'
import { printable, printed } from './printable'
import { readBounded } from './readBounded'
import { exitCodes, messageOf, UsageError } from './usage'

/** The largest rules file read: a rule is a few hundred bytes, a large rule set a few hundred KiB. */
export const maxRulesFileBytes = 2 ** 26

/** How many of a rules file's problems are printed before the rest are counted ("and 139,980 more problems"). */
export const maxPrintedRuleProblems = 20

/** The problems of a rule set as one {@link UsageError} (exit code 1): a bounded list, each line printable. */
export function rulesProblems(source: string, problems: RuleProblems): UsageError {
  // `loadRules` bounds its list already (with a last line counting the rest); other lists are cut here.
  const shown =
    problems.length <= maxPrintedRuleProblems + 1
      ? problems
      : [...problems.slice(0, maxPrintedRuleProblems), `and ${(problems.length - maxPrintedRuleProblems).toLocaleString('en-US')} more problems`]
  return new UsageError(`${printed`invalid rules in ${source}:`}\n  ${shown.map((problem) => printable(problem, 300)).join('\n  ')}`, exitCodes.failed)
}

// The file's text, read no further than `maxRulesFileBytes` (a rules "file" may be a device or a pipe).
async function readRulesFile(path: string): Promise<string> {
  let text: string | undefined
  try {
    text = await readBounded(path, maxRulesFileBytes)
  } catch (error) {
    throw new UsageError(printed`cannot read rules file ${path}: ${messageOf(error)}`, exitCodes.failed)
  }
  if (text === undefined) throw new UsageError(printed`rules file ${path} is larger than ${maxRulesFileBytes / 2 ** 20} MiB: no rule set is`, exitCodes.failed)
  return text
}

/**
 * The rules of `--rules FILE`, or the default pack: JSON always; YAML (`.yaml`, `.yml`) through the `yaml`
 * package (a dependency, loaded only for such a file). Every problem is a {@link UsageError} with exit code 1
 * (2 when YAML cannot be read for want of the package), reported path-precisely and bounded: a file that cannot be read or parsed, a
 * value no rule file holds (`loadRules` answers for every value), or invalid rules.
 */
export async function readRules(path: string | undefined): Promise<ReadonlyArray<AlertRule>> {
  if (path === undefined) return defaultRules
  const text = await readRulesFile(path)
  let config: unknown
  if (/\.ya?ml$/i.test(path)) {
    const yaml = await import('yaml').catch(() => undefined)
    if (yaml === undefined) throw new UsageError(printed`reading ${path} needs the optional 'yaml' package (pnpm add yaml), or give the rules as JSON`, exitCodes.usage)
    try {
      config = yaml.parse(text)
    } catch (error) {
      throw new UsageError(printed`${path} is not valid YAML: ${messageOf(error)}`, exitCodes.failed)
    }
  } else {
    try {
      config = JSON.parse(text)
    } catch (error) {
      throw new UsageError(printed`${path} is not valid JSON: ${messageOf(error)}`, exitCodes.failed)
    }
  }
  const loaded = loadRules(config, { maxProblems: maxPrintedRuleProblems })
  if (E.isLeft(loaded)) throw rulesProblems(path, loaded.left)
  return loaded.right
}
