import { applyRules, readRules, selectNodes, type LoadedRule } from '../../src/seed/rules';
import { readSourceRegistry } from '../../src/seed/sources/registry';
import { formatIssue, type GraphEdge, type GraphNode } from '../../src/seed/graph';
import { tmpTree } from '../support/tmpdir';
import { rng } from '../support/random';


/** A random catalogue: services with levels and keys, OZG services, components; some USES stated. */
function randomGraph(seed: number): { nodes: GraphNode[]; edges: GraphEdge[] } {
  const r = rng(seed);
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  const node = (label: GraphNode['label'], id: string, extra: Record<string, string | string[]> = {}) => nodes.push({ label, id, origin: `t: ${id}`, props: { id, name: id, source: 's', evidence: 'sourced', ...extra } });
  for (let i = 0; i < 5; i++) node('OzgService', `ozg:${i}`);
  for (const c of ['portal', 'pvog', 'bundid']) node('Component', c);
  const levels = ['Bund', 'Land', 'Kommune'];
  for (let i = 0; i < 60; i++) {
    const lv = levels.filter(() => r() < 0.5);
    node('Service', `svc:${i}`, { executingLevels: lv, ...(r() < 0.8 ? { leikaKey: String(99000000000000 + i) } : {}) });
    if (r() < 0.7) edges.push({ type: 'PART_OF', from: `svc:${i}`, to: `ozg:${Math.floor(r() * 5)}`, origin: 't', props: { source: 's', evidence: 'sourced' } });
    if (r() < 0.2) edges.push({ type: 'USES', from: `svc:${i}`, to: 'portal', origin: 't', props: { source: 's', evidence: r() < 0.5 ? 'sourced' : 'inferred' } });
  }
  return { nodes, edges };
}

const rule = (id: string, from: LoadedRule['from'], to: LoadedRule['to']): LoadedRule => ({ id, name: id, statement: 's', source: 'law-x', type: 'USES', from, to, props: {}, origin: `rules.yaml: rules[0] (id "${id}")` });

describe('inference rules', () => {
  it.each([1, 2, 3, 4, 5])('make exactly the pairs the selectors select, never replacing a stated edge (graph %i)', (seed) => {
    const g = randomGraph(seed);
    const rules = [
      rule('rule:a', { label: 'Service', has: [{ type: 'PART_OF', dir: 'out', label: 'OzgService' }] }, { label: 'Component', ids: ['portal'] }),
      rule('rule:b', { label: 'Service', where: { executingLevels: ['Bund', 'Kommune'] }, exists: ['leikaKey'] }, { label: 'Component', ids: ['pvog', 'bundid'] }),
    ];
    const { edges, counts } = applyRules(g, rules);
    // The expectation, written out plainly.
    const stated = new Set(g.edges.map((e) => `${e.type}|${e.from}|${e.to}`));
    const partOf = new Set(g.edges.filter((e) => e.type === 'PART_OF').map((e) => e.from));
    const services = g.nodes.filter((n) => n.label === 'Service');
    const want = [
      ...services.filter((s) => partOf.has(s.id)).map((s) => `USES|${s.id}|portal|rule:a`),
      ...services
        .filter((s) => (s.props.executingLevels as string[]).some((l) => l === 'Bund' || l === 'Kommune') && s.props.leikaKey !== undefined)
        .flatMap((s) => [`USES|${s.id}|pvog|rule:b`, `USES|${s.id}|bundid|rule:b`]),
    ].filter((k) => !stated.has(k.split('|').slice(0, 3).join('|')));
    expect(edges.map((e) => `${e.type}|${e.from}|${e.to}|${e.props.rule}`).sort()).toEqual(want.sort());
    for (const e of edges) expect(e.props).toMatchObject({ evidence: 'inferred', source: 'law-x' });
    expect((counts.get('rule:a') ?? 0) + (counts.get('rule:b') ?? 0)).toBe(edges.length);
    // A stated USES to the portal stays as it was (its evidence included), and gets no rule edge.
    const keptStated = g.edges.filter((e) => e.type === 'USES' && partOf.has(e.from));
    expect(keptStated.length).toBeGreaterThan(0);
    for (const e of keptStated) expect(edges.some((x) => x.from === e.from && x.to === e.to)).toBe(false);
    expect(selectNodes(g, rules[0]!.from).length).toBe(partOf.size);
  });

  it('reads rules.yaml and refuses an unknown source, a press source, a bad selector and a label the type does not allow', () => {
    const dir = tmpTree({
      'sources.yaml': 'sources:\n  - {id: law-x, url: "https://www.gesetze-im-internet.de/ozg/__1a.html", kind: law}\n  - {id: news, url: "https://www.heise.de/-1", kind: press}\n',
      'rules.yaml': [
        'rules:',
        '  - {id: "rule:ok", name: n, statement: s, source: "law-x (§ 1a)", type: USES, from: {label: Service}, to: {label: Component, ids: [portal]}}',
        '  - {id: "rule:news", name: n, statement: s, source: "news", type: USES, from: {label: Service}, to: {label: Component}}',
        '  - {id: "rule:unknown", name: n, statement: s, source: "nope", type: USES, from: {label: Service}, to: {label: Component}}',
        '  - {id: "rule:label", name: n, statement: s, source: "law-x", type: USES, from: {label: Component}, to: {label: Service}}',
        '  - {id: "rule:sel", name: n, statement: s, source: "law-x", type: USES, from: {label: Nope}, to: {label: Component}}',
      ].join('\n'),
    });
    const { registry } = readSourceRegistry(dir, dir);
    const { rules, issues } = readRules(dir, registry, dir);
    expect(rules.map((r) => r.id)).toEqual(['rule:ok']);
    expect(issues.map(formatIssue)).toEqual([
      'rules.yaml: rules[1] (id "rule:news"): field "source" "news" is a press source; a rule rests on a law, official, standards-body, operator source that states the obligation or practice',
      'rules.yaml: rules[2] (id "rule:unknown"): field "source" names "nope", which is no source of the registry',
      'rules.yaml: rules[3] (id "rule:label"): field "from" selects Component; USES starts at Service or ReferencePattern',
      'rules.yaml: rules[3] (id "rule:label"): field "to" selects Service; USES ends at Component or Standard',
      'rules.yaml: rules[4] (id "rule:sel"): field "from.label" must be a label of the model, got "Nope"',
    ]);
  });

  it('reports a selector that selects nothing, ids that name no node or another label, and unknown keys', () => {
    const g = randomGraph(9);
    const { edges, issues } = applyRules(g, [
      rule('rule:none', { label: 'Service', where: { executingLevels: 'EU' } }, { label: 'Component', ids: ['portal', 'nope', 'svc:1'] }),
      rule('rule:first', { label: 'Service', ids: ['svc:1', 'svc:2'] }, { label: 'Component', ids: ['pvog'] }),
      rule('rule:second', { label: 'Service', ids: ['svc:2', 'svc:3'] }, { label: 'Component', ids: ['pvog'] }),
    ]);
    expect(issues.map(formatIssue)).toEqual([
      'rules.yaml: rules[0] (id "rule:none"): field "from" selects no node',
      'rules.yaml: rules[0] (id "rule:none"): field "to.ids" "nope" is no known id',
      'rules.yaml: rules[0] (id "rule:none"): field "to.ids" "svc:1" is a Service, not a Component',
    ]);
    // Two rules selecting one pair make one edge, for the first rule.
    expect(edges.map((e) => `${e.from}>${e.to} ${e.props.rule}`)).toEqual(['svc:1>pvog rule:first', 'svc:2>pvog rule:first', 'svc:3>pvog rule:second']);

    const dir = tmpTree({
      'sources.yaml': 'sources:\n  - {id: law-x, url: "https://www.gesetze-im-internet.de/ozg/__1a.html", kind: law}\n',
      'rules.yaml': [
        'rules:',
        '  - {id: "rule:typo", name: n, statement: s, source: "law-x", type: USES, from: {label: Service, wher: {x: 1}}, to: {label: Component, ids: [portal]}, colour: red}',
        '  - {id: "rule:alt", name: n, statement: s, source: "law-x", type: ALTERNATIVE_TO, from: {label: Component, has: [{type: USES, dir: in, ids: "svc:1"}]}, to: {label: Component, ids: [pvog]}}',
      ].join('\n'),
    });
    const { registry } = readSourceRegistry(dir, dir);
    const read = readRules(dir, registry, dir);
    expect(read.rules).toEqual([]);
    expect(read.issues.map(formatIssue)).toEqual([
      'rules.yaml: rules[0] (id "rule:typo"): field "colour" is no field of a rule; allowed: id, name, statement, source, type, from, to, edgeProperties, note',
      'rules.yaml: rules[0] (id "rule:typo"): field "from.wher" is no field of a selector; allowed: label, ids, where, exists, has',
      'rules.yaml: rules[1] (id "rule:alt"): field "from.has[0].ids" must be a list of ids, got "svc:1"',
      'rules.yaml: rules[1] (id "rule:alt"): field "edgeProperties.guidance" is required for ALTERNATIVE_TO',
    ]);
  });

  it('counts an undirected pair once: a rule never adds ALTERNATIVE_TO where the files state it the other way round', () => {
    const g = randomGraph(4);
    g.edges.push({ type: 'ALTERNATIVE_TO', from: 'pvog', to: 'portal', origin: 't', props: { source: 's', evidence: 'sourced', guidance: 'stated' } });
    const alt = { ...rule('rule:alt', { label: 'Component', ids: ['portal'] }, { label: 'Component', ids: ['pvog', 'bundid'] }), type: 'ALTERNATIVE_TO' as const, props: { guidance: 'g' } };
    const { edges } = applyRules(g, [alt]);
    expect(edges.map((e) => `${e.from}>${e.to}`)).toEqual(['portal>bundid']);
  });
});
