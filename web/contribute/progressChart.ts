import { h, s } from './dom';
import type { ProgressPoint } from './queries';

/** The adoption statuses in stacking order (bottom up), with their names in the legend. */
export const STATUSES = [
  { key: 'inUse', name: 'in use' },
  { key: 'piloting', name: 'piloting' },
  { key: 'planned', name: 'planned' },
  { key: 'retired', name: 'retired' },
] as const satisfies readonly { key: keyof Omit<ProgressPoint, 'period'>; name: string }[];

const W = 340;
const H = 210;
const M = { top: 10, right: 8, bottom: 52, left: 34 };

/** Integer ticks from 0 to at least `max`: about four steps of 1, 2, 5, 10, 20, 50, ... */
export function ticks(max: number): number[] {
  const top = Math.max(1, max);
  const raw = top / 4;
  const mag = 10 ** Math.floor(Math.log10(Math.max(1, raw)));
  const step = Math.max(1, [1, 2, 5, 10].map((m) => m * mag).find((st) => st >= raw) ?? 10 * mag);
  const out: number[] = [];
  for (let v = 0; v < top + step; v += step) out.push(v);
  return out;
}

/** The total of a point over every status. */
export const pointTotal = (p: ProgressPoint): number => STATUSES.reduce((n, st) => n + p[st.key], 0);

/**
 * One stacked bar chart of a time series (hand-written SVG): a bar per period, one segment per
 * status, the y axis shared by every chart of the page (`yMax`) so that heights compare.
 */
export function progressChart(title: string, points: readonly ProgressPoint[], yMax: number): SVGSVGElement {
  const ys = ticks(yMax);
  const top = ys[ys.length - 1] ?? 1;
  const plotW = W - M.left - M.right;
  const plotH = H - M.top - M.bottom;
  const band = plotW / Math.max(1, points.length);
  const barW = Math.max(2, Math.min(28, band * 0.7));
  const y = (v: number): number => M.top + plotH - (v / top) * plotH;
  const labelEvery = Math.max(1, Math.ceil(points.length / 8));
  const last = points[points.length - 1];
  const summary = last ? `${title}: at ${last.period} ${STATUSES.map((st) => `${last[st.key]} ${st.name}`).join(', ')}` : `${title}: no periods`;
  const svg = s('svg', { viewBox: `0 0 ${W} ${H}`, width: W, height: H, role: 'img', 'aria-label': summary, class: 'chart' }, s('title', {}, summary));
  // y axis: grid lines and tick labels
  for (const v of ys) {
    svg.append(s('line', { x1: M.left, x2: W - M.right, y1: y(v), y2: y(v), class: v === 0 ? 'axis' : 'grid' }));
    svg.append(s('text', { x: M.left - 4, y: y(v) + 3, 'text-anchor': 'end', class: 'tick' }, String(v)));
  }
  svg.append(s('text', { x: 10, y: M.top + plotH / 2, transform: `rotate(-90 10 ${M.top + plotH / 2})`, 'text-anchor': 'middle', class: 'axis-label' }, 'organisations'));
  points.forEach((p, i) => {
    const x = M.left + i * band + (band - barW) / 2;
    let base = 0;
    const bar = s('g', { class: 'bar', 'data-period': p.period });
    for (const st of STATUSES) {
      const v = p[st.key];
      if (v > 0) bar.append(s('rect', { x, y: y(base + v), width: barW, height: y(base) - y(base + v), class: `seg seg-${st.key}`, 'data-status': st.key, 'data-value': v }, s('title', {}, `${p.period}: ${v} ${st.name}`)));
      base += v;
    }
    svg.append(bar);
    if (i % labelEvery === 0 || i === points.length - 1) {
      const lx = M.left + i * band + band / 2;
      const ly = M.top + plotH + 12;
      svg.append(s('text', { x: lx, y: ly, transform: `rotate(-40 ${lx} ${ly})`, 'text-anchor': 'end', class: 'tick' }, p.period));
    }
  });
  return svg;
}

/** The legend of the statuses (the same colours as the charts). */
export function legend(): HTMLElement {
  return h('ul', { class: 'legend', 'aria-label': 'Legend' }, ...STATUSES.map((st) => h('li', {}, h('span', { class: `swatch seg-${st.key}`, 'aria-hidden': 'true' }), st.name)));
}
