/** Children h() and setChildren() take: nodes, text, and nothing (null, undefined, false are skipped). */
export type Child = Node | string | null | undefined | false;
type Attrs = Record<string, string | number | boolean | null | undefined>;

/** A tiny element builder: h('div', { class: 'x' }, 'text', child). */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  setAttrs(el, attrs);
  for (const c of children) if (c !== null && c !== undefined && c !== false) el.append(c);
  return el;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** The same for SVG: s('rect', { x: 1, y: 2, width: 3, height: 4 }). */
export function s<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG_NS, tag);
  setAttrs(el, attrs);
  for (const c of children) if (c !== null && c !== undefined && c !== false) el.append(c);
  return el;
}

function setAttrs(el: Element, attrs: Attrs): void {
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    el.setAttribute(k, v === true ? '' : String(v));
  }
}

/** Replaces all children of `el`. */
export function setChildren(el: Element, ...children: Child[]): void {
  el.replaceChildren(...children.filter((c): c is Node | string => c !== null && c !== undefined && c !== false));
}

/** A labelled form control: <div class="field"><label for=id>text</label>control<small>hint</small></div>. */
export function field(label: string, control: HTMLElement, hint?: string): HTMLDivElement {
  const hintId = hint ? `${control.id}-hint` : undefined;
  if (hintId) control.setAttribute('aria-describedby', hintId);
  return h('div', { class: 'field' }, h('label', { for: control.id }, label), control, hint ? h('small', { id: hintId, class: 'muted' }, hint) : null);
}

/** A <select> with `options` as [value, text] pairs, `selected` chosen. */
export function select(id: string, options: readonly (readonly [string, string])[], selected?: string): HTMLSelectElement {
  return h('select', { id, name: id }, ...options.map(([value, text]) => h('option', { value, selected: value === selected }, text)));
}

/** A small table: a header row and body rows of cells. */
export function table(attrs: Attrs, head: readonly string[], rows: readonly Child[][]): HTMLTableElement {
  return h(
    'table',
    attrs,
    h('thead', {}, h('tr', {}, ...head.map((c) => h('th', { scope: 'col' }, c)))),
    h('tbody', {}, ...rows.map((r) => h('tr', {}, ...r.map((c) => h('td', {}, c))))),
  );
}

/** Comma- or newline-separated text as a list of trimmed non-empty parts. */
export function splitList(text: string): string[] {
  return text
    .split(/[,\n]/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
}
