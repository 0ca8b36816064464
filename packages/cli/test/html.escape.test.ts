import fc from 'fast-check'
import { parseFragment } from 'parse5'
import { describe, expect, it } from 'vitest'
import { escapeHtml, html, joinHtml, ownText, printableText, vendorText } from '../src/html/escape'
import { printable } from '../src/printable'

type FragmentNode = { nodeName: string; value?: string; attrs?: Array<{ name: string; value: string }>; childNodes?: FragmentNode[] }

// The nodes of a fragment, as a browser parses it in a table cell / a paragraph.
const fragment = (markup: string): FragmentNode[] => (parseFragment(markup) as unknown as FragmentNode).childNodes ?? []
const textOf = (node: FragmentNode): string => (node.nodeName === '#text' ? (node.value ?? '') : (node.childNodes ?? []).map(textOf).join(''))

// Characters the HTML parser itself rewrites in text (CR, NUL): left out where a round trip is compared.
const parserSafe = fc.string({ unit: fc.oneof(fc.constantFrom('<', '>', '&', '"', "'", '/', '!', '-', '[', ']', '=', ';', '#', 'x', ' '), fc.string({ unit: 'binary', maxLength: 1 })) }).map((text) => text.replace(/[\r\0]/g, ''))

const payloads = [
  '</script><script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "'><svg onload=alert(1)>",
  'javascript:alert(document.cookie)',
  '</style><style>*{display:none}</style>',
  '<!--',
  '--><p>',
  ']]><script>alert(1)</script>',
  '<![CDATA[x]]>',
  '&lt;script&gt;',
  '&#x3C;script&#x3E;',
  '\u202e\u2066gpj.exe\u2069',
  '</title><script>alert(1)</script>',
  '<svg><foreignObject><iframe src=javascript:alert(1)>',
]

describe('escapeHtml', () => {
  it('writes the five characters as entities, and nothing else differently', () => {
    expect(escapeHtml(`<a href="x" title='y'>&amp;</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;')
    expect(escapeHtml('plain ünïcödé 😀')).toBe('plain ünïcödé 😀')
  })

  it('for every string: parsed as text or as a quoted attribute, it is that string again, and makes no element', () => {
    fc.assert(
      fc.property(fc.oneof(parserSafe, fc.constantFrom(...payloads)), (text) => {
        const asText = fragment(`<p>${escapeHtml(text)}</p>`)
        expect(asText).toHaveLength(1)
        expect(asText[0]!.childNodes!.every((node) => node.nodeName === '#text')).toBe(true)
        expect(textOf(asText[0]!)).toBe(text)
        const asAttribute = fragment(`<p title="${escapeHtml(text)}"></p>`)
        expect(asAttribute[0]!.attrs).toEqual([{ name: 'title', value: text }])
        const inSvg = fragment(`<svg><text>${escapeHtml(text)}</text></svg>`)
        expect(textOf(inSvg[0]!)).toBe(text)
        expect(inSvg[0]!.childNodes).toHaveLength(1)
      }),
    )
  })
})

describe('html: the page template tag', () => {
  it('escapes and redacts interpolated strings as the terminal prints them; numbers, dates and Html as they are', () => {
    const code = 'sk_live_abcdef123456 <b>'
    expect(html`<td>${code}</td>`.markup).toBe('<td>[redacted:key] &lt;b&gt;</td>')
    expect(html`<td>${'\u001b[2J'}</td>`.markup).toBe('<td>\\u001b[2J</td>')
    expect(html`<td>${4463}</td><td>${Number.NaN}</td>`.markup).toBe('<td>4463</td><td>–</td>')
    expect(html`${new Date(Date.UTC(2026, 10, 23))}`.markup).toBe('2026-11-23T00:00:00.000Z')
    expect(html`<p>${html`<b>${'<i>'}</b>`}</p>`.markup).toBe('<p><b>&lt;i&gt;</b></p>')
    expect(html`<ul>${[html`<li>a</li>`, html`<li>b</li>`]}</ul>`.markup).toBe('<ul><li>a</li><li>b</li></ul>')
    expect(html`<p>${null}${undefined}</p>`.markup).toBe('<p></p>')
    expect(joinHtml([ownText('a<'), ownText('b')], ', ').markup).toBe('a&lt;, b')
  })

  it('own text is escaped, not redacted (dates would be); printable text is escaped only', () => {
    expect(ownText('2026-11-23 08:15:30').markup).toBe('2026-11-23 08:15:30')
    expect(html`${'2026-11-23 08:15:30'}`.markup).toContain('[redacted:')
    expect(printableText(printable('a\u001bb<')).markup).toBe('a\\u001bb&lt;')
    expect(vendorText('x'.repeat(300), 10).markup).toBe(`${'x'.repeat(10)}…`)
  })

  it('for every string: in a cell it is one text node, the terminal text of it, and never an element', () => {
    fc.assert(
      fc.property(fc.oneof(parserSafe, fc.constantFrom(...payloads), fc.string({ unit: 'binary' })), (text) => {
        const cell = fragment(`<table><tbody><tr>${html`<td class="x">${text}</td>`.markup}</tr></tbody></table>`)
        const td = cell[0]!.childNodes![0]!.childNodes![0]!.childNodes![0]!
        expect(td.nodeName).toBe('td')
        expect(td.childNodes!.every((node) => node.nodeName === '#text')).toBe(true)
        expect(textOf(td)).toBe(printable(text))
        // Nothing a terminal, or a bidi-aware renderer, acts on.
        // eslint-disable-next-line no-control-regex
        expect(textOf(td)).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/)
      }),
    )
  })
})
