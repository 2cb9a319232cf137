import { h } from './dom';
import type { Change, Properties } from './queries';

const show = (v: unknown): string => (typeof v === 'string' && v !== '' ? v : JSON.stringify(v));

/** The properties of one side of a change, one `key: value` per line; changed keys marked. */
function side(props: Properties, other: Properties): HTMLElement {
  if (props === null) return h('span', { class: 'muted' }, '—');
  const keys = Object.keys(props).sort();
  return h(
    'ul',
    { class: 'props' },
    ...keys.map((k) => h('li', { class: other === null || show(other[k]) !== show(props[k]) ? 'changed' : null }, h('code', {}, k), ': ', show(props[k]))),
  );
}

/** What a proposal or an import changes: op, key, kind, before → after, and a conflict where there is one. */
export function diffTable(changes: readonly Change[], id?: string): HTMLTableElement {
  return h(
    'table',
    { id, class: 'diff' },
    h('thead', {}, h('tr', {}, ...['Op', 'Key', 'Kind', 'Before', '', 'After'].map((c) => h('th', { scope: 'col' }, c)))),
    h(
      'tbody',
      {},
      ...changes.map((c) =>
        h(
          'tr',
          { 'data-op': c.op, 'data-key': c.key, class: c.conflict ? 'conflict' : null },
          h('td', {}, h('span', { class: `op op-${c.op.toLowerCase()}` }, c.op)),
          h('td', {}, h('code', {}, c.key)),
          h('td', {}, c.kind),
          h('td', {}, side(c.before, c.after)),
          h('td', { 'aria-hidden': 'true' }, '→'),
          h('td', {}, side(c.after, c.before), c.conflict ? h('p', { class: 'conflict-note' }, `Conflict: ${c.conflict}`) : null),
        ),
      ),
    ),
  );
}
