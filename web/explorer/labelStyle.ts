import type { Css } from 'cytoscape';
import { LABELS } from '../../src/model/labels';

/** Colour and shape per node label (declared with each label in src/model/labels.ts): the legend, the filters and the canvas use this one table. */
export const LABEL_STYLE: Record<string, { color: string; shape: Css.NodeShape }> = Object.fromEntries(Object.entries(LABELS).map(([label, spec]) => [label, spec.style]));

export const FALLBACK_STYLE = { color: '#6b7280', shape: 'ellipse' as Css.NodeShape };

export function styleOf(label: string): { color: string; shape: Css.NodeShape } {
  return LABEL_STYLE[label] ?? FALLBACK_STYLE;
}

/** Colours for impact distance 0 (the origin) .. 10: dark red near the origin, cooler further out. */
export const DISTANCE_COLORS = ['#7f1d1d', '#dc2626', '#f97316', '#f59e0b', '#eab308', '#84cc16', '#22c55e', '#14b8a6', '#06b6d4', '#3b82f6', '#8b5cf6'];

export function distanceColor(distance: number): string {
  return DISTANCE_COLORS[Math.max(0, Math.min(DISTANCE_COLORS.length - 1, distance))] as string;
}

/** Impact colours by severity: broken, degraded, only reached. */
export const SEVERITY_COLORS: Readonly<Record<string, string>> = { broken: '#b91c1c', degraded: '#f59e0b', reached: '#94a3b8' };
