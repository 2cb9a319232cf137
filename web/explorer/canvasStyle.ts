import type { StylesheetJson } from 'cytoscape';
import { LABEL_STYLE, SEVERITY_COLORS, distanceColor } from './labelStyle';

/** The Cytoscape stylesheet: colour and shape by label, impact colours by distance, evidence by line style. */
export function canvasStyle(): StylesheetJson {
  const byLabel = Object.entries(LABEL_STYLE).map(([label, s]) => ({
    selector: `node[label = "${label}"]`,
    style: { 'background-color': s.color, shape: s.shape },
  }));
  const byDistance = Array.from({ length: 11 }, (_, d) => ({
    selector: `node.impact[distance = ${d}]`,
    style: { 'background-color': distanceColor(d) },
  }));
  return [
    {
      selector: 'node',
      style: {
        label: 'data(name)',
        'font-size': 10,
        'min-zoomed-font-size': 7,
        'text-valign': 'bottom',
        'text-margin-y': 3,
        'text-wrap': 'ellipsis',
        'text-max-width': '120px',
        color: '#1f2937',
        'text-outline-color': '#ffffff',
        'text-outline-width': 2,
        width: 22,
        height: 22,
        'background-color': '#6b7280',
        'border-width': 0,
      },
    },
    ...byLabel,
    {
      selector: 'node[evidence = "inferred"]',
      style: { 'border-width': 2, 'border-style': 'dashed', 'border-color': '#374151' },
    },
    ...byDistance,
    { selector: 'node.impact', style: { 'border-width': 2, 'border-color': 'data(labelColor)', 'border-style': 'solid' } },
    // Coloured by what removing the origin would do (the default) instead of by distance.
    ...Object.entries(SEVERITY_COLORS).map(([severity, color]) => ({ selector: `node.impact.sev[severity = "${severity}"]`, style: { 'background-color': color } })),
    { selector: 'node.impact[hitEvidence = "inferred"]', style: { 'border-style': 'dashed', 'border-width': 3 } },
    { selector: 'node.origin', style: { width: 40, height: 40, 'font-size': 13, 'font-weight': 'bold', 'border-width': 4, 'border-color': '#111827' } },
    { selector: 'node:selected', style: { 'overlay-color': '#2563eb', 'overlay-opacity': 0.25, 'overlay-padding': 6 } },
    {
      selector: 'edge',
      style: {
        width: 1.5,
        'line-color': '#9ca3af',
        'target-arrow-color': '#9ca3af',
        'target-arrow-shape': 'triangle',
        'arrow-scale': 0.8,
        'curve-style': 'straight',
        'line-style': 'solid',
      },
    },
    { selector: 'edge[evidence = "inferred"]', style: { 'line-style': 'dashed', 'line-dash-pattern': [6, 4], 'line-color': '#f59e0b', 'target-arrow-color': '#f59e0b' } },
    { selector: 'edge.chain', style: { 'line-style': 'dotted', 'line-color': '#b91c1c', 'target-arrow-color': '#b91c1c' } },
    { selector: 'edge:selected', style: { width: 3, 'line-color': '#2563eb', 'target-arrow-color': '#2563eb' } },
    { selector: '.hidden', style: { display: 'none' } },
    { selector: '.faded', style: { opacity: 0.15 } },
  ];
}
