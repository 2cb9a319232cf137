import cytoscape, { type Core, type ElementDefinition, type LayoutOptions, type NodeSingular } from 'cytoscape';
import { ApiError, graphql } from '../shared/graphqlClient';
import type { PageConfig } from '../shared/pageConfig';
import { canvasStyle } from './canvasStyle';
import { download, h, linkOrText, setChildren } from './dom';
import { SEVERITY_COLORS, distanceColor, styleOf } from './labelStyle';
import { IMPACT, ITEM_PROFILE, NODE_DETAILS, SEARCH, SUBGRAPH, type Citation, type ImpactPage, type ImpactSummary, type ItemProfile, type SeverityCounts, type Subgraph, type SubgraphEdge, type SubgraphNode } from './queries';

import { parseViewState, viewStateQuery, type Mode, type ViewState } from './viewState';

export type { Mode, ViewState };

/** The page's parts, built by main.ts. */
export interface ExplorerElements {
  canvas: HTMLElement;
  search: HTMLInputElement;
  results: HTMLElement;
  modeButtons: Record<Mode, HTMLButtonElement>;
  depth: HTMLSelectElement;
  filters: HTMLElement;
  details: HTMLElement;
  summary: HTMLElement;
  status: HTMLElement;
  error: HTMLElement;
  exportPng: HTMLButtonElement;
  exportJson: HTMLButtonElement;
  relayout: HTMLButtonElement;
}

/** Impact pages are fetched 1,000 components and 1,000 services at a time. */
const IMPACT_PAGE = 1000;
/** Above this many nodes the layout is concentric (fast) instead of force-directed. */
const FORCE_LAYOUT_MAX = 250;

export class Explorer {
  readonly cy: Core;
  private state: ViewState;
  private readonly hiddenLabels = new Set<string>();
  private readonly hiddenTypes = new Set<string>();
  private readonly hiddenEvidence = new Set<string>();
  private impact: { originId: string; summary: ImpactSummary; severity: { components: SeverityCounts; services: SeverityCounts } | null; components: number; services: number; afterComponents: string | null; afterServices: string | null } | null = null;
  private selectedNeighbours: Subgraph | null = null;
  private searchTimer: number | undefined;
  private searchAbort: AbortController | null = null;
  private busyCount = 0;

  constructor(
    private readonly config: PageConfig,
    private readonly el: ExplorerElements,
  ) {
    this.state = parseViewState(window.location.search);
    this.cy = cytoscape({
      container: el.canvas,
      style: canvasStyle(),
      minZoom: 0.05,
      maxZoom: 4,
      textureOnViewport: true,
      hideEdgesOnViewport: false,
      pixelRatio: 1,
    });
    this.cy.on('tap', 'node', (e) => void this.select((e.target as NodeSingular).id()));
    this.cy.on('dbltap', 'node', (e) => void this.expand((e.target as NodeSingular).id()));
    this.cy.on('tap', 'edge', (e) => this.showEdge(e.target.data() as SubgraphEdge));
    this.wireControls();
    window.addEventListener('popstate', () => {
      this.state = parseViewState(window.location.search);
      void this.load();
    });
  }

  /** Loads what the URL names (nothing: a hint). */
  async start(): Promise<void> {
    this.syncControls();
    if (this.state.node) await this.load();
    else this.setStatus('Search a node by name (e.g. BundID, FIT-Connect, Wohngeld), or open /explore?node=bundid.');
  }

  // ---------------------------------------------------------------- controls

  private wireControls(): void {
    const { search, results } = this.el;
    search.addEventListener('input', () => {
      window.clearTimeout(this.searchTimer);
      this.searchTimer = window.setTimeout(() => void this.runSearch(search.value), 200);
    });
    search.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') {
        e.preventDefault();
        window.clearTimeout(this.searchTimer);
        void this.runSearch(search.value, true);
      } else if (e.key === 'Escape') {
        setChildren(results);
      }
    });
    for (const [mode, button] of Object.entries(this.el.modeButtons) as [Mode, HTMLButtonElement][]) {
      button.addEventListener('click', () => {
        if (this.state.mode === mode) return;
        this.state = { ...this.state, mode, depth: mode === 'impact' ? 6 : 1 };
        this.pushState();
        void this.load();
      });
    }
    this.el.depth.addEventListener('change', () => {
      this.state = { ...this.state, depth: Number(this.el.depth.value) };
      this.pushState();
      void this.load();
    });
    this.el.exportPng.addEventListener('click', () => void this.exportPng());
    this.el.exportJson.addEventListener('click', () => this.exportJson());
    this.el.relayout.addEventListener('click', () => this.layout());
  }

  private syncControls(): void {
    for (const [mode, button] of Object.entries(this.el.modeButtons) as [Mode, HTMLButtonElement][]) {
      button.setAttribute('aria-pressed', String(mode === this.state.mode));
    }
    const max = this.state.mode === 'impact' ? 10 : 3;
    setChildren(
      this.el.depth,
      ...Array.from({ length: max }, (_, i) => h('option', { value: i + 1, selected: i + 1 === this.state.depth }, this.state.mode === 'impact' ? `max. ${i + 1} hops` : `${i + 1} hop${i ? 's' : ''}`)),
    );
    document.body.dataset.mode = this.state.mode;
  }

  private pushState(): void {
    const q = viewStateQuery(this.state);
    if (q !== window.location.search) window.history.pushState(null, '', `${window.location.pathname}${q}`);
    this.syncControls();
  }

  private async runSearch(text: string, pickFirst = false): Promise<void> {
    const t = text.trim();
    if (t.length < 2) {
      setChildren(this.el.results);
      return;
    }
    this.searchAbort?.abort();
    const abort = new AbortController();
    this.searchAbort = abort;
    try {
      const data = await graphql<{ search: { score: number; node: { id: string; name: string; label: string } }[] }>(this.config.endpoint, SEARCH, { text: t }, abort.signal);
      if (pickFirst && data.search[0]) {
        setChildren(this.el.results);
        await this.open(data.search[0].node.id);
        return;
      }
      setChildren(
        this.el.results,
        ...(data.search.length === 0
          ? [h('li', { class: 'empty' }, `Nothing found for "${t}".`)]
          : data.search.map((hit) => {
              const b = h('button', { type: 'button', 'data-id': hit.node.id }, h('span', { class: 'swatch', style: `background:${styleOf(hit.node.label).color}` }), hit.node.name, h('small', {}, ` ${hit.node.label}`));
              b.addEventListener('click', () => {
                setChildren(this.el.results);
                this.el.search.value = hit.node.name;
                void this.open(hit.node.id);
              });
              return h('li', {}, b);
            })),
      );
    } catch (err) {
      if ((err as Error).name !== 'AbortError') this.showError(err);
    }
  }

  // ---------------------------------------------------------------- loading

  /** Opens a node in the current mode and records it in the URL. */
  async open(id: string): Promise<void> {
    this.state = { ...this.state, node: id };
    this.pushState();
    await this.load();
  }

  private async load(): Promise<void> {
    this.syncControls();
    const id = this.state.node;
    if (!id) return;
    this.clearError();
    if (this.state.mode === 'impact') await this.loadImpact(id);
    else await this.loadNeighbourhood(id);
  }

  private async loadNeighbourhood(id: string): Promise<void> {
    const data = await this.busy(`Loading the neighbourhood of ${id} …`, () => graphql<{ subgraph: Subgraph }>(this.config.endpoint, SUBGRAPH, { ids: [id], depth: this.state.depth }));
    if (!data) return;
    this.impact = null;
    setChildren(this.el.summary);
    this.cy.elements().remove();
    this.cy.add(this.subgraphElements(data.subgraph));
    this.cy.getElementById(id).addClass('origin');
    this.afterChange();
    if (data.subgraph.truncated) this.setStatus(`${this.countText()} · only part of the neighbourhood (the API answers at most 5,000 nodes and edges at once): choose fewer hops`);
    await this.select(id);
  }

  /** Adds the neighbours of `id` (one hop) to what is drawn. */
  async expand(id: string): Promise<void> {
    const sub =
      this.selectedNeighbours && this.selectedNeighbours.nodes.some((n) => n.id === id) && this.detailsId === id
        ? this.selectedNeighbours
        : (await this.busy(`Expanding ${id} …`, () => graphql<{ subgraph: Subgraph }>(this.config.endpoint, SUBGRAPH, { ids: [id], depth: 1 })))?.subgraph;
    if (!sub) return;
    const fresh = this.subgraphElements(sub).filter((e) => this.cy.getElementById(String(e.data.id)).empty());
    const before = this.cy.nodes().length;
    this.cy.add(fresh);
    const added = this.cy.nodes().length - before;
    this.afterChange(added > 0);
    this.setStatus(`${this.countText()} · ${added} node${added === 1 ? '' : 's'} added by expanding ${this.cy.getElementById(id).data('name') ?? id}${sub.truncated ? ' (only part of its neighbours: the API answers at most 5,000 at once)' : ''}.`);
  }

  private subgraphElements(sub: Subgraph): ElementDefinition[] {
    return [
      ...sub.nodes.map((n: SubgraphNode) => ({ group: 'nodes' as const, data: { ...n, labelColor: styleOf(n.label).color } })),
      ...sub.edges.map((e: SubgraphEdge) => ({ group: 'edges' as const, data: { ...e } })),
    ];
  }

  private async loadImpact(id: string): Promise<void> {
    const vars = { id, maxDepth: this.state.depth, first: IMPACT_PAGE, afterComponents: null, afterServices: null, withSummary: true };
    const data = await this.busy(`Analysing the impact of ${id} …`, () => graphql<{ impactAnalysis: ImpactPage }>(this.config.endpoint, IMPACT, vars));
    if (!data) return;
    const page = data.impactAnalysis;
    const summary = page.summary as ImpactSummary;
    this.cy.elements().remove();
    this.cy.add({ group: 'nodes', data: { ...page.origin, distance: 0, labelColor: styleOf(page.origin.label).color }, classes: 'impact origin' });
    this.impact = { originId: page.origin.id, summary, severity: page.severity ?? null, components: 0, services: 0, afterComponents: null, afterServices: null };
    this.addImpactPage(page);
    this.afterChange();
    this.renderSummary();
    await this.select(page.origin.id);
  }

  private async loadMoreImpact(): Promise<void> {
    const imp = this.impact;
    if (!imp) return;
    const vars = { id: imp.originId, maxDepth: this.state.depth, first: IMPACT_PAGE, afterComponents: imp.afterComponents, afterServices: imp.afterServices, withSummary: false };
    const data = await this.busy('Loading more of the impact …', () => graphql<{ impactAnalysis: ImpactPage }>(this.config.endpoint, IMPACT, vars));
    if (!data) return;
    this.addImpactPage(data.impactAnalysis);
    this.afterChange();
    this.renderSummary();
  }

  /** Adds a page of hits: components linked along their chain to the origin, services to what brings the impact. */
  private addImpactPage(page: ImpactPage): void {
    const imp = this.impact;
    if (!imp) return;
    const els: ElementDefinition[] = [];
    const wantComponents = imp.components < imp.summary.componentCount;
    const wantServices = imp.services < imp.summary.serviceCount;
    if (wantComponents) {
      for (const c of page.components) {
        if (this.cy.getElementById(c.component.id).empty()) els.push({ group: 'nodes', data: { ...c.component, distance: c.distance, hitEvidence: c.evidence, severity: c.severity, labelColor: styleOf(c.component.label).color }, classes: this.impactClasses() });
      }
      imp.components += page.components.length;
      imp.afterComponents = page.components.at(-1)?.cursor ?? imp.afterComponents;
    }
    if (wantServices) {
      for (const s of page.services) {
        if (this.cy.getElementById(s.service.id).empty()) els.push({ group: 'nodes', data: { ...s.service, distance: s.distance, hitEvidence: s.evidence, severity: s.severity, labelColor: styleOf(s.service.label).color }, classes: this.impactClasses() });
      }
      imp.services += page.services.length;
      imp.afterServices = page.services.at(-1)?.cursor ?? imp.afterServices;
    }
    this.cy.add(els);
    const edges: ElementDefinition[] = [];
    const addEdge = (source: string, target: string, type: string): void => {
      const id = `${source}|${type}|${target}`;
      if (this.cy.getElementById(id).empty() && !edges.some((e) => e.data.id === id)) edges.push({ group: 'edges', data: { id, source, target, type, evidence: null }, classes: 'chain' });
    };
    if (wantComponents) {
      for (const c of page.components) {
        const next = c.path[1];
        if (next && !this.cy.getElementById(next.id).empty()) addEdge(c.component.id, next.id, this.cy.getElementById(next.id).data('label') === 'Standard' ? 'IMPLEMENTS' : 'DEPENDS_ON');
      }
    }
    if (wantServices) {
      for (const s of page.services) if (!this.cy.getElementById(s.via.id).empty()) addEdge(s.service.id, s.via.id, 'USES');
    }
    this.cy.add(edges);
  }

  // ---------------------------------------------------------------- after a change

  private afterChange(runLayout = true): void {
    this.applyFilters();
    this.renderFilters();
    if (runLayout) this.layout();
    this.setStatus(this.countText());
  }

  private countText(): string {
    const n = this.cy.nodes().length;
    const e = this.cy.edges().length;
    const hidden = this.cy.elements('.hidden').length;
    return `${n.toLocaleString('en')} nodes · ${e.toLocaleString('en')} edges${hidden ? ` · ${hidden.toLocaleString('en')} hidden by filters` : ''}`;
  }

  layout(): void {
    const visible = this.cy.elements().not('.hidden');
    const n = visible.nodes().length;
    let options: LayoutOptions;
    if (this.state.mode === 'impact') {
      options = {
        name: 'concentric',
        concentric: (node: NodeSingular) => 20 - Number(node.data('distance') ?? 0),
        levelWidth: () => 1,
        minNodeSpacing: n > 1000 ? 4 : 12,
        animate: false,
        avoidOverlap: n <= 1000,
      } as LayoutOptions;
    } else if (n <= FORCE_LAYOUT_MAX) {
      options = { name: 'cose', animate: false, nodeRepulsion: () => 9000, idealEdgeLength: () => 80, numIter: 1000, randomize: false } as LayoutOptions;
    } else {
      // The origin in the centre, then rings by degree (hubs inside).
      options = { name: 'concentric', concentric: (node: NodeSingular) => (node.hasClass('origin') ? 1e9 : node.degree(false)), levelWidth: () => 4, minNodeSpacing: 6, animate: false } as LayoutOptions;
    }
    visible.layout(options).run();
    this.cy.fit(visible, 30);
  }

  // ---------------------------------------------------------------- filters

  private renderFilters(): void {
    const labels = new Map<string, number>();
    for (const n of this.cy.nodes()) labels.set(n.data('label'), (labels.get(n.data('label')) ?? 0) + 1);
    const types = new Map<string, number>();
    for (const e of this.cy.edges()) types.set(e.data('type'), (types.get(e.data('type')) ?? 0) + 1);
    const evidence = new Map<string, number>();
    for (const e of this.cy.edges()) {
      const k = e.data('evidence') ?? 'not shown';
      evidence.set(k, (evidence.get(k) ?? 0) + 1);
    }
    const box = (group: string, key: string, count: number, hidden: Set<string>, swatch?: Node): HTMLElement => {
      const input = h('input', { type: 'checkbox', checked: !hidden.has(key), 'data-filter': group, value: key });
      input.addEventListener('change', () => {
        if (input.checked) hidden.delete(key);
        else hidden.add(key);
        this.applyFilters();
        this.setStatus(this.countText());
      });
      return h('label', { class: 'filter' }, input, swatch ?? '', ` ${key} `, h('small', {}, count.toLocaleString('en')));
    };
    const sorted = (m: Map<string, number>): [string, number][] => [...m].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    setChildren(
      this.el.filters,
      h('h3', {}, 'Labels'),
      ...sorted(labels).map(([k, c]) => {
        const s = styleOf(k);
        return box('label', k, c, this.hiddenLabels, h('span', { class: `swatch shape-${s.shape}`, style: `background:${s.color}` }));
      }),
      h('h3', {}, 'Relationships'),
      ...sorted(types).map(([k, c]) => box('type', k, c, this.hiddenTypes)),
      h('h3', {}, 'Evidence of edges'),
      ...sorted(evidence).map(([k, c]) => box('evidence', k, c, this.hiddenEvidence, h('span', { class: `line line-${k.replace(/\s/g, '-')}` }))),
      h(
        'p',
        { class: 'legend' },
        'Solid grey: sourced. Dashed orange: inferred. Dotted red: impact chain. A dashed ring marks an inferred node, or in impact mode a hit reached only along inferred links.',
      ),
    );
  }

  private applyFilters(): void {
    this.cy.batch(() => {
      this.cy.elements().removeClass('hidden');
      this.cy.nodes().filter((n) => this.hiddenLabels.has(n.data('label'))).addClass('hidden');
      this.cy
        .edges()
        .filter((e) => this.hiddenTypes.has(e.data('type')) || this.hiddenEvidence.has(e.data('evidence') ?? 'not shown'))
        .addClass('hidden');
    });
  }

  // ---------------------------------------------------------------- side panel

  private detailsId: string | null = null;

  /** Shows a node's properties, provenance and relationships in the side panel. */
  async select(id: string): Promise<void> {
    this.detailsId = id;
    this.selectedNeighbours = null;
    this.cy.elements().unselect();
    this.cy.getElementById(id).select();
    setChildren(this.el.details, h('p', { class: 'muted' }, 'Loading …'));
    const [details, neighbours, profile] = await Promise.allSettled([
      graphql<{ node: Record<string, unknown> | null }>(this.config.endpoint, NODE_DETAILS, { id }),
      graphql<{ subgraph: Subgraph }>(this.config.endpoint, SUBGRAPH, { ids: [id], depth: 1 }),
      graphql<{ node: Partial<ItemProfile> | null }>(this.config.endpoint, ITEM_PROFILE, { id }),
    ]);
    if (this.detailsId !== id) return; // another node was selected meanwhile
    if (details.status === 'rejected') {
      setChildren(this.el.details, h('p', { class: 'error-text' }, describe(details.reason)));
      return;
    }
    const node = details.value.node;
    if (!node) {
      setChildren(this.el.details, h('p', { class: 'error-text' }, `No node with id "${id}".`));
      return;
    }
    if (neighbours.status === 'fulfilled') this.selectedNeighbours = neighbours.value.subgraph;
    const label = String(node.label);
    const skip = new Set(['id', 'name', 'label', 'source', 'evidence', '__typename']);
    const props = Object.entries(node).filter(([k, v]) => !skip.has(k) && v !== null && v !== undefined && !(Array.isArray(v) && v.length === 0));
    const expandButton = h('button', { type: 'button', id: 'expand', class: 'primary' }, 'Expand neighbours');
    expandButton.addEventListener('click', () => void this.expand(id));
    const impactButton = h('button', { type: 'button', id: 'show-impact' }, 'Impact of a change');
    impactButton.addEventListener('click', () => {
      this.state = { node: id, mode: 'impact', depth: this.state.mode === 'impact' ? this.state.depth : 6 };
      this.pushState();
      void this.load();
    });
    const focusButton = h('button', { type: 'button', id: 'focus' }, 'Centre here');
    focusButton.addEventListener('click', () => {
      this.state = { node: id, mode: 'neighbourhood', depth: this.state.mode === 'neighbourhood' ? this.state.depth : 1 };
      this.pushState();
      void this.load();
    });
    const canImpact = label === 'Component' || label === 'Standard';
    setChildren(
      this.el.details,
      h('div', { class: 'node-head' }, h('span', { class: 'swatch', style: `background:${styleOf(label).color}` }), h('h2', { id: 'details-name' }, String(node.name))),
      h('div', { class: 'muted' }, `${label} · `, h('code', {}, String(node.id))),
      h('div', { class: 'actions' }, expandButton, canImpact ? impactButton : null, focusButton),
      h('h3', {}, 'Provenance'),
      h(
        'dl',
        { class: 'props' },
        h('dt', {}, 'evidence'),
        h('dd', {}, h('span', { class: `badge badge-${String(node.evidence ?? 'unknown')}` }, String(node.evidence ?? 'unknown'))),
        h('dt', {}, 'sources'),
        h('dd', {}, this.citationList((node.sources as Citation[] | undefined) ?? [], node.source)),
      ),
      profile.status === 'fulfilled' && profile.value.node?.profile ? this.profileSection(profile.value.node as ItemProfile) : null,
      props.length > 0 ? h('h3', {}, 'Properties') : null,
      props.length > 0 ? h('dl', { class: 'props' }, ...props.flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, formatValue(v))])) : null,
      h('h3', {}, 'Relationships'),
      neighbours.status === 'fulfilled' ? this.relationshipList(id, neighbours.value.subgraph) : h('p', { class: 'error-text' }, describe(neighbours.reason)),
    );
  }

  /** Licence, steward, operation and the six D-Stack criteria of a component or standard. */
  private profileSection(item: ItemProfile): HTMLElement {
    const p = item.profile;
    const row = (k: string, v: Node | string | null): Node[] => (v === null ? [] : [h('dt', {}, k), h('dd', {}, v)]);
    const germany = item.lifecycle.find((l) => l.stack.id === 'stack:germany');
    return h(
      'div',
      { id: 'profile' },
      h('h3', {}, 'Profile'),
      h(
        'dl',
        { class: 'props' },
        ...row('licence', p.licence ? `${p.licence.spdx} (${p.licence.class.replace(/_/g, ' ')})` : null),
        ...row('open source', p.openSource === null ? null : p.openSource ? 'yes' : 'no'),
        ...row('conflict', p.licenceConflict),
        ...row('steward', p.steward ? `${p.steward.organization.name}${p.steward.via === 'MAINTAINS' ? ' (its maintainer)' : ''}` : null),
        ...row('jurisdiction', p.jurisdiction ? `${p.jurisdiction.country ?? '?'} · ${p.jurisdiction.inEu ? 'inside the EU' : 'outside the EU'}` : null),
        ...row('operated', p.operatingModels.length ? p.operatingModels.map((m) => `${m.model.replace(/_/g, ' ')}${m.by ? ` by ${m.by.name}` : ''}`).join('; ') : null),
        ...row('obtain', p.obtain.length ? p.obtain.map((o) => `${o.channel}${o.by ? ` (${o.by.name})` : ''}`).join('; ') : null),
        ...row('attestations', p.attestations.length ? p.attestations.map((a) => `${a.scheme}${a.holder ? ` (${a.holder.name})` : ''}`).join('; ') : null),
        ...row('accessibility', p.accessibility ? `${p.accessibility.standard} ${p.accessibility.level ?? ''} ${p.accessibility.conformance ?? ''}`.trim() : null),
        ...row('end of support', p.endOfSupport?.date ?? null),
        ...row('D-Stack stage', germany?.stage ? `${germany.stage}${germany.since ? ` since ${germany.since}` : ''}` : null),
        ...row('not known', p.unknown.length ? p.unknown.join(', ') : null),
      ),
      h(
        'table',
        { class: 'criteria', id: 'criteria' },
        ...item.criteriaAssessments.map((a) =>
          h(
            'tr',
            { title: a.indicators.map((i) => `${i.indicator}: ${i.value === null ? 'unknown' : String(i.value)}`).join('\n') },
            h('td', {}, a.criterion.name),
            h('td', {}, h('span', { class: `badge badge-level-${a.level}`, 'data-level': a.level }, a.level.replace(/_/g, ' '))),
            h('td', { class: 'muted' }, a.evidence === 'sourced' ? 'decision' : 'mapping'),
          ),
        ),
      ),
    );
  }

  /** The node's citations: publisher and title linked to the canonical address, kind, locator. */
  private citationList(citations: readonly Citation[], fallback: unknown): Node | string {
    if (citations.length === 0) return fallback ? linkOrText(String(fallback)) : '—';
    return h(
      'ul',
      { class: 'citations' },
      ...citations.map((c) => {
        const text = [c.source.publisher, c.source.title].filter(Boolean).join(': ') || c.source.id;
        return h(
          'li',
          {},
          c.source.url ? h('a', { href: c.source.url, target: '_blank', rel: 'noopener noreferrer' }, text) : text,
          ' ',
          h('span', { class: `badge badge-kind${c.source.secondary ? ' badge-secondary' : ''}`, title: 'kind of source' }, c.source.kind),
          c.locator ? h('span', { class: 'muted' }, ` (${c.locator})`) : null,
        );
      }),
    );
  }

  private relationshipList(id: string, sub: Subgraph): HTMLElement {
    const names = new Map(sub.nodes.map((n) => [n.id, n]));
    const groups = new Map<string, SubgraphEdge[]>();
    for (const e of sub.edges) {
      const key = `${e.source === id ? '→' : '←'} ${e.type}`;
      groups.set(key, [...(groups.get(key) ?? []), e]);
    }
    if (groups.size === 0) return h('p', { class: 'muted' }, 'None.');
    const out = h('div', { class: 'rels', id: 'relationships' });
    for (const [key, edges] of [...groups].sort((a, b) => a[0].localeCompare(b[0]))) {
      const list = h('ul', {});
      for (const e of edges.slice(0, 200)) {
        const other = names.get(e.source === id ? e.target : e.source);
        const b = h('button', { type: 'button', class: 'link', 'data-id': other?.id ?? '' }, other?.name ?? '?');
        b.addEventListener('click', () => other && void this.focusOrOpen(other.id));
        list.append(h('li', {}, b, ' ', h('span', { class: `badge badge-${e.evidence ?? 'unknown'}`, title: e.provenance ?? '' }, e.evidence ?? '?')));
      }
      if (edges.length > 200) list.append(h('li', { class: 'muted' }, `… and ${edges.length - 200} more (expand to draw them all)`));
      out.append(h('details', { open: edges.length <= 12 }, h('summary', {}, `${key} `, h('small', {}, String(edges.length))), list));
    }
    return out;
  }

  private async focusOrOpen(id: string): Promise<void> {
    const n = this.cy.getElementById(id);
    if (n.nonempty()) {
      // Pan only when the node is out of sight, so that the view does not jump.
      const ext = this.cy.extent();
      const p = n.position();
      if (p.x < ext.x1 || p.x > ext.x2 || p.y < ext.y1 || p.y > ext.y2) this.cy.animate({ center: { eles: n }, duration: 200 });
      await this.select(id);
    } else {
      await this.open(id);
    }
  }

  private showEdge(e: SubgraphEdge & { type: string }): void {
    this.detailsId = null;
    const name = (id: string): string => String(this.cy.getElementById(id).data('name') ?? id);
    setChildren(
      this.el.details,
      h('h2', {}, e.type),
      h('p', {}, `${name(e.source)} → ${name(e.target)}`),
      h(
        'dl',
        { class: 'props' },
        h('dt', {}, 'evidence'),
        h('dd', {}, h('span', { class: `badge badge-${e.evidence ?? 'unknown'}` }, e.evidence ?? 'not part of the impact answer')),
        h('dt', {}, 'source'),
        h('dd', {}, e.provenance ? linkOrText(e.provenance) : '—'),
      ),
    );
  }

  private renderSummary(): void {
    const imp = this.impact;
    if (!imp) {
      setChildren(this.el.summary);
      return;
    }
    const s = imp.summary;
    const table = (title: string, rows: { name: string; count: number }[]): HTMLElement | null =>
      rows.length === 0
        ? null
        : h(
            'details',
            { open: rows.length <= 8 },
            h('summary', {}, `${title} `, h('small', {}, String(rows.length))),
            h('table', {}, ...rows.slice(0, 100).map((r) => h('tr', {}, h('td', {}, r.name), h('td', { class: 'num' }, r.count.toLocaleString('en'))))),
          );
    const more = h('button', { type: 'button', id: 'impact-more' }, 'Load more');
    more.addEventListener('click', () => void this.loadMoreImpact());
    const complete = imp.components >= s.componentCount && imp.services >= s.serviceCount;
    setChildren(
      this.el.summary,
      h('h3', {}, 'Impact summary'),
      h(
        'div',
        { class: 'kpis' },
        h('div', {}, h('b', { id: 'impact-component-count' }, s.componentCount.toLocaleString('en')), h('span', {}, 'components hit')),
        h('div', {}, h('b', { id: 'impact-service-count' }, s.serviceCount.toLocaleString('en')), h('span', {}, 'services hit')),
        h('div', {}, h('b', { id: 'impact-organization-count' }, s.organizationCount.toLocaleString('en')), h('span', {}, 'organisations')),
      ),
      h(
        'p',
        { class: 'muted', id: 'impact-evidence' },
        `Sourced hits: ${s.componentsByEvidence.sourced.toLocaleString('en')} components, ${s.servicesByEvidence.sourced.toLocaleString('en')} services; the rest are reached along inferred links.`,
      ),
      h(
        'p',
        { class: 'muted', id: 'impact-coverage' },
        `Component use is known for ${(s.coverage.sourced + s.coverage.inferred).toLocaleString('en')} of ${s.coverage.services.toLocaleString('en')} services (stated by a source for ${s.coverage.sourced.toLocaleString('en')}, inferred for ${s.coverage.inferred.toLocaleString('en')}, unknown for ${s.coverage.none.toLocaleString('en')}): a service not hit may still use it unknowingly.`,
      ),
      h('p', { class: 'muted', id: 'impact-drawn' }, `Drawn: ${imp.components.toLocaleString('en')} of ${s.componentCount.toLocaleString('en')} components, ${imp.services.toLocaleString('en')} of ${s.serviceCount.toLocaleString('en')} services.`),
      this.severityPanel(),
      this.colourBy === 'distance' || !this.impact?.severity ? this.distanceLegend() : null,
      complete ? null : more,
      table('By executing level', s.byExecutingLevel.map((r) => ({ name: r.level, count: r.count }))),
      table('By layer', s.byLayer.map((r) => ({ name: r.node.name, count: r.count }))),
      table('By OZG topic', s.byTopic.map((r) => ({ name: r.node.name, count: r.count }))),
    );
  }

  /** Impact nodes are coloured by severity (what removing the origin would do) or by distance. */
  private colourBy: 'severity' | 'distance' = 'severity';

  private impactClasses(): string {
    return this.colourBy === 'severity' ? 'impact sev' : 'impact';
  }

  /** Severity counts and the colour switch. */
  private severityPanel(): HTMLElement | null {
    const sev = this.impact?.severity;
    if (!sev) return null;
    const select = h('select', { id: 'impact-colour', title: 'colour the hits by' }, h('option', { value: 'severity' }, 'severity'), h('option', { value: 'distance' }, 'distance')) as HTMLSelectElement;
    select.value = this.colourBy;
    select.addEventListener('change', () => {
      this.colourBy = select.value === 'distance' ? 'distance' : 'severity';
      const nodes = this.cy.nodes('.impact').not('.origin');
      if (this.colourBy === 'severity') nodes.addClass('sev');
      else nodes.removeClass('sev');
      this.renderSummary();
    });
    const swatch = (s: string): HTMLElement => h('span', { class: 'swatch', style: `background:${SEVERITY_COLORS[s]}` });
    const line = (what: string, c: { broken: number; degraded: number; reached: number }): HTMLElement =>
      h('div', {}, `${what}: `, swatch('broken'), ` ${c.broken.toLocaleString('en')} broken · `, swatch('degraded'), ` ${c.degraded.toLocaleString('en')} degraded · `, swatch('reached'), ` ${c.reached.toLocaleString('en')} only reached`);
    return h(
      'div',
      { id: 'impact-severity', class: 'muted' },
      h('div', {}, 'If it were removed (colour by ', select, '):'),
      line('services', sev.services),
      line('components', sev.components),
    );
  }

  /** Colour per distance, with how many drawn nodes are that far from the origin. */
  private distanceLegend(): HTMLElement {
    const counts = new Map<number, number>();
    for (const n of this.cy.nodes()) {
      const d = Number(n.data('distance') ?? 0);
      counts.set(d, (counts.get(d) ?? 0) + 1);
    }
    return h(
      'div',
      { class: 'distance-legend', id: 'distance-legend' },
      h('span', { class: 'muted' }, 'Distance '),
      ...[...counts]
        .sort((a, b) => a[0] - b[0])
        .map(([d, c]) => h('span', { class: 'dist', title: `${c} node${c === 1 ? '' : 's'} at distance ${d}${d === 0 ? ' (the origin)' : ''}` }, h('span', { class: 'swatch', style: `background:${distanceColor(d)}` }), ` ${d} `, h('small', {}, String(c)))),
    );
  }

  // ---------------------------------------------------------------- export

  private async exportPng(): Promise<void> {
    const blob = (await this.cy.png({ output: 'blob-promise', full: true, scale: 2, bg: '#ffffff', maxWidth: 6000, maxHeight: 6000 })) as Blob;
    download(blob, `${this.fileStem()}.png`);
  }

  exportData(): Record<string, unknown> {
    const visible = this.cy.elements().not('.hidden');
    const strip = (d: Record<string, unknown>): Record<string, unknown> => {
      const { labelColor: _c, ...rest } = d;
      return rest;
    };
    return {
      exportedAt: new Date().toISOString(),
      view: { ...this.state, url: `${window.location.origin}/explore${viewStateQuery(this.state)}` },
      ...(this.impact ? { impactSummary: this.impact.summary } : {}),
      nodes: visible.nodes().map((n) => ({ ...strip(n.data() as Record<string, unknown>), position: n.position() })),
      edges: visible.edges().map((e) => strip(e.data() as Record<string, unknown>)),
    };
  }

  private exportJson(): void {
    download(new Blob([JSON.stringify(this.exportData(), null, 2)], { type: 'application/json' }), `${this.fileStem()}.json`);
  }

  private fileStem(): string {
    return `dstack-graph-${(this.state.node ?? 'view').replace(/[^A-Za-z0-9._-]+/g, '_')}-${this.state.mode}`;
  }

  // ---------------------------------------------------------------- status

  private async busy<T>(message: string, work: () => Promise<T>): Promise<T | null> {
    this.busyCount++;
    document.body.classList.add('busy');
    this.setStatus(message);
    try {
      return await work();
    } catch (err) {
      this.showError(err);
      this.setStatus(this.countText());
      return null;
    } finally {
      this.busyCount--;
      if (this.busyCount === 0) document.body.classList.remove('busy');
    }
  }

  private setStatus(text: string): void {
    this.el.status.textContent = text;
  }

  private showError(err: unknown): void {
    this.el.error.hidden = false;
    setChildren(this.el.error, describe(err));
  }

  private clearError(): void {
    this.el.error.hidden = true;
    setChildren(this.el.error);
  }
}

function describe(err: unknown): string {
  if (err instanceof ApiError) return `${err.message} (${err.code})`;
  return err instanceof Error ? err.message : String(err);
}

function formatValue(v: unknown): Node | string {
  if (Array.isArray(v)) return v.map(String).join(', ');
  if (typeof v === 'string' && /^https?:\/\//.test(v)) return linkOrText(v);
  return String(v);
}
