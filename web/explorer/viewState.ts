/** The explorer's modes: the neighbourhood of a node, or what a change of it hits. */
export type Mode = 'neighbourhood' | 'impact';

/** What the URL holds, so that a view can be shared: /explore?node=bundid&mode=impact&depth=6. */
export interface ViewState {
  node: string | null;
  mode: Mode;
  /** Hops of the neighbourhood (1..3) or of the impact analysis (1..10). */
  depth: number;
}

export function parseViewState(search: string): ViewState {
  const p = new URLSearchParams(search);
  const mode: Mode = p.get('mode') === 'impact' ? 'impact' : 'neighbourhood';
  const max = mode === 'impact' ? 10 : 3;
  const raw = Number.parseInt(p.get('depth') ?? '', 10);
  const depth = Number.isFinite(raw) ? Math.min(max, Math.max(1, raw)) : mode === 'impact' ? 6 : 1;
  const node = p.get('node');
  return { node: node && node.length <= 300 ? node : null, mode, depth };
}

export function viewStateQuery(s: ViewState): string {
  const p = new URLSearchParams();
  if (s.node) p.set('node', s.node);
  p.set('mode', s.mode);
  p.set('depth', String(s.depth));
  return `?${p.toString()}`;
}
