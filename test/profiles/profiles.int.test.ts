import { DSTACK_CRITERIA, LEVEL_POINTS, NODE_LABELS, type AssessmentLevel } from '../../src/model';
import { buildGraph, defaultSources } from '../../src/seed/seed';
import { startTestApi, type TestApi } from '../support/api';
import { intRng } from '../support/random';


const enumOf = (v: string): string => v.replace(/-/g, '_');

/** Profiles, criteria, ranking, inclusions, decisions and discovery on the seeded graph. */
describe('profiles on the seeded graph', () => {
  let api: TestApi;
  const cypher = (q: string, p: Record<string, unknown> = {}) => api.t.db.read((tx) => tx.runText(q, p));
  const files = buildGraph(defaultSources());

  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(async () => {
    await api.close();
  });

  it('gives every component and standard six assessments, each resting on the mapping or on a decision, with sources', async () => {
    const [r] = (await cypher(`MATCH (n) WHERE n:Component OR n:Standard
      RETURN count(n) AS items,
        sum(COUNT { (n)-[:ASSESSED]->(:Criterion) }) AS assessments,
        sum(COUNT { (n)-[a:ASSESSED]->() WHERE size(coalesce(a.sources, [])) = 0 OR NOT ((a.evidence = 'inferred' AND a.mapping IS NOT NULL) OR (a.evidence = 'sourced' AND a.decision IS NOT NULL)) }) AS bare`)) as [{ items: number; assessments: number; bare: number }];
    expect(r.items).toBe(files.nodes.filter((n) => n.label === 'Component' || n.label === 'Standard').length);
    expect(r.assessments).toBe(6 * r.items);
    expect(r.bare).toBe(0);
    const [d] = (await cypher(`MATCH (d:Decision) RETURN count(d) AS decisions,
        sum(CASE WHEN size(coalesce(d.sources, [])) = 0 THEN 1 ELSE 0 END) AS unsourced,
        sum(CASE WHEN NOT EXISTS { (d)-[:DECIDES]->() } AND NOT EXISTS { (d)-[:SCOPED_TO]->(:Stack) } THEN 1 ELSE 0 END) AS aboutNothing,
        sum(COUNT { (d)-[x:DECIDES|DECIDED_BY|SCOPED_TO|RATES]->() WHERE size(coalesce(x.sources, [])) = 0 }) AS unsourcedLinks`)) as [{ decisions: number; unsourced: number; aboutNothing: number; unsourcedLinks: number }];
    expect(d.decisions).toBe(files.nodes.filter((n) => n.label === 'Decision').length);
    expect(d.decisions).toBeGreaterThan(24);
    expect({ unsourced: d.unsourced, aboutNothing: d.aboutNothing, unsourcedLinks: d.unsourcedLinks }).toEqual({ unsourced: 0, aboutNothing: 0, unsourcedLinks: 0 });
  });

  it('answers a profile with what is stored, each fact with evidence and resolved sources', async () => {
    // Items with the richest profiles of the seed files.
    const rows = (await cypher(`MATCH (n:Component) WHERE n.licence IS NOT NULL AND n.operatingModels IS NOT NULL
      RETURN n.id AS id, n.licence AS licence, n.licenceClass AS cls, n.operatingModels AS models, size(coalesce(n.obtainChannels, [])) AS obtain ORDER BY id LIMIT 5`)) as { id: string; licence: string; cls: string; models: string[]; obtain: number }[];
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      const { data, errors } = await api.exec(
        `query($id: ID!) { node(id: $id) { ... on Component { profile {
           licence { spdx class evidence sources { source { id url } } }
           steward { organization { id } via evidence sources { source { id } } }
           jurisdiction { country inEu basis evidence }
           operatingModels { model by { id } evidence sources { source { id } } }
           obtain { channel url evidence sources { source { id } } }
           unknown } } } }`,
        { id: row.id },
      );
      expect(errors).toBeUndefined();
      const p = data.node.profile;
      expect(p.licence).toMatchObject({ spdx: row.licence, class: enumOf(row.cls) });
      expect(p.licence.sources.length).toBeGreaterThan(0);
      expect(p.operatingModels.map((m: { model: string }) => m.model)).toEqual(row.models.map(enumOf));
      for (const m of p.operatingModels) expect(m.sources.length).toBeGreaterThan(0);
      expect(p.obtain.length).toBe(row.obtain);
      expect(p.unknown.includes('licence')).toBe(false);
      if (p.steward === null) expect(p.unknown).toContain('steward');
      if (p.jurisdiction) expect(p.jurisdiction.inEu).toBe(p.jurisdiction.country === null ? p.jurisdiction.inEu : ['DE', 'FR', 'NL', 'BE', 'AT', 'EU', 'IT', 'ES', 'SE', 'DK', 'FI', 'IE', 'PL', 'CZ', 'EE', 'LU', 'PT'].includes(p.jurisdiction.country));
    }
    // MongoDB: the data set says open source, the SSPL says otherwise; the profile shows both.
    const { data } = await api.exec('{ node(id: "mongodb") { ... on Component { oss profile { licence { spdx class } openSource licenceConflict } } } }');
    expect(data.node.profile).toMatchObject({ licence: { spdx: 'SSPL-1.0', class: 'source_available' }, openSource: false });
    expect(data.node.oss).toBe(true);
    expect(data.node.profile.licenceConflict).toContain('SSPL-1.0');
  });

  it('answers the criteria assessments as stored, with the indicators and the mapping named', async () => {
    const stored = (await cypher(`MATCH (n:Component {id: 'keycloak'})-[a:ASSESSED]->(c:Criterion) RETURN c.id AS criterion, a.level AS level, a.mapping AS mapping, a.indicators AS indicators ORDER BY criterion`)) as {
      criterion: string;
      level: string;
      mapping: string;
      indicators: string[];
    }[];
    const { data, errors } = await api.exec('{ node(id: "keycloak") { ... on Component { criteriaAssessments { criterion { id } level evidence mapping indicators { indicator value description } } } } }');
    expect(errors).toBeUndefined();
    const got = data.node.criteriaAssessments;
    expect(got.map((a: { criterion: { id: string } }) => a.criterion.id)).toEqual(stored.map((s) => s.criterion));
    got.forEach((a: { level: string; mapping: string; indicators: { indicator: string; value: boolean | null; description: string }[] }, i: number) => {
      const s = stored[i] as (typeof stored)[number];
      expect(a.level).toBe(enumOf(s.level));
      expect(a.mapping).toBe(s.mapping);
      expect(a.indicators.map((x) => `${x.indicator}=${x.value === null ? 'unknown' : String(x.value)}`)).toEqual(s.indicators);
      for (const x of a.indicators) expect(x.description.length).toBeGreaterThan(10);
    });
  });

  it('ranks like a plain TypeScript computation over the stored assessments, for random weights and filters', async () => {
    const rows = (await cypher(`MATCH (n)-[a:ASSESSED]->(c:Criterion) WHERE n:Component OR n:Standard
      RETURN n.id AS id, head([l IN labels(n) WHERE l <> 'GraphNode']) AS label, n.name AS name, n.licenceClass AS cls, EXISTS { (:Stack {id: 'stack:germany'})-[:INCLUDES]->(n) } AS germany, c.id AS criterion, a.level AS level`)) as {
      id: string;
      label: string;
      name: string;
      cls: string | null;
      germany: boolean;
      criterion: string;
      level: AssessmentLevel;
    }[];
    const items = new Map<string, { id: string; label: string; name: string; cls: string | null; germany: boolean; levels: Record<string, AssessmentLevel> }>();
    for (const r of rows) {
      const it = items.get(r.id) ?? { id: r.id, label: r.label, name: r.name, cls: r.cls, germany: r.germany, levels: {} };
      it.levels[r.criterion] = r.level;
      items.set(r.id, it);
    }
    const rnd = intRng(3);
    for (let round = 0; round < 6; round++) {
      const weights = DSTACK_CRITERIA.map((c) => ({ criterion: c, weight: rnd(4) })).filter((w) => w.weight > 0);
      if (weights.length === 0) weights.push({ criterion: DSTACK_CRITERIA[0] as string, weight: 1 });
      const filter = round % 2 === 0 ? { stack: 'stack:germany' } : { labels: ['Component'], licenceClass: ['permissive', 'strong_copyleft'] };
      const { data, errors } = await api.exec(
        'query($w: [CriterionWeight!]!, $f: RankingFilter) { ranking(weights: $w, filter: $f, first: 300) { totalCount edges { rank score node { id } breakdown { criterion { id } level } } } }',
        { w: weights, f: filter },
      );
      expect(errors).toBeUndefined();
      const total = weights.reduce((a, w) => a + w.weight, 0);
      // Items the criteria do not apply to (physical infrastructure, all levels not-applicable) are left out.
      const expected = [...items.values()]
        .filter((it) => !Object.values(it.levels).includes('not-applicable'))
        .filter((it) => ('stack' in filter ? it.germany : it.label === 'Component' && (it.cls === 'permissive' || it.cls === 'strong-copyleft')))
        .map((it) => ({ id: it.id, name: it.name, score: Math.round(weights.reduce((s, w) => s + (w.weight / total) * LEVEL_POINTS[it.levels[w.criterion] ?? 'unknown'], 0) * 1e9) / 1e9 }))
        .sort((a, b) => b.score - a.score || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) || (a.id < b.id ? -1 : 1));
      expect(data.ranking.totalCount).toBe(expected.length);
      expect(data.ranking.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual(expected.map((e) => e.id));
      data.ranking.edges.forEach((e: { rank: number; score: number }, i: number) => {
        expect(e.rank).toBe(i + 1);
        expect(e.score).toBeCloseTo((expected[i] as { score: number }).score, 9);
      });
    }
    const bad = await api.exec('{ ranking(weights: [{criterion: "criterion:dstack:nope", weight: 1}]) { totalCount } }');
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const zero = await api.exec('{ ranking(weights: [{criterion: "criterion:dstack:marktrelevanz", weight: 0}]) { totalCount } }');
    expect(zero.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('explains inclusions: the stage and the generic rationale of the data set, published decisions, and says when nothing is published', async () => {
    const { data, errors } = await api.exec(`{
      odf: inclusion(item: "odf", stack: "stack:germany") { included published explanation inclusion { stage status rationaleIsGeneric } decisions { id outcome date } }
      xbau: inclusion(item: "xbau", stack: "stack:germany") { included published explanation decisions { id } }
    }`);
    expect(errors).toBeUndefined();
    const expectedOdf = (await cypher(`MATCH (s:Stack {id: 'stack:germany'})-[r:INCLUDES]->(n {id: 'odf'}) RETURN r.stage AS stage`)) as { stage: string }[];
    expect(data.odf.included).toBe(expectedOdf.length === 1);
    if (expectedOdf.length === 1) expect(data.odf.inclusion.stage).toBe((expectedOdf[0] as { stage: string }).stage);
    const decisions = (
      await cypher(`MATCH (d:Decision)-[:DECIDES]->({id: 'odf'}) RETURN d.id AS id
        UNION MATCH (d:Decision)-[:SCOPED_TO]->(s:Stack {id: 'stack:germany'})-[:INCLUDES]->({id: 'odf'}) WHERE NOT EXISTS { (d)-[:DECIDES]->() } RETURN d.id AS id`)
    ).map((r) => r.id);
    expect(data.odf.decisions.map((d: { id: string }) => d.id).sort()).toEqual(decisions.sort());
    const scopedPublished = await cypher(`MATCH (d:Decision)-[:DECIDES]->({id: 'odf'}) WHERE d.stack = 'stack:germany' AND NOT d.id STARTS WITH 'decision:stack-' RETURN d.id AS id`);
    expect(data.odf.published).toBe(scopedPublished.length > 0);
    expect(data.xbau.included).toBe(false);
    expect(data.xbau.explanation).toContain('not in');
    expect(data.xbau.explanation).toContain('No published decision');
    const nf = await api.exec('{ inclusion(item: "no-such-item", stack: "stack:germany") { included } }');
    expect(nf.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('lists every label at the root with totalCount equal to a Cypher count, and filters by stack, licence class, stage and date', async () => {
    const roots: Record<string, string> = {
      Topic: 'topics',
      LifeSituation: 'lifeSituations',
      OzgService: 'ozgServices',
      Service: 'services',
      Component: 'components',
      Standard: 'standards',
      Layer: 'layers',
      IntegrationPoint: 'integrationPoints',
      Organization: 'organizations',
      Stack: 'stacks',
      BuildingBlock: 'buildingBlocks',
      Requirement: 'requirements',
      Exception: 'exceptions',
      Kpi: 'kpis',
      ReferencePattern: 'referencePatterns',
      Milestone: 'milestones',
      Criterion: 'criteria',
      Decision: 'decisions',
      Event: 'events',
    };
    expect(Object.keys(roots).sort()).toEqual([...NODE_LABELS].sort());
    const q = `{ ${Object.entries(roots).map(([l, f]) => `${l}: ${f}(first: 1) { totalCount }`).join(' ')} }`;
    const { data, errors } = await api.exec(q);
    expect(errors).toBeUndefined();
    const counts = Object.fromEntries(((await cypher(`MATCH (n:GraphNode) UNWIND [l IN labels(n) WHERE l <> 'GraphNode'] AS l RETURN l, count(*) AS n`)) as { l: string; n: number }[]).map((r) => [r.l, r.n]));
    for (const l of Object.keys(roots)) expect([l, data[l].totalCount]).toEqual([l, counts[l] ?? 0]);
    const filtered = await api.exec(`{
      a: components(first: 1, filter: {stack: "stack:germany", licenceClass: strong_copyleft}) { totalCount }
      b: standards(first: 1, filter: {stage: adopt}) { totalCount }
      c: milestones(first: 1, filter: {from: "2026-01-01", to: "2027-12-31"}) { totalCount }
      d: decisions(first: 1, filter: {stack: "stack:germany"}) { totalCount }
    }`);
    expect(filtered.errors).toBeUndefined();
    const one = async (text: string): Promise<number> => ((await cypher(text)) as [{ n: number }])[0].n;
    expect(filtered.data.a.totalCount).toBe(await one(`MATCH (:Stack {id: 'stack:germany'})-[:INCLUDES]->(n:Component {licenceClass: 'strong-copyleft'}) RETURN count(n) AS n`));
    expect(filtered.data.b.totalCount).toBe(await one(`MATCH (:Stack {id: 'stack:germany'})-[:INCLUDES {stage: 'adopt'}]->(n:Standard) RETURN count(n) AS n`));
    expect(filtered.data.c.totalCount).toBe(await one(`MATCH (n:Milestone) WHERE n.date >= left('2026-01-01', size(n.date)) AND n.date <= '2027-12-31' RETURN count(n) AS n`));
    expect(filtered.data.d.totalCount).toBe(await one(`MATCH (n:Decision {stack: 'stack:germany'}) RETURN count(n) AS n`));
    expect(filtered.data.a.totalCount).toBeGreaterThan(0);
    const bad = await api.exec('{ milestones(filter: {from: "soon"}) { totalCount } }');
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('has the reverse fields: milestones and requirements on components, decisions and stewards on items and organisations', async () => {
    const [m] = (await cypher(`MATCH (ms:Milestone)-[:CONCERNS]->(c:Component) RETURN c.id AS id, count(ms) AS n ORDER BY n DESC, id LIMIT 1`)) as [{ id: string; n: number }];
    const [s] = (await cypher(`MATCH (o:Organization)-[:STEWARDS]->(x) RETURN o.id AS org, count(x) AS n ORDER BY n DESC, org LIMIT 1`)) as [{ org: string; n: number }];
    const { data, errors } = await api.exec(
      `query($c: ID!, $o: ID!) {
        c: node(id: $c) { ... on Component { milestones { node { id } } requiredBy { node { id } } } }
        o: node(id: $o) { ... on Organization { stewards(first: 1000) { node { id } } decisions { node { id } } } }
      }`,
      { c: m.id, o: s.org },
    );
    expect(errors).toBeUndefined();
    expect(data.c.milestones.length).toBe(m.n);
    expect(data.o.stewards.length).toBe(s.n);
  });

  it('finds decisions by full-text search; the index covers every label of the model', async () => {
    const [idx] = (await cypher("SHOW FULLTEXT INDEXES YIELD name, labelsOrTypes WHERE name = 'node_text' RETURN labelsOrTypes")) as [{ labelsOrTypes: string[] }];
    expect([...idx.labelsOrTypes].sort()).toEqual([...NODE_LABELS].sort());
    const { data, errors } = await api.exec('{ search(text: "XBau", types: ["Decision"]) { node { id label } } }');
    expect(errors).toBeUndefined();
    expect(data.search.length).toBeGreaterThan(0);
    for (const h of data.search) expect(h.node.label).toBe('Decision');
  });

  it('documents the mapping it applies', async () => {
    const { data, errors } = await api.exec('{ criteriaMapping { id rule points { level points } criteria { criterion { id name } indicators } indicators { indicator description } } }');
    expect(errors).toBeUndefined();
    expect(data.criteriaMapping.criteria.map((c: { criterion: { id: string } }) => c.criterion.id)).toEqual(DSTACK_CRITERIA);
    expect(data.criteriaMapping.points).toContainEqual({ level: 'unknown', points: 0 });
    const described = new Set(data.criteriaMapping.indicators.map((i: { indicator: string }) => i.indicator));
    for (const c of data.criteriaMapping.criteria) for (const i of c.indicators) expect(described.has(i)).toBe(true);
  });
});
