import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { applySchema } from '../../src/neo4j/applySchema';
import type { Db } from '../../src/neo4j/db';
import { SeedValidationError, formatIssue } from '../../src/seed/graph';
import { labelCounts, relationshipCounts } from '../../src/seed/repository';
import { defaultSources, runSeed } from '../../src/seed/seed';
import { writeGraph } from '../../src/seed/writeGraph';
import { openTestDb, silentLog, type TestDb } from '../support/db';
import { expectedCounts } from '../support/expectedCounts';
import { tmpTree } from '../support/tmpdir';

/** Every model node and relationship with all properties, in a stable order. */
async function snapshot(db: Db): Promise<{ nodes: unknown[]; relationships: unknown[] }> {
  return db.read(async (tx) => ({
    nodes: await tx.runText('MATCH (n:GraphNode) RETURN n.id AS id, labels(n) AS labels, properties(n) AS props ORDER BY id'),
    relationships: await tx.runText(
      'MATCH (a:GraphNode)-[r]->(b:GraphNode) RETURN a.id AS from, type(r) AS type, b.id AS to, properties(r) AS props ORDER BY from, type, to',
    ),
  }));
}

describe('the seed loader on the real Neo4j', () => {
  let t: TestDb;
  const sources = defaultSources();

  beforeAll(async () => {
    t = openTestDb();
    await applySchema(t.db, silentLog);
    await runSeed(t.db, sources, silentLog);
  }, 180_000);
  afterAll(async () => {
    await t.close();
  });

  it('loads exactly what the source files hold: counts per label and per relationship type', async () => {
    const expected = expectedCounts(sources.ozgCatalogueDir, sources.landscapeDir, sources.seedsDir);
    expect(await t.db.read(labelCounts)).toEqual(expected.nodes);
    expect(await t.db.read(relationshipCounts)).toEqual(expected.relationships);
    expect(expected.nodes.Service).toBe(5246);
    expect(expected.nodes.Topic).toBe(14);
  });

  it('keeps the provenance on every node and relationship', async () => {
    const rows = await t.db.read((tx) =>
      tx.runText(
        `MATCH (n:GraphNode) WHERE n.source IS NULL OR NOT n.evidence IN ['sourced', 'inferred'] OR n.name IS NULL RETURN count(n) AS bad
         UNION ALL
         MATCH (:GraphNode)-[r]->(:GraphNode) WHERE r.source IS NULL OR NOT r.evidence IN ['sourced', 'inferred'] RETURN count(r) AS bad`,
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

  it('changes nothing when it runs again', async () => {
    const before = await snapshot(t.db);
    const { summary } = await runSeed(t.db, sources, silentLog);
    for (const v of [...Object.values(summary.nodes), ...Object.values(summary.relationships)]) {
      expect(v).toMatchObject({ created: 0, changed: 0 });
    }
    expect(await snapshot(t.db)).toEqual(before);
  }, 120_000);

  it('refuses a seed file with a broken reference or a missing field, naming them, and writes nothing', async () => {
    const before = await snapshot(t.db);
    const files: Record<string, string> = {};
    for (const f of fs.readdirSync(sources.seedsDir).filter((x) => x.endsWith('.yaml'))) files[f] = fs.readFileSync(path.join(sources.seedsDir, f), 'utf8');
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
