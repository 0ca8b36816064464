import { canonicalError, kinds, type CanonicalError } from '@faultline/core'
import { canonicalErrorArbitrary } from '@faultline/testing'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { english, spanish } from '../src/table'
import { createUserMessages, userMessage } from '../src/userMessages'

const marker = fc.uuid().map((id) => `VENDOR-${id}`)

/** Any error whose every vendor-supplied text is a unique marker. */
const markedError = fc
  .tuple(canonicalErrorArbitrary(), fc.array(marker, { minLength: 8, maxLength: 8 }))
  .map(([error, [message, detail, vendorCode, vendorType, param, violation, docUrl, extension]]): { error: CanonicalError; markers: string[] } => ({
    error: {
      ...error,
      message: message!,
      detail: detail!,
      vendorCode: vendorCode!,
      vendorType: vendorType!,
      param: param!,
      docUrl: docUrl!,
      violations: error.violations.map((v) => ({ ...v, message: violation!, path: param! })),
      extensions: { note: extension! },
    } as CanonicalError,
    markers: [message!, detail!, vendorCode!, vendorType!, param!, violation!, docUrl!, extension!],
  }))

describe('userMessage', () => {
  it('says what to do, per kind, in English and Spanish', () => {
    const error = (kind: CanonicalError['kind']) => canonicalError({ kind, reason: 'unrecognized', vendor: 'medblocks' })
    expect(userMessage(error('authentication'))).toBe('Your session has ended. Please sign in again.')
    expect(userMessage(error('invalid_request'))).toBe("Some of the information entered isn't valid. Please check the highlighted fields and try again.")
    expect(userMessage(error('authentication'), 'es')).toBe('Tu sesión ha finalizado. Vuelve a iniciar sesión.')
    for (const kind of kinds) {
      expect(userMessage(error(kind)).length).toBeGreaterThan(20)
      expect(userMessage(error(kind), 'es-MX')).not.toBe(userMessage(error(kind), 'en'))
    }
  })

  it('gives the wait in words and the request id as a support reference', () => {
    const throttled = canonicalError({ kind: 'rate_limited', reason: 'throttled', vendor: 'medblocks', retryAfter: 30 })
    expect(userMessage(throttled)).toBe("We're receiving a lot of requests right now. Please try again in 30 seconds.")
    expect(userMessage({ ...throttled, retryAfter: 90 }, 'es')).toBe('Estamos recibiendo muchas solicitudes en este momento. Inténtalo de nuevo en 2 minutos.')
    expect(userMessage({ ...throttled, retryAfter: 200_000 })).toBe(english.rate_limited.text)
    const internal = canonicalError({ kind: 'internal', reason: 'internal_error', vendor: 'medable', requestId: 'req_8f2a91' })
    expect(userMessage(internal)).toBe('Something went wrong on our side. Please try again later, or contact support with reference req_8f2a91 if it keeps happening.')
    expect(userMessage({ ...internal, requestId: 'Jane Doe, born 1985-03-12' })).toBe(english.internal.text)
  })

  it('never includes vendor text, whatever the error', () => {
    fc.assert(
      fc.property(markedError, fc.constantFrom('en', 'es', 'es-AR', 'fr', undefined), ({ error, markers }, locale) => {
        const sentence = userMessage(error, locale)
        for (const text of markers) expect(sentence).not.toContain(text)
        expect(sentence).not.toMatch(/[{}]/)
        const table = locale?.startsWith('es') === true ? spanish : english
        const templates = Object.values(table[error.kind])
        expect(templates.some((template) => sentence.startsWith(template.split('{')[0]!))).toBe(true)
      }),
      { numRuns: 1000 },
    )
  })

  it('can be extended with new locales and overrides, falling back per kind', () => {
    const { userMessage: say, locales } = createUserMessages({
      fr: { authentication: { text: 'Votre session a expiré. Veuillez vous reconnecter.' } },
      en: { not_found: { text: 'Nothing here.' } },
    })
    const error = (kind: CanonicalError['kind']) => canonicalError({ kind, reason: 'unrecognized', vendor: 'x' })
    expect(locales).toEqual(['en', 'es', 'fr'])
    expect(say(error('authentication'), 'fr-CA')).toBe('Votre session a expiré. Veuillez vous reconnecter.')
    expect(say(error('timeout'), 'fr')).toBe(english.timeout.text)
    expect(say(error('not_found'), ['de', 'en-GB'])).toBe('Nothing here.')
    expect(say(error('timeout'), ['de', 'es'])).toBe(spanish.timeout.text)
    expect(userMessage(error('not_found'))).toBe(english.not_found.text)
  })
})
