import { graphVersion } from '../../src/system/graphVersion';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../../src/neo4j/db';
import { SeedValidationError, formatIssue } from '../../src/seed/graph';
import { defaultSources, runSeed } from '../../src/seed/seed';
import { writeGraph } from '../../src/seed/writeGraph';
import { openTestDb, silentLog, type TestDb } from '../support/db';
import { expectedCounts } from '../support/expectedCounts';
import { tmpTree } from '../support/tmpdir';
import { startOwnNeo4j, type OwnNeo4j } from '../support/ownNeo4j';

/** Every model node and relationship with all properties, in a stable order. */
async function snapshot(db: Db): Promise<{ nodes: unknown[]; relationships: unknown[] }> {
  return db.read(async (tx) => ({
    nodes: await tx.runText('MATCH (n:GraphNode) RETURN n.id AS id, labels(n) AS labels, properties(n) AS props ORDER BY id'),
    relationships: await tx.runText(
      'MATCH (n:GraphNode)-[r]->(b:GraphNode) RETURN n.id AS from, type(r) AS type, b.id AS to, properties(r) AS props ORDER BY from, type, to',
    ),
  }));
}

/** Model nodes per label and relationships per type. */
async function counts(db: Db): Promise<{ nodes: Record<string, unknown>; relationships: Record<string, unknown> }> {
  return db.read(async (tx) => ({
    nodes: Object.fromEntries(
      (await tx.runText("MATCH (n:GraphNode) UNWIND [l IN labels(n) WHERE l <> 'GraphNode'] AS label RETURN label, count(*) AS count ORDER BY label")).map((r) => [r.label, r.count]),
    ),
    relationships: Object.fromEntries(
      (await tx.runText('MATCH (n:GraphNode)-[r]->(:GraphNode) RETURN type(r) AS type, count(*) AS count ORDER BY type')).map((r) => [r.type, r.count]),
    ),
  }));
}

describe('the seed loader on the real Neo4j', () => {
  let t: TestDb;
  const sources = defaultSources();

  let own: OwnNeo4j;
  beforeAll(async () => {
    // It reloads the seed with edits, tampers with nodes and watches the graph version: on a Neo4j
    // of its own, loaded with runSeed(defaultSources()) as test/support/globalSetup.ts loads the shared one.
    own = await startOwnNeo4j({ name: 'seed', seed: true });
    t = openTestDb({ neo4j: own.neo4j });
  }, 300_000);
  afterAll(async () => {
    try {
      await t?.close();
    } finally {
      await own?.stop();
    }
  });

  it('writes the registry and the rules: a removed rule takes its links along, an edited source advances the graph version', async () => {
    const read = (q: string, p: Record<string, unknown> = {}) => t.db.read((tx) => tx.runText(q, p));
    const ruleEdges = async (id: string) => ((await read('MATCH ()-[r]->() WHERE r.rule = $id RETURN count(r) AS n', { id })) as [{ n: number }])[0].n;
    const pvogEdges = await ruleEdges('rule:pvog-findable');
    expect(pvogEdges).toBeGreaterThan(1000);
    // A copy of the seeds without the PVOG rule and with one source's title edited.
    const files: Record<string, string> = {};
    for (const dir of ['', 'links', 'profiles']) {
      const full = path.join(sources.seedsDir, dir);
      for (const f of fs.readdirSync(full).filter((x) => x.endsWith('.yaml'))) files[path.join(dir, f)] = fs.readFileSync(path.join(full, f), 'utf8');
    }
    const rules = files['rules.yaml'] as string;
    files['rules.yaml'] = rules.slice(0, rules.indexOf('  - id: rule:pvog-findable'));
    files['sources.yaml'] = (files['sources.yaml'] as string).replace('  - id: d64-dstack\n    url: https://d-64.org/dstack\n    publisher: D64 – Zentrum für Digitalen Fortschritt\n    title: Deutschland-Stack\n', '  - id: d64-dstack\n    url: https://d-64.org/dstack\n    publisher: D64 – Zentrum für Digitalen Fortschritt\n    title: Deutschland-Stack (edited)\n');
    expect(files['sources.yaml']).toContain('Deutschland-Stack (edited)');
    const edited = { ...sources, seedsDir: tmpTree(files), displayRoot: sources.displayRoot };
    try {
      const version = await t.db.read((tx) => graphVersion(tx));
      await runSeed(t.db, edited, silentLog);
      expect(await read('MATCH (x:Rule) RETURN x.id AS id ORDER BY id')).toEqual([{ id: 'rule:ozg-portalverbund' }]);
      expect(await ruleEdges('rule:pvog-findable')).toBe(0);
      expect(await read("MATCH (s:Source {id: 'd64-dstack'}) RETURN s.title AS title")).toEqual([{ title: 'Deutschland-Stack (edited)' }]);
      const after = await t.db.read((tx) => graphVersion(tx));
      expect(after).toBeGreaterThan(version);
      // The same load again changes nothing, not even the version.
      await runSeed(t.db, edited, silentLog);
      expect(await t.db.read((tx) => graphVersion(tx))).toBe(after);
    } finally {
      // Back to the real seeds: the rule, its links and the title return.
      await runSeed(t.db, sources, silentLog);
    }
    expect(await ruleEdges('rule:pvog-findable')).toBe(pvogEdges);
    expect(await read("MATCH (s:Source {id: 'd64-dstack'}) RETURN s.title AS title")).toEqual([{ title: 'Deutschland-Stack' }]);
  }, 180_000);

  it('loads exactly what the source files hold: counts per label and per relationship type', async () => {
    const expected = expectedCounts(sources.ozgCatalogueDir, sources.landscapeDir, sources.seedsDir);
    expect(await counts(t.db)).toEqual({ nodes: expected.nodes, relationships: expected.relationships });
    expect(expected.nodes.Service).toBe(5246);
    expect(expected.nodes.Topic).toBe(14);
  });

  it('keeps the provenance on every node and relationship', async () => {
    const rows = await t.db.read((tx) =>
      tx.runText(
        `MATCH (n:GraphNode) WHERE n.source IS NULL OR NOT n.evidence IN ['sourced', 'secondary', 'inferred'] OR n.name IS NULL RETURN count(n) AS bad
         UNION ALL
         MATCH (n:GraphNode)-[r]->(:GraphNode) WHERE r.source IS NULL OR NOT r.evidence IN ['sourced', 'secondary', 'inferred'] RETURN count(r) AS bad`,
      ),
    );
    expect(rows).toEqual([{ bad: 0 }, { bad: 0 }]);
  });

  it('keeps LeiKa keys as given and ids stable', async () => {
    const [row] = await t.db.read((tx) =>
      tx.runText("MATCH (s:Service {id: 'leika:99107023017000'})-[:PART_OF]->(o:OzgService)-[:PART_OF]->(l:LifeSituation)-[:PART_OF]->(t:Topic) RETURN s.name AS service, s.leikaKey AS key, o.ozgId AS ozgId, t.name AS topic"),
    );
    expect(row).toEqual({ service: 'Wohngeld Bewilligung', key: '99107023017000', ozgId: '10092', topic: 'Arbeit & Ruhestand' });
  });

  it('changes nothing when it runs again, not even the graph version (cached answers stay valid)', async () => {
    const before = await snapshot(t.db);
    const version = await t.db.read((tx) => graphVersion(tx));
    const { summary } = await runSeed(t.db, sources, silentLog);
    for (const v of [...Object.values(summary.nodes), ...Object.values(summary.relationships)]) {
      expect(v).toMatchObject({ created: 0, changed: 0 });
    }
    expect(await snapshot(t.db)).toEqual(before);
    expect(await t.db.read((tx) => graphVersion(tx))).toBe(version);
  }, 120_000);

  it('detects and repairs a changed node and relationship, and says so', async () => {
    const [target] = (await t.db.read((tx) =>
      tx.runText('MATCH (k:Kpi)-[r:MEASURES]->(x) RETURN k.id AS kpi, k.name AS name, x.id AS x, r.source AS source ORDER BY k.id LIMIT 1'),
    )) as [{ kpi: string; name: string; x: string; source: string }];
    await t.db.write((tx) =>
      tx.runText("MATCH (k:Kpi {id: $kpi})-[r:MEASURES]->(:GraphNode {id: $x}) SET k.name = 'tampered', r.source = 'tampered', r.extra = 1", { kpi: target.kpi, x: target.x }),
    );
    const version = await t.db.read((tx) => graphVersion(tx));
    const { summary } = await runSeed(t.db, sources, silentLog);
    expect(summary.nodes.Kpi).toMatchObject({ created: 0, changed: 1 });
    // A load that changed something advances the graph version: no cached answer of before is served.
    expect(await t.db.read((tx) => graphVersion(tx))).toBe(version + 1);
    expect(summary.relationships.MEASURES).toMatchObject({ created: 0, changed: 1 });
    const [after] = await t.db.read((tx) =>
      tx.runText('MATCH (k:Kpi {id: $kpi})-[r:MEASURES]->(:GraphNode {id: $x}) RETURN k.name AS name, r.source AS source, r.extra AS extra', { kpi: target.kpi, x: target.x }),
    );
    expect(after).toEqual({ name: target.name, source: target.source, extra: null });
  }, 120_000);

  it('refuses a seed file with a broken reference or a missing field, naming them, and writes nothing', async () => {
    const before = await snapshot(t.db);
    const files: Record<string, string> = {};
    for (const dir of ['', 'links', 'profiles']) {
      const full = path.join(sources.seedsDir, dir);
      for (const f of fs.readdirSync(full).filter((x) => x.endsWith('.yaml'))) files[path.join(dir, f)] = fs.readFileSync(path.join(full, f), 'utf8');
    }
    files['zz-broken.yaml'] = `
components:
  - id: new-component-${randomUUID().slice(0, 8)}
    name: A new component without a source
    kind: product
relationships:
  - type: DEPENDS_ON
    from: bundid
    to: no-such-component
    source: https://example.org/test
`;
    const seedsDir = tmpTree(files);
    let error: unknown;
    try {
      await runSeed(t.db, { ...sources, seedsDir, displayRoot: seedsDir }, silentLog);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SeedValidationError);
    expect((error as SeedValidationError).issues.map(formatIssue)).toEqual([
      expect.stringMatching(/^zz-broken\.yaml: components\[0\] \(id "new-component-[0-9a-f]+"\): field "source" is required$/),
      'zz-broken.yaml: relationships[0] (DEPENDS_ON bundid -> no-such-component): field "to" "no-such-component" is no known id',
    ]);
    expect((error as Error).message).toContain('nothing was written');
    expect(await snapshot(t.db)).toEqual(before);
  });

  it('rolls the whole load back when the database refuses a part of it', async () => {
    const before = await snapshot(t.db);
    const id = `test-atomic-${randomUUID()}`;
    const graph = {
      nodes: [{ label: 'Component' as const, id, origin: 'test', props: { id, name: id, source: 'test', evidence: 'sourced' } }],
      edges: [{ type: 'DEPENDS_ON' as const, from: id, to: `${id}-missing`, origin: 'test', props: { source: 'test', evidence: 'sourced' } }],
    };
    await expect(writeGraph(t.db, graph)).rejects.toThrow('only 0 of 1 relationships found both ends');
    expect(await snapshot(t.db)).toEqual(before);
  });
});
