import './explorer.css';
import { readPageConfig } from '../shared/pageConfig';
import { Explorer, type ExplorerElements } from './app';
import { h } from './dom';

/** Builds the page: a toolbar, the filters on the left, the canvas, the side panel on the right. */
function layoutPage(root: HTMLElement, version: string): ExplorerElements {
  const search = h('input', { id: 'search', type: 'search', placeholder: 'Search a node: BundID, FIT-Connect, Wohngeld …', autocomplete: 'off', 'aria-label': 'Search a node by name' });
  const results = h('ul', { id: 'search-results', role: 'listbox' });
  const neighbourhood = h('button', { type: 'button', id: 'mode-neighbourhood', 'aria-pressed': 'true' }, 'Neighbourhood');
  const impact = h('button', { type: 'button', id: 'mode-impact', 'aria-pressed': 'false' }, 'Impact');
  const depth = h('select', { id: 'depth', 'aria-label': 'Depth' });
  const relayout = h('button', { type: 'button', id: 'relayout', title: 'Lay the graph out again' }, 'Layout');
  const exportPng = h('button', { type: 'button', id: 'export-png' }, 'PNG');
  const exportJson = h('button', { type: 'button', id: 'export-json' }, 'JSON');
  const canvas = h('div', { id: 'canvas', 'aria-label': 'Graph' });
  const filters = h('aside', { id: 'filters' });
  const details = h('section', { id: 'details' }, h('p', { class: 'muted' }, 'Click a node to see its properties, provenance and relationships; double-click to expand it.'));
  const summary = h('section', { id: 'summary' });
  const status = h('div', { id: 'status', role: 'status' });
  const error = h('div', { id: 'error', role: 'alert', hidden: true });
  root.append(
    h(
      'header',
      { id: 'toolbar' },
      h('a', { href: '/', class: 'brand' }, 'dstack-graph'),
      h('span', { class: 'muted' }, ` Explorer ${version}`),
      h('div', { class: 'search' }, search, results),
      h('div', { class: 'group', role: 'group', 'aria-label': 'Mode' }, neighbourhood, impact),
      depth,
      relayout,
      h('div', { class: 'group', role: 'group', 'aria-label': 'Export' }, h('span', { class: 'muted' }, 'Export '), exportPng, exportJson),
      h('a', { href: '/graphql', class: 'nav' }, 'Playground'),
    ),
    error,
    h('main', {}, filters, h('div', { class: 'stage' }, canvas, status), h('aside', { id: 'side' }, summary, details)),
  );
  return { canvas, search, results, modeButtons: { neighbourhood, impact }, depth, filters, details, summary, status, error, exportPng, exportJson, relayout };
}

const config = readPageConfig();
const root = document.getElementById('root');
if (!root) throw new Error('the page has no #root element');
const explorer = new Explorer(config, layoutPage(root, config.version));
void explorer.start();
