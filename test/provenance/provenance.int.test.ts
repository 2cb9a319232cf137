import YAML from 'yaml';
import fs from 'node:fs';
import path from 'node:path';
import { hostMatches, hostOf } from '../../src/model';
import { buildGraph, defaultSources } from '../../src/seed/seed';
import { startTestApi, type TestApi } from '../support/api';

/** Provenance on the seeded graph: every citation resolves, counts agree, coverage follows the files. */
describe('sources, rules and coverage on the seeded graph', () => {
  let api: TestApi;
  const cypher = (q: string, p: Record<string, unknown> = {}) => api.t.db.read((tx) => tx.runText(q, p));
  const files = buildGraph(defaultSources());

  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(async () => {
    await api.close();
  });

  it('resolves every citation of every node and relationship to a Source of the registry', async () => {
    const [n] = (await cypher(`MATCH (n:GraphNode)
      WITH n, [c IN coalesce(n.sources, []) | split(c, ' (')[0]] AS ids
      RETURN count(n) AS total, sum(CASE WHEN size(ids) = 0 OR any(i IN ids WHERE NOT EXISTS { MATCH (:Source {id: i}) }) THEN 1 ELSE 0 END) AS unresolved`)) as [{ total: number; unresolved: number }];
    const [r] = (await cypher(`MATCH (a:GraphNode)-[r]->(b:GraphNode)
      WITH r, [c IN coalesce(r.sources, []) | split(c, ' (')[0]] AS ids
      RETURN count(r) AS total, sum(CASE WHEN size(ids) = 0 OR any(i IN ids WHERE NOT EXISTS { MATCH (:Source {id: i}) }) THEN 1 ELSE 0 END) AS unresolved`)) as [{ total: number; unresolved: number }];
    expect(n.total).toBe(files.nodes.length);
    expect(r.total).toBe(files.edges.length);
    expect({ nodes: n.unresolved, relationships: r.unresolved }).toEqual({ nodes: 0, relationships: 0 });
  });

  it('cites no address on the deny-list', async () => {
    // The deny-list as written (a domain, or an individual's repository on a domain by its path), read here independently.
    const deny = (YAML.parse(fs.readFileSync(path.join(defaultSources().seedsDir, 'deny-list.yaml'), 'utf8')) as { denied: { domain: string; path?: string }[] }).denied;
    const urls = (await cypher('MATCH (s:Source) WHERE s.url IS NOT NULL RETURN s.url AS url')).map((x) => String(x.url));
    expect(urls.length).toBe(files.sources.filter((s) => s.url).length);
    const denied = (u: string): boolean =>
      deny.some((d) => hostMatches(hostOf(u) ?? '', d.domain) && (d.path === undefined || new URL(u).pathname.toLowerCase() === d.path.toLowerCase() || new URL(u).pathname.toLowerCase().startsWith(`${d.path.toLowerCase()}/`)));
    expect(urls.filter(denied)).toEqual([]);
    expect(deny.some((d) => d.path !== undefined)).toBe(true);
  });

  it('lists sources with the facts resting on each, and what rests on one source', async () => {
    const { data, errors } = await api.exec('{ sources(first: 3, filter: {kind: "law"}) { totalCount edges { node { id kind factCount nodeCount relationshipCount } } } source(id: "heise-11225804") { url kind factCount facts(first: 1000) { nodes { node { id } locator } relationships { type from { id } to { id } locator } } } }');
    expect(errors).toBeUndefined();
    expect(data.sources.totalCount).toBe(files.sources.filter((s) => s.kind === 'law').length);
    for (const { node } of data.sources.edges) {
      const f = files.sources.find((s) => s.id === node.id)!;
      expect(node).toEqual({ id: f.id, kind: 'law', factCount: f.nodeCount + f.relationshipCount, nodeCount: f.nodeCount, relationshipCount: f.relationshipCount });
    }
    const heise = data.source;
    expect(heise.url).toBe('https://www.heise.de/-11225804');
    const cites = (s: unknown) => Array.isArray(s) && s.some((c) => String(c) === 'heise-11225804' || String(c).startsWith('heise-11225804 ('));
    expect(heise.facts.nodes.length).toBe(files.nodes.filter((x) => cites(x.props.sources)).length);
    expect(heise.facts.relationships.length).toBe(files.edges.filter((x) => cites(x.props.sources)).length);
    expect(heise.factCount).toBe(heise.facts.nodes.length + heise.facts.relationships.length);
    expect(heise.facts.relationships.some((r: { locator: string | null }) => r.locator === 'page 2')).toBe(true);
  });

  it('shows sources on nodes and links, and the rule a link came from', async () => {
    const { data, errors } = await api.exec('{ node(id: "leika:99107023017000") { sources { source { id kind url } locator } ... on Service { uses(first: 100) { node { id } evidence rule { id edgeCount } sources { source { id kind } locator } } } } rules { id edgeCount type sources { source { id kind url } } } }');
    expect(errors).toBeUndefined();
    expect(data.node.sources).toEqual([{ source: { id: 'ozg-datenbank-nrw', kind: 'dataset', url: 'https://github.com/kdn-nrw/OZG-Datenbank-NRW' }, locator: expect.stringMatching(/^leika_leistungen\.csv id=\d+$/) }]);
    const portal = data.node.uses.find((l: { node: { id: string } }) => l.node.id === 'portalverbund');
    expect(portal).toMatchObject({ evidence: 'inferred', rule: { id: 'rule:ozg-portalverbund' } });
    expect(portal.sources.map((c: { source: { kind: string } }) => c.source.kind)).toEqual(['law', 'law']);
    const fit = data.node.uses.find((l: { node: { id: string } }) => l.node.id === 'fit-connect');
    expect(fit).toMatchObject({ evidence: 'sourced', rule: null });
    // Each rule's count is the number of its edges in the files and in the database.
    for (const rule of data.rules) {
      const [{ n }] = (await cypher('MATCH ()-[r]->() WHERE r.rule = $id RETURN count(r) AS n', { id: rule.id })) as [{ n: number }];
      expect({ id: rule.id, n }).toEqual({ id: rule.id, n: files.edges.filter((e) => e.props.rule === rule.id).length });
      expect(rule.edgeCount).toBe(n);
      expect(rule.sources.every((c: { source: { kind: string } }) => ['law', 'official', 'standards-body', 'operator'].includes(c.source.kind))).toBe(true);
    }
    // A rule never replaced an edge the files state: no stated pair carries a rule.
    const stated = files.edges.filter((e) => e.props.rule === undefined && e.type === 'USES').map((e) => `${e.from}|${e.to}`);
    const ruled = new Set(files.edges.filter((e) => e.props.rule !== undefined).map((e) => `${e.from}|${e.to}`));
    expect(stated.filter((k) => ruled.has(k))).toEqual([]);
  });

  it('reports coverage of known component use equal to a count over the files', async () => {
    const labelOf = new Map(files.nodes.map((n) => [n.id, n.label]));
    // The surest use of each service: sourced, else secondary (press or secondary sources only), else inferred.
    const use = new Map<string, 'sourced' | 'secondary' | 'inferred'>();
    const rank = { sourced: 0, secondary: 1, inferred: 2 } as const;
    for (const e of files.edges) {
      if (e.type !== 'USES' || labelOf.get(e.to) !== 'Component' || labelOf.get(e.from) !== 'Service') continue;
      const ev = e.props.evidence === 'sourced' ? 'sourced' : e.props.evidence === 'secondary' ? 'secondary' : 'inferred';
      const was = use.get(e.from);
      if (was === undefined || rank[ev] < rank[was]) use.set(e.from, ev);
    }
    const services = files.nodes.filter((n) => n.label === 'Service');
    const count = (ss: typeof services) => ({
      services: ss.length,
      sourced: ss.filter((s) => use.get(s.id) === 'sourced').length,
      secondary: ss.filter((s) => use.get(s.id) === 'secondary').length,
      inferred: ss.filter((s) => use.get(s.id) === 'inferred').length,
      none: ss.filter((s) => !use.has(s.id)).length,
    });
    const { data, errors } = await api.exec('{ about { coverage { services sourced secondary inferred none byLevel { key services sourced secondary inferred none } } } impactAnalysis(id: "bundid") { summary { serviceCount coverage { services sourced byLevel { key } byTopic { key } } byExecutingLevel { level } byTopic { node { id } } } } }');
    expect(errors).toBeUndefined();
    const { byLevel, ...overall } = data.about.coverage;
    expect(overall).toEqual(count(services));
    for (const g of byLevel) expect({ key: g.key, ...count(services.filter((s) => (s.props.executingLevels as string[]).includes(g.key))) }).toEqual(g);
    expect(byLevel.map((g: { key: string }) => g.key).sort()).toEqual(['Bund', 'Kommune', 'Land']);
    const summary = data.impactAnalysis.summary;
    expect(summary.coverage.services).toBe(services.length);
    expect(summary.coverage.byLevel.map((g: { key: string }) => g.key).sort()).toEqual(summary.byExecutingLevel.map((l: { level: string }) => l.level).sort());
    expect(summary.coverage.byTopic.map((g: { key: string }) => g.key).sort()).toEqual(summary.byTopic.map((t: { node: { id: string } }) => t.node.id).sort());
  });
});
