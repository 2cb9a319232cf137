import type { Css } from 'cytoscape';

/** Colour and shape per node label: the legend, the filters and the canvas use this one table. */
export const LABEL_STYLE: Record<string, { color: string; shape: Css.NodeShape }> = {
  Component: { color: '#2563eb', shape: 'round-rectangle' },
  Standard: { color: '#7c3aed', shape: 'diamond' },
  Service: { color: '#059669', shape: 'ellipse' },
  OzgService: { color: '#10b981', shape: 'ellipse' },
  LifeSituation: { color: '#34d399', shape: 'ellipse' },
  Topic: { color: '#065f46', shape: 'ellipse' },
  Organization: { color: '#d97706', shape: 'hexagon' },
  Layer: { color: '#64748b', shape: 'tag' },
  IntegrationPoint: { color: '#0891b2', shape: 'octagon' },
  Stack: { color: '#be185d', shape: 'barrel' },
  Requirement: { color: '#dc2626', shape: 'triangle' },
  Exception: { color: '#f87171', shape: 'vee' },
  Criterion: { color: '#a16207', shape: 'star' },
  BuildingBlock: { color: '#4f46e5', shape: 'round-pentagon' },
  Kpi: { color: '#ca8a04', shape: 'rhomboid' },
  Milestone: { color: '#9333ea', shape: 'round-tag' },
  Decision: { color: '#0f766e', shape: 'cut-rectangle' },
  ReferencePattern: { color: '#0f766e', shape: 'round-octagon' },
};

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
