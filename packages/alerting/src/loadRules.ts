import * as t from 'io-ts'
import { either as E } from 'fp-ts'
import { AlertRuleCodec, type AlertRule } from './AlertRule'
import { placeholders, show, struct } from './codecs'
import { formatValidationErrors } from './report'

/**
 * What was wrong with a rule set: one path-precise line per problem, at most `maxProblems` of them; when
 * there were more, a last line counts the rest (`and 139,900 more problems`).
 */
export type RuleProblems = ReadonlyArray<string>

/** A rule set failed to load; `problems` holds one line per problem. */
export class AlertRuleError extends Error {
  override readonly name = 'AlertRuleError'
  constructor(readonly problems: RuleProblems) {
    super(`invalid alert rules:\n  ${problems.join('\n  ')}`)
  }
}

/** Options of {@link loadRules}. */
export interface LoadRulesOptions {
  /** How many problems to list before counting the rest in one last line. Default 100. */
  readonly maxProblems?: number
}

/**
 * How much of a value `loadRules` reads: far more than any rule file holds (a rule file is five levels deep
 * and a few hundred values long), and bounded whatever the value shares (a list holding one object a million
 * times), so that loading ends, in bounded time and memory, for every value.
 */
const bounds = {
  /** Levels of nesting read; a deeper list or object is replaced by a placeholder no codec accepts. */
  maxDepth: 8,
  /** Values read (objects, lists, strings, numbers, ...), counted each time they are reached. */
  maxValues: 2 ** 20,
  /** Characters of strings and keys read. */
  maxTextLength: 2 ** 26,
  /** Characters of one problem line (a path made of a long key is cut in its middle). */
  maxProblemLength: 1_000,
} as const

const defaultMaxProblems = 100

/** Problems found so far: the first `max` kept, the others counted. */
class ProblemList {
  readonly lines: string[] = []
  total = 0
  constructor(private readonly max: number) {}
  add(line: string): void {
    this.total++
    if (this.lines.length < this.max) {
      this.lines.push(
        line.length <= bounds.maxProblemLength ? line : `${line.slice(0, bounds.maxProblemLength / 2)}…${line.slice(-bounds.maxProblemLength / 2)}`,
      )
    }
  }
  result(): RuleProblems {
    const more = this.total - this.lines.length
    return more > 0 ? [...this.lines, `and ${more.toLocaleString('en-US')} more problem${more === 1 ? '' : 's'}`] : this.lines
  }
}

type Path = ReadonlyArray<string | number>

// The path as the codec reporter writes it: `rules[2].threshold.count`.
const pathText = (path: Path): string =>
  path.length === 0 ? '(root)' : path.map((key, i) => (typeof key === 'number' ? `[${key}]` : i === 0 ? key : `.${key}`)).join('')

// What a getter, a Proxy trap or a revoked Proxy threw, in a few words (reading the exception may throw too).
function describeThrown(error: unknown): string {
  try {
    const message = typeof error === 'object' && error !== null ? (error as { message?: unknown }).message : error
    return show(typeof message === 'string' ? message : error)
  } catch {
    return 'an exception that cannot be read'
  }
}

const unreadable = Symbol('unreadable')

/**
 * A copy of a configuration value as plain data: lists and plain objects (own enumerable string keys) that no
 * getter or Proxy stands behind, no deeper than {@link bounds}.maxDepth, cycles, deeper parts and binary data
 * replaced by {@link placeholders}. Every read is guarded: a read that throws is a problem at its path. The
 * codecs then run on data that cannot throw, overflow the stack or take time beyond the bounds.
 */
class PlainCopy {
  values = 0
  textLength = 0
  tooLarge = false
  private readonly ancestors = new Set<object>()
  constructor(readonly problems: ProblemList) {}

  private count(text: number): boolean {
    this.values++
    this.textLength += text
    if (this.values > bounds.maxValues || this.textLength > bounds.maxTextLength) this.tooLarge = true
    return !this.tooLarge
  }

  read<A>(path: Path, get: () => A): A | typeof unreadable {
    try {
      return get()
    } catch (error) {
      this.problems.add(`${pathText(path)}: reading it threw ${describeThrown(error)}`)
      return unreadable
    }
  }

  of(value: unknown, path: Path): unknown {
    if (!this.count(typeof value === 'string' ? value.length : 0)) return undefined
    if (typeof value !== 'object' || value === null) return value
    if (this.ancestors.has(value)) return placeholders.cycle
    if (path.length >= bounds.maxDepth) return placeholders.tooDeep
    // Index keys a typed array or a String object only pretends to hold: a byte each, unbounded.
    const kind = this.read(path, () => (ArrayBuffer.isView(value) || value instanceof String ? 'opaque' : Array.isArray(value) ? 'list' : 'object'))
    if (kind === unreadable) return undefined
    if (kind === 'opaque') return placeholders.opaque
    this.ancestors.add(value)
    const copy = kind === 'list' ? this.list(value as ReadonlyArray<unknown>, path) : this.record(value as Readonly<Record<string, unknown>>, path)
    this.ancestors.delete(value)
    return copy
  }

  private list(list: ReadonlyArray<unknown>, path: Path): unknown[] {
    const copy: unknown[] = []
    // Number(): a Proxy's `length` may be anything, even an object whose valueOf throws.
    const length = this.read(path, () => Number(list.length))
    if (length === unreadable) return copy
    for (let index = 0; index < length && !this.tooLarge; index++) {
      const at = [...path, index]
      const element = this.read(at, () => list[index])
      copy.push(element === unreadable ? undefined : this.of(element, at))
    }
    return copy
  }

  private record(record: Readonly<Record<string, unknown>>, path: Path): Record<string, unknown> {
    const copy: Record<string, unknown> = {}
    const keys = this.read(path, () => Object.keys(record))
    if (keys === unreadable) return copy
    for (const key of keys) {
      if (!this.count(key.length)) break
      const at = [...path, key]
      const element = this.read(at, () => record[key])
      if (element === unreadable) continue
      const value = this.of(element, at)
      // A key `__proto__` (JSON.parse makes one) stays a key instead of setting the copy's prototype.
      if (key === '__proto__') Object.defineProperty(copy, key, { value, enumerable: true, writable: true, configurable: true })
      else copy[key] = value
    }
    return copy
  }
}

const RuleList = /*#__PURE__*/ t.readonlyArray(t.unknown, 'a list of alert rules')
const RuleFileShape = /*#__PURE__*/ struct('a rule file object', { rules: RuleList })

function duplicateIds(rules: ReadonlyArray<AlertRule>, problems: ProblemList): void {
  const first = new Map<string, number>()
  rules.forEach((rule, index) => {
    const earlier = first.get(rule.id)
    if (earlier === undefined) first.set(rule.id, index)
    else problems.add(`rules[${index}].id: duplicate id ${JSON.stringify(rule.id)} (also rules[${earlier}].id)`)
  })
}

// Each rule on its own, so that the codec's errors of one rule are all that is held at a time.
function validate(file: unknown, problems: ProblemList): ReadonlyArray<AlertRule> {
  const root: t.Context = [{ key: '', type: RuleFileShape, actual: file }]
  const shape = RuleFileShape.validate(file, root)
  const list = typeof file === 'object' && file !== null && !Array.isArray(file) ? (file as { rules?: unknown }).rules : undefined
  const rules: AlertRule[] = []
  if (Array.isArray(list)) {
    const context = t.appendContext(root, 'rules', RuleList, list)
    list.forEach((element: unknown, index) => {
      const rule = AlertRuleCodec.validate(element, t.appendContext(context, String(index), AlertRuleCodec, element))
      if (E.isLeft(rule)) for (const line of formatValidationErrors(rule.left)) problems.add(line)
      else rules.push(rule.right)
    })
  }
  // Problems of the file itself after those of its rules, as the codec of the whole file orders them.
  if (E.isLeft(shape)) for (const line of formatValidationErrors(shape.left)) problems.add(line)
  if (problems.total === 0) duplicateIds(rules, problems)
  return rules
}

/**
 * Validates alert rules from configuration: either `{ rules: [...] }` or a bare list, as parsed from JSON
 * or YAML. Returns the rules, or the problems as path-precise lines (at most `maxProblems`, then a count of
 * the rest). Never throws, whatever `config` is: a cycle, a list nested 200,000 deep, a getter or Proxy that
 * throws (`rules[0].summary: reading it threw "..."`), a value far larger than a rule file.
 *
 * @example
 * import { parse } from 'yaml'
 * const loaded = loadRules(parse(readFileSync('alerts.yaml', 'utf8')))
 * if (E.isLeft(loaded)) console.error(loaded.left.join('\n'))
 * // rules[2].threshold.count: expected a positive integer, got -1
 */
export function loadRules(config: unknown, options: LoadRulesOptions = {}): E.Either<RuleProblems, ReadonlyArray<AlertRule>> {
  const maxProblems = options.maxProblems !== undefined && options.maxProblems >= 0 ? Math.floor(options.maxProblems) : defaultMaxProblems
  const problems = new ProblemList(maxProblems)
  try {
    const plain = new PlainCopy(problems)
    const bareList = plain.read([], () => Array.isArray(config))
    if (bareList === unreadable) return E.left(problems.result())
    const copy = plain.of(config, bareList ? ['rules'] : [])
    if (plain.tooLarge) {
      return E.left([
        `(root): too large for a rule file: more than ${bounds.maxValues.toLocaleString('en-US')} values or ${bounds.maxTextLength.toLocaleString('en-US')} characters of text`,
      ])
    }
    if (problems.total > 0) return E.left(problems.result())
    const rules = validate(bareList ? { rules: copy } : copy, problems)
    return problems.total > 0 ? E.left(problems.result()) : E.right(rules)
  } catch (error) {
    // Not reached by any value we know of; the promise "never throws" does not rest on that.
    return E.left([`(root): could not be validated: ${describeThrown(error)}`])
  }
}

/**
 * {@link loadRules}, throwing an {@link AlertRuleError} that lists every problem.
 *
 * @example
 * const rules = loadRulesOrThrow(JSON.parse(readFileSync('alerts.json', 'utf8')))
 */
export function loadRulesOrThrow(config: unknown): ReadonlyArray<AlertRule> {
  const loaded = loadRules(config)
  if (E.isLeft(loaded)) throw new AlertRuleError(loaded.left)
  return loaded.right
}
