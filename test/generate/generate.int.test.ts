import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config';
import { generateGraph, planFromDatabase, removeSyntheticGraph } from '../../src/generate/generate';
import { planCounts } from '../../src/generate/plan';
import { SYNTHETIC_PROVENANCE } from '../../src/generate/rows';
import { loadCypher } from '../../src/neo4j/cypher';
import { Db } from '../../src/neo4j/db';
import { createDriver } from '../../src/neo4j/driver';
import { startEmbeddedNeo4j, type EmbeddedNeo4j } from '../../src/neo4j/embedded';
import { graphVersion } from '../../src/system/graphVersion';
import { silentLog } from '../support/db';

/** Synthetic nodes per label, synthetic relationships per type, and the real part of the graph. */
async function census(db: Db): Promise<{ nodes: Record<string, unknown>; relationships: Record<string, unknown>; real: unknown; bad: unknown }> {
  return db.read(async (tx) => {
    const [real] = await tx.runText(
      `MATCH (n:GraphNode) WHERE NOT n.id STARTS WITH 'syn:'
       RETURN count(n) AS nodes, COUNT { MATCH (n)-[r]->(m:GraphNode) WHERE NOT m.id STARTS WITH 'syn:' } AS relationshipsFrom`,
    );
    const [bad] = await tx.runText(
      `RETURN
         COUNT { MATCH (n:GraphNode) WHERE n.id STARTS WITH 'syn:' AND (n.synthetic <> true OR n.evidence <> $p.evidence OR n.source <> $p.source OR size(labels(n)) <> 2) } AS nodes,
         COUNT { MATCH (n:GraphNode)-[r]-() WHERE n.id STARTS WITH 'syn:' AND (r.synthetic <> true OR r.evidence <> $p.evidence OR r.source <> $p.source) } AS relationships,
         COUNT { MATCH ()-[r]->() WHERE r.synthetic = true } AS syntheticRelationships`,
      { p: SYNTHETIC_PROVENANCE },
    );
    const nodes = await tx.runText(`MATCH (n:GraphNode) WHERE n.id STARTS WITH 'syn:' UNWIND [l IN labels(n) WHERE l <> 'GraphNode'] AS label RETURN label, count(*) AS count ORDER BY label`);
    const rels = await tx.runText(`MATCH ()-[r]->() WHERE r.synthetic = true RETURN type(r) AS type, count(*) AS count ORDER BY type`);
    return {
      nodes: Object.fromEntries(nodes.map((r) => [r.label, r.count])),
      relationships: Object.fromEntries(rels.map((r) => [r.type, r.count])),
      real: { nodes: real!.nodes, relationships: real!.relationshipsFrom },
      bad,
    };
  });
}

/** Every synthetic relationship as "from TYPE to", sorted: a second run must leave it as it is. */
async function syntheticEdges(db: Db): Promise<string[]> {
  const rows = await db.read((tx) => tx.runText(`MATCH (a)-[r]->(b) WHERE r.synthetic = true RETURN a.id + ' ' + type(r) + ' ' + b.id AS edge ORDER BY edge`));
  return rows.map((r) => String(r.edge));
}

/**
 * Runs on a Neo4j of its own: other integration tests count the nodes of the shared test database
 * while they run in parallel, and thousands of synthetic nodes would disturb them (cleaning up
 * afterwards cannot help a test that counts meanwhile).
 */
describe('npm run generate on a real Neo4j', () => {
  let neo4j: EmbeddedNeo4j;
  let db: Db;
  let dataDir: string;
  const options = { scale: 0.01, seed: 3, log: silentLog, transactionRows: 5000, batchSize: 2000 };

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dstack-graph-generate-'));
    const password = 'generate-test-password';
    const config = loadConfig({ NEO4J_BOLT_PORT: '0', NEO4J_DATA_DIR: dataDir, NEO4J_PASSWORD: password, NEO4J_HEAP: '512m', NEO4J_PAGECACHE_MB: '64', JAVA_HOME: process.env.JAVA_HOME }, false);
    neo4j = await startEmbeddedNeo4j({ config: config.neo4j.embedded, user: 'neo4j', password, log: silentLog });
    db = new Db(createDriver({ uri: neo4j.uri, user: 'neo4j', password, log: silentLog }), 'neo4j', loadCypher([]));
  }, 180_000);

  afterAll(async () => {
    await db?.driver.close();
    await neo4j?.stop();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  let realBefore: unknown;
  let edgesBefore: string[];

  it('loads the real seed into an empty database, then writes exactly the planned synthetic graph, advancing the graph version', async () => {
    const progress: [number, number, string][] = [];
    const result = await generateGraph(db, options, (done, total, phase) => progress.push([done, total, phase]));
    const plan = await planFromDatabase(db, options);
    const counts = planCounts(plan);
    const found = await census(db);
    expect(found.nodes).toEqual(counts.nodes);
    expect(found.relationships).toEqual(counts.relationships);
    expect(found.bad).toEqual({ nodes: 0, relationships: 0, syntheticRelationships: counts.totalRelationships });
    expect(result).toMatchObject({ nodes: counts.totalNodes, relationships: counts.totalRelationships, unchanged: false, replaced: 0, hubs: ['bundid', 'fit-connect', 'pvog', 'epaybl', 'eid', 'dvdv'] });
    expect(result.relationshipsPerSecond).toBeGreaterThan(0);
    expect(progress.at(-1)).toEqual([counts.totalRelationships, counts.totalRelationships, 'relationships']);
    // The seed's load is one version; the generation added one per write transaction, each of at
    // most 5,000 rows.
    expect(result.transactions).toBeGreaterThanOrEqual(Math.ceil(counts.totalNodes / 5000) + Math.ceil(counts.totalRelationships / 5000));
    expect(await db.read(graphVersion)).toBe(1 + result.transactions);
    expect(await db.read((tx) => tx.runText("MATCH (m:GraphMeta {key: 'graph'}) RETURN m.reason AS reason"))).toEqual([{ reason: 'generate' }]);
    // The hubs are reached by the most synthetic nodes.
    const top = await db.read((tx) =>
      tx.runText(`MATCH (c:Component) WHERE NOT c.id STARTS WITH 'syn:' RETURN c.id AS id, COUNT { (c)<-[r:DEPENDS_ON|USES]-() WHERE r.synthetic } AS fanIn ORDER BY fanIn DESC, id LIMIT 6`),
    );
    expect(new Set(top.map((r) => r.id))).toEqual(new Set(result.hubs));
    realBefore = found.real;
    edgesBefore = await syntheticEdges(db);
  }, 300_000);

  it('changes nothing when run again with the same scale and seed', async () => {
    const version = await db.read(graphVersion);
    const result = await generateGraph(db, options);
    expect(result).toMatchObject({ nodes: 0, relationships: 0, unchanged: true });
    expect(await db.read(graphVersion)).toBe(version);
    expect(await syntheticEdges(db)).toEqual(edgesBefore);
  }, 120_000);

  it('replaces the synthetic graph when the seed changes', async () => {
    const before = planCounts(await planFromDatabase(db, options));
    const other = { ...options, seed: 4, scale: 0.005 };
    const result = await generateGraph(db, other);
    const counts = planCounts(await planFromDatabase(db, other));
    expect(result).toMatchObject({ replaced: before.totalNodes, nodes: counts.totalNodes, relationships: counts.totalRelationships });
    const found = await census(db);
    expect(found.nodes).toEqual(counts.nodes);
    expect(found.relationships).toEqual(counts.relationships);
    expect(found.real).toEqual(realBefore);
  }, 180_000);

  it('--remove deletes every synthetic node and relationship and leaves the real graph as it was', async () => {
    const version = await db.read(graphVersion);
    const removed = await removeSyntheticGraph(db, { batchSize: 1000 });
    expect(removed.nodes).toBeGreaterThan(0);
    const found = await census(db);
    expect(found).toEqual({ nodes: {}, relationships: {}, real: realBefore, bad: { nodes: 0, relationships: 0, syntheticRelationships: 0 } });
    expect(await db.read((tx) => tx.runText("MATCH (m:GraphMeta {key: 'generator'}) RETURN count(m) AS n"))).toEqual([{ n: 0 }]);
    expect(await db.read(graphVersion)).toBeGreaterThan(version);
    // Removing again finds nothing to do.
    expect((await removeSyntheticGraph(db)).nodes).toBe(0);
  }, 180_000);
});
