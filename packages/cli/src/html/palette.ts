import type { Severity } from '@faultline/alerting'
import { kinds } from '@faultline/core'
import { Html, html, ownText } from './escape'

/**
 * The report's colours and patterns. Each kind has one colour and one pattern everywhere on the page (so the
 * charts read without colour too, with their legends and titles); each severity likewise.
 */

/** The colour of each kind, in the contract's order of kinds. */
const kindColours: Readonly<Record<string, string>> = {
  authentication: '#d1495b',
  permission: '#ed7d3a',
  invalid_request: '#e8b530',
  not_found: '#9a6fb0',
  conflict: '#e88fb0',
  rate_limited: '#8c6048',
  timeout: '#53a9a4',
  unavailable: '#3b6fb6',
  internal: '#4f9a46',
  pending: '#a7a19b',
  action_required: '#97c96b',
  transport: '#2f6f6a',
  signature: '#c0508a',
  unknown: '#6b6461',
}
const otherColour = '#888888'

type Marks = 'solid' | 'diagonal' | 'dots' | 'horizontal' | 'cross'
const marksInOrder: ReadonlyArray<Marks> = ['solid', 'diagonal', 'dots', 'horizontal', 'cross']

const kindIndex = (kind: string): number => {
  const index = kinds.indexOf(kind as never)
  return index === -1 ? kinds.length : index
}

/** The colour of a kind (a kind outside the contract gets grey). */
export const kindColour = (kind: string): string => kindColours[kind] ?? otherColour

/** The id of a kind's fill pattern: `kind-3`. */
export const kindPatternId = (kind: string): string => `kind-${kindIndex(kind)}`

/** The fill of a kind's marks, to use in `fill="..."`. */
export const kindFill = (kind: string): string => `url(#${kindPatternId(kind)})`

/** The colours of the severities: page red, ticket amber, info blue. */
export const severityColours: Readonly<Record<Severity, string>> = { page: '#c0392b', ticket: '#d98a00', info: '#2e77b8' }
const severityMarks: Readonly<Record<Severity, Marks>> = { page: 'solid', ticket: 'diagonal', info: 'dots' }

export const severityFill = (severity: Severity): string => `url(#severity-${severity})`

/** One pattern: the colour, and white marks over it. */
function pattern(id: string, colour: string, marks: Marks): Html {
  const paint = html`<rect width="8" height="8" fill="${ownText(colour)}"/>`
  const ink = 'stroke="#ffffff" stroke-opacity="0.6"'
  const shapes: Record<Marks, string> = {
    solid: '',
    diagonal: `<path d="M-2,2 l4,-4 M0,8 l8,-8 M6,10 l4,-4" ${ink} stroke-width="1.4"/>`,
    dots: '<circle cx="2" cy="2" r="1.3" fill="#ffffff" fill-opacity="0.65"/><circle cx="6" cy="6" r="1.3" fill="#ffffff" fill-opacity="0.65"/>',
    horizontal: `<path d="M0,2 h8 M0,6 h8" ${ink} stroke-width="1.2"/>`,
    cross: `<path d="M0,0 l8,8 M8,0 l-8,8" ${ink} stroke-width="1"/>`,
  }
  return html`<pattern id="${ownText(id)}" width="8" height="8" patternUnits="userSpaceOnUse">${paint}${Html.trusted(shapes[marks])}</pattern>`
}

/** The patterns every chart fills with, defined once in an invisible SVG at the top of the page. */
export function patternDefinitions(): Html {
  const kindPatterns = [...kinds, 'other'].map((kind, index) => pattern(kindPatternId(kind), kindColour(kind), marksInOrder[index % marksInOrder.length]!))
  const severityPatterns = (['page', 'ticket', 'info'] as const).map((severity) => pattern(`severity-${severity}`, severityColours[severity], severityMarks[severity]))
  return html`<svg class="defs" width="0" height="0" aria-hidden="true" focusable="false"><defs>${kindPatterns}${severityPatterns}</defs></svg>`
}

/** A small square of a fill, for legends and tables. */
export const swatch = (fill: string): Html =>
  html`<svg class="swatch" width="14" height="14" viewBox="0 0 14 14" aria-hidden="true" focusable="false"><rect x="0.5" y="0.5" width="13" height="13" rx="2" fill="${ownText(fill)}" stroke="#00000033"/></svg>`
