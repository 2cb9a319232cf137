import { randomUUID } from 'node:crypto';
import { removeTempGraph, writeTempGraph } from '../support/tempGraph';
import { startTestApi, type TestApi } from '../support/api';
import { startReferenceApi, type ReferenceApi } from '../support/impactReference';
import { startOwnNeo4j, type OwnNeo4j } from '../support/ownNeo4j';

/** A small seeded pseudo-random generator, so that a failing graph can be reproduced from its seed. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

interface RandomGraph {
  components: string[];
  standards: string[];
  services: string[];
  dependsOn: [string, string][];
  implementsStd: [string, string][];
  uses: [string, string][];
  /** Edges (`TYPE|a>b`) whose evidence is inferred; every other edge is sourced. */
  inferred: Set<string>;
}

function randomGraph(prefix: string, seed: number): RandomGraph {
  const r = rng(seed);
  const components = Array.from({ length: 24 }, (_, i) => `${prefix}-c${String(i).padStart(2, '0')}`);
  const standards = Array.from({ length: 5 }, (_, i) => `${prefix}-s${i}`);
  const services = Array.from({ length: 20 }, (_, i) => `${prefix}-v${String(i).padStart(2, '0')}`);
  const pick = <T>(xs: T[]): T => xs[Math.floor(r() * xs.length)] as T;
  const dependsOn = new Map<string, [string, string]>();
  // Mostly "downhill" edges (a layered graph) plus a few back edges that make cycles.
  for (let i = 0; i < 40; i++) {
    const a = pick(components);
    const b = pick(components);
    if (a !== b && (a > b || r() < 0.15)) dependsOn.set(`${a}>${b}`, [a, b]);
  }
  const implementsStd = new Map<string, [string, string]>();
  for (let i = 0; i < 10; i++) {
    const a = pick(components);
    const s = pick(standards);
    implementsStd.set(`${a}>${s}`, [a, s]);
  }
  const uses = new Map<string, [string, string]>();
  for (const v of services) {
    const n = 1 + Math.floor(r() * 3);
    for (let i = 0; i < n; i++) {
      const target = r() < 0.85 ? pick(components) : pick(standards);
      uses.set(`${v}>${target}`, [v, target]);
    }
  }
  // Evidence from a generator of its own, so the shapes stay those of the seeds above.
  const e = rng(seed + 7);
  const inferred = new Set<string>();
  for (const [type, pairs] of [['DEPENDS_ON', dependsOn], ['IMPLEMENTS', implementsStd], ['USES', uses]] as const) {
    for (const [a, b] of pairs.values()) if (e() < 0.35) inferred.add(`${type}|${a}>${b}`);
  }
  return { components, standards, services, dependsOn: [...dependsOn.values()], implementsStd: [...implementsStd.values()], uses: [...uses.values()], inferred };
}

/** Breadth-first distances from `start` over `adjacency`, up to `maxDepth` hops (start at 0). */
function bfs(adjacency: Map<string, string[]>, start: string, maxDepth: number): Map<string, number> {
  const dist = new Map<string, number>([[start, 0]]);
  let frontier = [start];
  for (let d = 1; d <= maxDepth && frontier.length > 0; d++) {
    const next: string[] = [];
    for (const x of frontier) {
      for (const y of adjacency.get(x) ?? []) {
        if (!dist.has(y)) {
          dist.set(y, d);
          next.push(y);
        }
      }
    }
    frontier = next;
  }
  return dist;
}

/** The expected impact, computed in plain TypeScript: BFS backwards from the origin. */
function expectedImpact(g: RandomGraph, origin: string, maxDepth: number): { components: Map<string, number>; services: Map<string, { distance: number; via: string }> } {
  const reverse = new Map<string, string[]>();
  for (const [a, b] of [...g.dependsOn, ...g.implementsStd]) reverse.set(b, [...(reverse.get(b) ?? []), a]);
  const dist = bfs(reverse, origin, maxDepth);
  const sourcedReverse = new Map<string, string[]>();
  for (const [type, pairs] of [['DEPENDS_ON', g.dependsOn], ['IMPLEMENTS', g.implementsStd]] as const) {
    for (const [a, b] of pairs) if (!g.inferred.has(`${type}|${a}>${b}`)) sourcedReverse.set(b, [...(sourcedReverse.get(b) ?? []), a]);
  }
  const sourcedDist = bfs(sourcedReverse, origin, maxDepth);
  const components = new Map([...dist].filter(([id]) => id !== origin && g.components.includes(id)));
  const hits = new Map<string, number>([[origin, 0], ...components]);
  // The nearest used hit; among the nearest one reached along sourced links (the USES and the hit's
  // shortest chain), then the smallest id.
  const rank = (v: string, target: string, d: number): [number, number, string] => [d + 1, !g.inferred.has(`USES|${v}>${target}`) && sourcedDist.get(target) === d ? 0 : 1, target];
  const best = new Map<string, [number, number, string]>();
  for (const [v, target] of g.uses) {
    const d = hits.get(target);
    if (d === undefined) continue;
    const r = rank(v, target, d);
    const b = best.get(v);
    if (!b || r[0] < b[0] || (r[0] === b[0] && (r[1] < b[1] || (r[1] === b[1] && r[2] < b[2])))) best.set(v, r);
  }
  const services = new Map([...best].map(([v, r]) => [v, { distance: r[0], via: r[2] }] as const));
  return { components, services };
}

/**
 * The expected evidence-aware impact in plain TypeScript: distances over all links and over sourced
 * links only; a component hit is sourced when its sourced distance equals its distance; a service takes
 * its nearest used hit, sourced when some nearest hit is sourced and reached by a sourced USES. With
 * `sourcedOnly` only sourced links are followed (every hit is then sourced).
 */
function expectedEvidence(g: RandomGraph, origin: string, maxDepth: number, sourcedOnly: boolean): { components: Map<string, string>; services: Map<string, string> } {
  const reverse = (onlySourced: boolean): Map<string, string[]> => {
    const m = new Map<string, string[]>();
    for (const [type, pairs] of [['DEPENDS_ON', g.dependsOn], ['IMPLEMENTS', g.implementsStd]] as const) {
      for (const [a, b] of pairs) if (!onlySourced || !g.inferred.has(`${type}|${a}>${b}`)) m.set(b, [...(m.get(b) ?? []), a]);
    }
    return m;
  };
  const sd = bfs(reverse(true), origin, maxDepth);
  const d = sourcedOnly ? sd : bfs(reverse(false), origin, maxDepth);
  const components = new Map<string, string>();
  for (const [id, dist] of d) if (id !== origin && g.components.includes(id)) components.set(id, sd.get(id) === dist ? 'sourced' : 'inferred');
  const hitEvidence = new Map<string, { d: number; e: string }>([[origin, { d: 0, e: 'sourced' }], ...[...components].map(([id, e]) => [id, { d: d.get(id) as number, e }] as const)]);
  const best = new Map<string, number>();
  for (const [v, x] of g.uses) {
    const h = hitEvidence.get(x);
    if (!h) continue;
    const sourcedUse = !g.inferred.has(`USES|${v}>${x}`);
    if (sourcedOnly && !sourcedUse) continue;
    const key = 2 * (h.d + 1) + (h.e === 'sourced' && sourcedUse ? 0 : 1);
    best.set(v, Math.min(best.get(v) ?? Infinity, key));
  }
  return { components, services: new Map([...best].map(([v, key]) => [v, key % 2 === 0 ? 'sourced' : 'inferred'])) };
}

describe('impactAnalysis and dependencies on random dependency graphs, against a plain TypeScript BFS', () => {
  // The API answering impacts from the traversal index (waiting for it), and one answering them with the compiled statement only.
  let api: TestApi;
  let statementApi: TestApi;
  const prefix = `test-rg-${randomUUID().slice(0, 8)}`;
  const graphs = [101, 202, 303].map((seed) => ({ seed, g: randomGraph(`${prefix}-${seed}`, seed) }));

  let own: OwnNeo4j;
  let reference: ReferenceApi;

  beforeAll(async () => {
    // The random graphs are Components, Services and Standards, which whole-graph answers of other
    // files (root list counts, coverage) would see: on a Neo4j of their own (test/support/ownNeo4j.ts).
    own = await startOwnNeo4j({ name: 'impact-random' });
    api = await startTestApi({ neo4j: own.neo4j, traversalIndex: 'wait' });
    statementApi = await startTestApi({ neo4j: own.neo4j, traversalIndex: 'off' });
    // The oracle: impactAnalysis computed in full by plain statements (test/support/impactReference.ts).
    reference = await startReferenceApi(api.t);
    for (const { g } of graphs) {
      const rels = [['DEPENDS_ON', g.dependsOn], ['IMPLEMENTS', g.implementsStd], ['USES', g.uses]] as const;
      await writeTempGraph(api.t.db, {
        nodes: [['Component', g.components], ['Standard', g.standards], ['Service', g.services]],
        relationships: rels.flatMap(([type, pairs]) => pairs.map(([from, to]) => ({ type, from, to, props: { evidence: g.inferred.has(`${type}|${from}>${to}`) ? 'inferred' : 'sourced' } }))),
      });
    }
  }, 300_000);
  afterAll(async () => {
    try {
      // The graph changed back: answers cached for the version with the random graphs are stale.
      if (api) await removeTempGraph(api.t.db, prefix);
    } finally {
      try {
        await reference?.close();
        await statementApi?.close();
        await api?.close();
      } finally {
        await own?.stop();
      }
    }
  });

  it('dependencies matches a forward BFS for every node, with parents one hop closer', async () => {
    for (const { seed, g } of graphs) {
      const forward = new Map<string, string[]>();
      for (const [a, b] of [...g.dependsOn, ...g.implementsStd]) forward.set(a, [...(forward.get(a) ?? []), b]);
      const edges = new Set([...g.dependsOn, ...g.implementsStd].map(([a, b]) => `${a}>${b}`));
      for (const root of g.components) {
        const dist = bfs(forward, root, 6);
        dist.delete(root);
        const { data } = await api.exec('query($id: ID!) { dependencies(id: $id) { entries { node { id } distance parent { id } } } }', { id: root });
        const got = data.dependencies.entries;
        expect({ seed, root, deps: Object.fromEntries(got.map((e: any) => [e.node.id, e.distance])) }).toEqual({ seed, root, deps: Object.fromEntries([...dist].sort()) });
        for (const e of got) {
          expect(edges.has(`${e.parent.id}>${e.node.id}`)).toBe(true);
          expect(e.parent.id === root ? 0 : dist.get(e.parent.id)).toBe(e.distance - 1);
        }
      }
    }
  }, 120_000);

  const QUERY = `query($id: ID!, $d: Int) { impactAnalysis(id: $id, maxDepth: $d) {
    origin { id } components { component { id } distance path { id } } services { service { id } distance via { id } } summary { componentCount serviceCount } } }`;

  it.each([
    [6, 'index'],
    [2, 'index'],
    [6, 'statement'],
    [2, 'statement'],
  ] as const)('matches for every component and standard as origin (maxDepth %i, %s)', async (maxDepth, engine) => {
    const exec = engine === 'index' ? api.exec : statementApi.exec;
    let checked = 0;
    let deepest = 0;
    let nonEmpty = 0;
    for (const { seed, g } of graphs) {
      const edges = new Set([...g.dependsOn, ...g.implementsStd].map(([a, b]) => `${a}>${b}`));
      for (const origin of [...g.components, ...g.standards]) {
        const { data, errors } = await exec(QUERY, { id: origin, d: maxDepth });
        expect({ seed, origin, errors }).toEqual({ seed, origin, errors: undefined });
        const expected = expectedImpact(g, origin, maxDepth);
        const report = data.impactAnalysis;
        expect({ seed, origin, components: Object.fromEntries(report.components.map((c: any) => [c.component.id, c.distance])) }).toEqual({
          seed,
          origin,
          components: Object.fromEntries([...expected.components].sort()),
        });
        for (const c of report.components) {
          const path: string[] = c.path.map((n: { id: string }) => n.id);
          expect(path[0]).toBe(c.component.id);
          expect(path[path.length - 1]).toBe(origin);
          expect(path).toHaveLength(c.distance + 1);
          for (let i = 0; i + 1 < path.length; i++) expect(edges.has(`${path[i]}>${path[i + 1]}`)).toBe(true);
        }
        expect({ seed, origin, services: Object.fromEntries(report.services.map((s: any) => [s.service.id, { distance: s.distance, via: s.via.id }])) }).toEqual({
          seed,
          origin,
          services: Object.fromEntries([...expected.services].sort()),
        });
        expect(report.summary).toEqual({ componentCount: expected.components.size, serviceCount: expected.services.size });
        deepest = Math.max(deepest, ...report.components.map((c: { distance: number }) => c.distance));
        if (report.components.length > 0) nonEmpty++;
        checked++;
      }
    }
    expect(checked).toBe(graphs.length * 29);
    // The graphs are not trivial: many origins are hit, and chains reach the depth limit.
    expect(nonEmpty).toBeGreaterThan(checked / 3);
    expect(deepest).toBeGreaterThanOrEqual(Math.min(maxDepth, 4));
  }, 240_000);

  it('pages of every size concatenate to the whole list, in the order of the full reference answer', async () => {
    const FULL = `query($id: ID!) { impactAnalysis(id: $id) {
      components(first: 1000) { cursor component { id } distance } services(first: 1000) { cursor service { id } distance via { id } } } }`;
    const PAGE = `query($id: ID!, $n: Int, $ca: String, $sa: String) { impactAnalysis(id: $id) {
      summary { componentCount serviceCount }
      components(first: $n, after: $ca) { cursor component { id } distance } services(first: $n, after: $sa) { cursor service { id } distance via { id } } } }`;
    let paged = 0;
    for (const { g } of graphs) {
      for (const origin of [...g.components.slice(0, 8), ...g.standards.slice(0, 2)]) {
        // The reference: the whole report computed in full by the oracle.
        const ref = (await reference.exec(FULL, { id: origin })).data.impactAnalysis;
        expect((await api.exec(FULL, { id: origin })).data.impactAnalysis).toEqual(ref);
        for (const n of [1, 2, 5]) {
          const comps: unknown[] = [];
          const svcs: unknown[] = [];
          let ca: string | null = null;
          let sa: string | null = null;
          for (let round = 0; round < 100; round++) {
            const { data, errors }: { data: any; errors?: unknown } = await api.exec(PAGE, { id: origin, n, ca, sa });
            expect(errors).toBeUndefined();
            const r: any = data.impactAnalysis;
            expect(r.summary).toEqual({ componentCount: ref.components.length, serviceCount: ref.services.length });
            if (comps.length < ref.components.length) comps.push(...r.components);
            if (svcs.length < ref.services.length) svcs.push(...r.services);
            expect(r.components.length).toBeLessThanOrEqual(n);
            ca = r.components.at(-1)?.cursor ?? ca;
            sa = r.services.at(-1)?.cursor ?? sa;
            if (r.components.length < n && r.services.length < n) break;
            paged++;
          }
          expect(comps).toEqual(ref.components);
          expect(svcs).toEqual(ref.services);
        }
      }
    }
    expect(paged).toBeGreaterThan(20);
  }, 240_000);

  it.each(['index', 'statement', 'reference'] as const)('says how sure each hit is, and follows only sourced links when asked (%s engine)', async (engine) => {
    const exec = (q: string, v: Record<string, unknown>) => (engine === 'index' ? api : engine === 'statement' ? statementApi : reference).exec(q, v);
    const Q = `query($id: ID!, $e: EvidenceFilter) { impactAnalysis(id: $id, maxDepth: 5, evidence: $e) {
      components(first: 1000) { component { id } evidence distance path { id } } services(first: 1000) { service { id } evidence }
      summary { componentCount serviceCount componentsByEvidence { sourced inferred } servicesByEvidence { sourced inferred } } } }`;
    let mixed = 0;
    let smaller = 0;
    for (const { seed, g } of graphs) {
      for (const origin of [...g.components, ...g.standards]) {
        const any = (await exec(Q, { id: origin, e: 'ANY' })).data.impactAnalysis;
        const sourced = (await exec(Q, { id: origin, e: 'SOURCED' })).data.impactAnalysis;
        for (const [report, only] of [[any, false], [sourced, true]] as const) {
          const want = expectedEvidence(g, origin, 5, only);
          const got = {
            components: Object.fromEntries(report.components.map((c: any) => [c.component.id, c.evidence])),
            services: Object.fromEntries(report.services.map((s: any) => [s.service.id, s.evidence])),
          };
          expect({ seed, origin, only, ...got }).toEqual({ seed, origin, only, components: Object.fromEntries([...want.components].sort()), services: Object.fromEntries([...want.services].sort()) });
          // The chain shown is one of the shortest, and of sourced links only when the hit is sourced.
          for (const c of report.components) {
            const ids: string[] = c.path.map((n: { id: string }) => n.id);
            expect(ids).toHaveLength(c.distance + 1);
            const links = ids.slice(1).map((b, i) => [ids[i] as string, b] as const);
            const kinds = links.map(([a, b]) => (g.inferred.has(`DEPENDS_ON|${a}>${b}`) || g.inferred.has(`IMPLEMENTS|${a}>${b}`) ? 'inferred' : 'sourced'));
            if (c.evidence === 'sourced') expect({ seed, origin, id: c.component.id, kinds }).toEqual({ seed, origin, id: c.component.id, kinds: kinds.map(() => 'sourced') });
            else expect(kinds).toContain('inferred');
          }
          const count = (m: Map<string, string>) => ({ sourced: [...m.values()].filter((e) => e === 'sourced').length, inferred: [...m.values()].filter((e) => e === 'inferred').length });
          expect(report.summary.componentsByEvidence).toEqual(count(want.components));
          expect(report.summary.servicesByEvidence).toEqual(count(want.services));
        }
        // Sourced-only hits are a subset of the default hits, and all sourced.
        const anyIds = new Set([...any.components.map((c: any) => c.component.id), ...any.services.map((s: any) => s.service.id)]);
        for (const c of sourced.components) expect(anyIds.has(c.component.id)).toBe(true);
        for (const s of sourced.services) expect(anyIds.has(s.service.id)).toBe(true);
        expect(sourced.summary.componentsByEvidence.inferred + sourced.summary.servicesByEvidence.inferred).toBe(0);
        if (any.summary.componentsByEvidence.sourced > 0 && any.summary.componentsByEvidence.inferred > 0) mixed++;
        if (sourced.summary.serviceCount < any.summary.serviceCount) smaller++;
      }
    }
    // The graphs exercise both kinds of hit, and the filter changes answers.
    expect(mixed).toBeGreaterThan(5);
    expect(smaller).toBeGreaterThan(5);
  }, 240_000);

  it('gives dependencies and paths their evidence, and follows only sourced links when asked', async () => {
    let mixed = 0;
    for (const { seed, g } of graphs) {
      const links: [string, string, string][] = [
        ...g.dependsOn.map(([a, b]) => ['DEPENDS_ON', a, b] as [string, string, string]),
        ...g.implementsStd.map(([a, b]) => ['IMPLEMENTS', a, b] as [string, string, string]),
        ...g.uses.map(([a, b]) => ['USES', a, b] as [string, string, string]),
      ];
      const adjacency = (onlySourced: boolean, forwardOnly: boolean, types: readonly string[]): Map<string, string[]> => {
        const m = new Map<string, string[]>();
        const add = (a: string, b: string): void => {
          m.set(a, [...(m.get(a) ?? []), b]);
        };
        for (const [t, a, b] of links) {
          if (!types.includes(t) || (onlySourced && g.inferred.has(`${t}|${a}>${b}`))) continue;
          add(a, b);
          if (!forwardOnly) add(b, a);
        }
        return m;
      };
      const chain = ['DEPENDS_ON', 'IMPLEMENTS'];
      for (const root of g.components.slice(0, 12)) {
        for (const only of [false, true]) {
          const { data, errors } = await api.exec('query($id: ID!, $e: EvidenceFilter) { dependencies(id: $id, maxDepth: 6, evidence: $e) { entries { node { id } distance evidence } } }', { id: root, e: only ? 'SOURCED' : 'ANY' });
          expect(errors).toBeUndefined();
          const sd = bfs(adjacency(true, true, chain), root, 6);
          const d = only ? sd : bfs(adjacency(false, true, chain), root, 6);
          const want = Object.fromEntries([...d].filter(([id]) => id !== root).map(([id, dist]) => [id, { distance: dist, evidence: sd.get(id) === dist ? 'sourced' : 'inferred' }]).sort());
          const got = Object.fromEntries(data.dependencies.entries.map((e: any) => [e.node.id, { distance: e.distance, evidence: e.evidence }]).sort());
          expect({ seed, root, only, got }).toEqual({ seed, root, only, got: want });
          const kinds = new Set((Object.values(want) as { evidence: string }[]).map((w) => w.evidence));
          if (kinds.size === 2) mixed++;
        }
      }
      // Paths over every relationship in either direction, between a service and a component.
      const all = ['DEPENDS_ON', 'IMPLEMENTS', 'USES'];
      for (const from of g.services.slice(0, 6)) {
        const anyDist = bfs(adjacency(false, false, all), from, 6);
        const sourcedDist = bfs(adjacency(true, false, all), from, 6);
        for (const to of g.components.slice(0, 6)) {
          for (const only of [false, true]) {
            const { data, errors } = await api.exec('query($a: ID!, $b: ID!, $e: EvidenceFilter) { path(from: $a, to: $b, maxDepth: 6, evidence: $e) { length evidence steps { from { id } to { id } type forward } } }', { a: from, b: to, e: only ? 'SOURCED' : 'ANY' });
            expect(errors).toBeUndefined();
            const dist = (only ? sourcedDist : anyDist).get(to);
            if (dist === undefined) {
              expect({ seed, from, to, only, path: data.path }).toEqual({ seed, from, to, only, path: null });
              continue;
            }
            const evidence = sourcedDist.get(to) === dist ? 'sourced' : 'inferred';
            expect({ seed, from, to, only, length: data.path.length, evidence: data.path.evidence }).toEqual({ seed, from, to, only, length: dist, evidence });
            // The evidence is the weakest link of the path shown.
            const weakest = data.path.steps.some((st: any) => {
              const [a, b] = st.forward ? [st.from.id, st.to.id] : [st.to.id, st.from.id];
              return g.inferred.has(`${st.type}|${a}>${b}`);
            });
            if (evidence === 'sourced') expect(weakest).toBe(false);
          }
        }
      }
    }
    expect(mixed).toBeGreaterThan(3);
  }, 240_000);

  it('answers a selection the same compiled (one statement) as the reference engine (everything computed)', async () => {
    const Q = `query($id: ID!) { impactAnalysis(id: $id, maxDepth: 4) {
      origin { id name label ... on Component { dependsOn { node { id } } } }
      maxDepth
      a: components(first: 3) { distance path { id } component { id name evidence dependents { node { id } } } }
      c: components(first: 1000) { distance path { id } }
      b: components(first: 4, after: "${Buffer.from('offset:1').toString('base64')}") { cursor distance component { id } }
      services(first: 7) { distance service { id name uses { node { id } } } via { id label } }
      summary { componentCount serviceCount organizationCount byExecutingLevel { level count } byLayer { count node { id } } } } }`;
    for (const { g } of graphs) {
      for (const origin of g.components.slice(0, 10)) {
        const full = await reference.exec(Q, { id: origin });
        const compiled = await api.exec(Q, { id: origin });
        expect(compiled).toEqual(full);
        expect(await api.countQueries(() => api.exec(Q, { id: origin }))).toEqual(['compiled:impact']);
      }
    }
  }, 240_000);

  /**
   * Runs `query` for the first origins of every random graph with both evidence filters: the index's
   * answer must equal the reference engine's, and `checkSent` judges the statements a second run sent.
   * Returns how many cases ran.
   */
  async function onIndexedOrigins(query: string, checkSent: (sent: string[]) => void): Promise<number> {
    let cases = 0;
    for (const { g } of graphs) {
      for (const origin of [...g.components.slice(0, 10), ...g.standards.slice(0, 2)]) {
        for (const e of ['ANY', 'SOURCED']) {
          expect(await api.exec(query, { id: origin, e })).toEqual(await reference.exec(query, { id: origin, e }));
          checkSent(await api.countQueries(() => api.exec(query, { id: origin, e })));
          cases++;
        }
      }
    }
    return cases;
  }

  it('answers a selection from the traversal index the same as the reference engine, Neo4j filling in only what is selected', async () => {
    const Q = `query($id: ID!, $e: EvidenceFilter) { impactAnalysis(id: $id, maxDepth: 4, evidence: $e) {
      origin { id name label ... on Component { dependsOn { node { id } } } }
      maxDepth
      a: components(first: 3) { distance evidence path { id } component { id name evidence dependents { node { id } } } }
      c: components(first: 1000) { distance path { id } }
      b: components(first: 4, after: "${Buffer.from('offset:1').toString('base64')}") { cursor distance component { id } }
      services(first: 7) { distance evidence service { id name uses { node { id } } } via { id label } }
      summary { componentCount serviceCount componentsByEvidence { sourced secondary inferred } servicesByEvidence { sourced secondary inferred }
        byExecutingLevel { level count } byLayer { count node { id } } byTopic { count node { id } } byLifeSituation { count node { id } } } } }`;
    await onIndexedOrigins(Q, (sent) => {
      expect(sent).toContain('compiled:impactHydrate');
      expect(sent).not.toContain('compiled:impact');
    });
  }, 240_000);

  it('answers a selection of ids only from the traversal index alone, without a statement, the same as the reference engine', async () => {
    const Q = `query($id: ID!, $e: EvidenceFilter) { impactAnalysis(id: $id, maxDepth: 4, evidence: $e) {
      origin { id __typename }
      components(first: 5) { cursor distance evidence component { id __typename } }
      services(first: 7) { distance evidence service { id } }
      summary { componentCount serviceCount servicesByEvidence { sourced secondary inferred }
        byExecutingLevel { level count } byLayer { count node { id } } byTopic { count node { __typename id } } byLifeSituation { count node { id } } } } }`;
    const direct = await onIndexedOrigins(Q, (sent) => expect(sent.filter((q) => q.startsWith('compiled:'))).toEqual([]));
    expect(direct).toBeGreaterThan(10);
    // Errors stay as they were: an unknown id, and a node that is no component or standard.
    const { g } = graphs[0]!;
    expect((await api.exec(Q, { id: 'no-such-node', e: 'ANY' })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await api.exec(Q, { id: g.services[0], e: 'ANY' })).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    // Asking for more than ids (a name) brings the hydrate statement back.
    const named = Q.replace('service { id }', 'service { id name }');
    expect(await api.exec(named, { id: g.components[0], e: 'ANY' })).toEqual(await reference.exec(named, { id: g.components[0], e: 'ANY' }));
    expect(await api.countQueries(() => api.exec(named, { id: g.components[0], e: 'ANY' }))).toContain('compiled:impactHydrate');
  }, 240_000);
});
