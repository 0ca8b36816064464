import type { CanonicalError, Kind } from '@faultline/core'
import { supportReference } from './reference'
import { bundledTables, english, type KindMessage, type MessageTable } from './table'
import { waitInWords } from './wait'

/** Message tables to add or override: per locale (`fr`, `pt-BR`), any subset of kinds. */
export type MessageTables = Readonly<Record<string, Partial<Record<Kind, KindMessage>>>>

/** A locale, or the user's locales in order of preference (e.g. `navigator.languages`). */
export type LocalePreference = string | ReadonlyArray<string>

/** `userMessage` over a set of message tables. */
export interface UserMessages {
  /**
   * A short, friendly, non-technical sentence for a person: what happened and what to do. Never contains
   * vendor text: only the table's sentence, the request id (when it looks like an id) and a wait in words.
   */
  userMessage(error: CanonicalError, locale?: LocalePreference): string
  /** The locales with a table of their own. */
  readonly locales: ReadonlyArray<string>
}

const normalizeLocale = (locale: string): string => locale.trim().replace(/_/g, '-').toLowerCase()

/**
 * `userMessage` over the bundled tables (English and Spanish) and the caller's: a table of a new locale may
 * be partial (missing kinds fall back to its language, then to English); a bundled locale's kinds can be
 * overridden one by one.
 *
 * @example
 * const { userMessage } = createUserMessages({ fr: { authentication: { text: 'Votre session a expiré. Veuillez vous reconnecter.' } } })
 * userMessage(error, 'fr-CA') // -> 'Votre session a expiré. Veuillez vous reconnecter.'
 */
export function createUserMessages(tables: MessageTables = {}): UserMessages {
  const byLocale = new Map<string, Partial<Record<Kind, KindMessage>>>()
  for (const [locale, table] of Object.entries(bundledTables)) byLocale.set(normalizeLocale(locale), { ...table })
  for (const [locale, table] of Object.entries(tables)) {
    const key = normalizeLocale(locale)
    byLocale.set(key, { ...byLocale.get(key), ...table })
  }

  // The locale's own entry, else its language's, else English.
  const entryFor = (kind: Kind, preference: LocalePreference | undefined): { entry: KindMessage; locale: string } => {
    const wanted = typeof preference === 'string' ? [preference] : (preference ?? [])
    for (const locale of wanted) {
      const normalized = normalizeLocale(locale)
      for (const candidate of [normalized, normalized.split('-')[0]!]) {
        const entry = byLocale.get(candidate)?.[kind]
        if (entry !== undefined) return { entry, locale: candidate }
      }
    }
    return { entry: (byLocale.get('en') as MessageTable | undefined)?.[kind] ?? english[kind], locale: 'en' }
  }

  const userMessage: UserMessages['userMessage'] = (error, locale) => {
    const { entry, locale: found } = entryFor(error.kind, locale)
    const reference = supportReference(error.requestId)
    if (reference !== undefined && entry.withReference !== undefined) return entry.withReference.replace('{reference}', reference)
    const wait = waitInWords(error.retryAfter, found)
    if (wait !== undefined && entry.withWait !== undefined) return entry.withWait.replace('{wait}', wait)
    return entry.text
  }

  return { userMessage, locales: [...byLocale.keys()] }
}

const bundled = /*#__PURE__*/ createUserMessages()

/**
 * A patient-safe sentence for an error in English (default) or Spanish: what to do (try again later, sign in
 * again, check the form, contact support with the reference). Never includes the vendor's text.
 *
 * @example
 * userMessage(error)        // -> "We're receiving a lot of requests right now. Please try again in 30 seconds."
 * userMessage(error, 'es')  // -> 'Estamos recibiendo muchas solicitudes en este momento. Inténtalo de nuevo en 30 segundos.'
 */
export const userMessage: UserMessages['userMessage'] = bundled.userMessage
