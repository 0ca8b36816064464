import type { Kind } from '@faultline/core'

/**
 * What a person is told about one kind of error: a sentence, and optional variants used when the error says
 * more. `{reference}` is replaced by the request id, `{wait}` by a duration in words ("30 seconds").
 */
export interface KindMessage {
  /** Always usable: says what happened and what to do. */
  readonly text: string
  /** Used when the request id is known; must contain `{reference}`. */
  readonly withReference?: string
  /** Used when the vendor says how long to wait; must contain `{wait}`. */
  readonly withWait?: string
}

/** A complete message table of one locale: one entry per kind. */
export type MessageTable = { readonly [K in Kind]: KindMessage }

/** English, the fallback of every other locale. */
export const english: MessageTable = {
  authentication: { text: 'Your session has ended. Please sign in again.' },
  permission: {
    text: "You don't have access to this. If you think you should, please contact support.",
    withReference: "You don't have access to this. If you think you should, please contact support and mention reference {reference}.",
  },
  invalid_request: { text: "Some of the information entered isn't valid. Please check the highlighted fields and try again." },
  not_found: { text: "We couldn't find what you were looking for. It may have been moved or removed." },
  conflict: { text: 'This was changed in the meantime, or it already exists. Please refresh the page and try again.' },
  rate_limited: {
    text: "We're receiving a lot of requests right now. Please wait a moment and try again.",
    withWait: "We're receiving a lot of requests right now. Please try again in {wait}.",
  },
  timeout: { text: 'This is taking longer than expected. Please try again in a few moments.' },
  unavailable: {
    text: 'The service is temporarily unavailable. Please try again later.',
    withWait: 'The service is temporarily unavailable. Please try again in {wait}.',
  },
  internal: {
    text: 'Something went wrong on our side. Please try again later, or contact support if it keeps happening.',
    withReference: 'Something went wrong on our side. Please try again later, or contact support with reference {reference} if it keeps happening.',
  },
  pending: {
    text: "This isn't ready yet. Please check back in a moment.",
    withWait: "This isn't ready yet. Please check back in {wait}.",
  },
  action_required: { text: 'For your security, please confirm this sign-in using the instructions we sent you, then try again.' },
  transport: { text: "We couldn't connect. Please check your internet connection and try again." },
  signature: {
    text: "We couldn't verify this request. Please contact support.",
    withReference: "We couldn't verify this request. Please contact support and mention reference {reference}.",
  },
  unknown: {
    text: 'Something unexpected happened. Please try again, or contact support if it keeps happening.',
    withReference: 'Something unexpected happened. Please try again, or contact support with reference {reference} if it keeps happening.',
  },
}

/** Spanish. */
export const spanish: MessageTable = {
  authentication: { text: 'Tu sesión ha finalizado. Vuelve a iniciar sesión.' },
  permission: {
    text: 'No tienes acceso a esto. Si crees que deberías tenerlo, contacta con soporte.',
    withReference: 'No tienes acceso a esto. Si crees que deberías tenerlo, contacta con soporte e indica la referencia {reference}.',
  },
  invalid_request: { text: 'Algunos datos introducidos no son válidos. Revisa los campos marcados e inténtalo de nuevo.' },
  not_found: { text: 'No hemos encontrado lo que buscabas. Es posible que se haya movido o eliminado.' },
  conflict: { text: 'Esto ha cambiado mientras tanto o ya existe. Actualiza la página e inténtalo de nuevo.' },
  rate_limited: {
    text: 'Estamos recibiendo muchas solicitudes en este momento. Espera un momento e inténtalo de nuevo.',
    withWait: 'Estamos recibiendo muchas solicitudes en este momento. Inténtalo de nuevo en {wait}.',
  },
  timeout: { text: 'Esto está tardando más de lo esperado. Inténtalo de nuevo en unos instantes.' },
  unavailable: {
    text: 'El servicio no está disponible temporalmente. Inténtalo de nuevo más tarde.',
    withWait: 'El servicio no está disponible temporalmente. Inténtalo de nuevo en {wait}.',
  },
  internal: {
    text: 'Algo ha fallado por nuestra parte. Inténtalo de nuevo más tarde o contacta con soporte si sigue ocurriendo.',
    withReference: 'Algo ha fallado por nuestra parte. Inténtalo de nuevo más tarde o contacta con soporte con la referencia {reference} si sigue ocurriendo.',
  },
  pending: {
    text: 'Todavía no está listo. Vuelve a comprobarlo en un momento.',
    withWait: 'Todavía no está listo. Vuelve a comprobarlo en {wait}.',
  },
  action_required: { text: 'Por tu seguridad, confirma este inicio de sesión con las instrucciones que te hemos enviado e inténtalo de nuevo.' },
  transport: { text: 'No hemos podido conectar. Comprueba tu conexión a internet e inténtalo de nuevo.' },
  signature: {
    text: 'No hemos podido verificar esta solicitud. Contacta con soporte.',
    withReference: 'No hemos podido verificar esta solicitud. Contacta con soporte e indica la referencia {reference}.',
  },
  unknown: {
    text: 'Ha ocurrido algo inesperado. Inténtalo de nuevo o contacta con soporte si sigue ocurriendo.',
    withReference: 'Ha ocurrido algo inesperado. Inténtalo de nuevo o contacta con soporte con la referencia {reference} si sigue ocurriendo.',
  },
}

/** The locales bundled with the package. */
export const bundledTables: Readonly<Record<string, MessageTable>> = { en: english, es: spanish }
