/** A tiny element builder: h('div', { class: 'x' }, 'text', child). */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number | boolean | null | undefined> = {},
  ...children: (Node | string | null | undefined | false)[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    el.append(typeof c === 'string' ? document.createTextNode(c) : c);
  }
  return el;
}

/** Replaces all children of `el`. */
export function setChildren(el: Element, ...children: (Node | string | null | undefined | false)[]): void {
  el.replaceChildren(...children.filter((c): c is Node | string => c !== null && c !== undefined && c !== false));
}

/** Saves a Blob under `filename` through a local blob: URL (no request leaves the page). */
export function download(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = h('a', { href: url, download: filename });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** An http(s) address as a link that opens outside the page, anything else as text. */
export function linkOrText(value: string): Node {
  const parts = value.split(/\s*;\s*/);
  const frag = document.createDocumentFragment();
  parts.forEach((p, i) => {
    if (i > 0) frag.append('; ');
    if (/^https?:\/\/\S+$/.test(p)) frag.append(h('a', { href: p, target: '_blank', rel: 'noopener noreferrer' }, p));
    else frag.append(p);
  });
  return frag;
}
