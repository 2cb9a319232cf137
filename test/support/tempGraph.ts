import type { Db } from '../../src/neo4j/db';
import { bumpGraphVersion } from '../../src/system/graphVersion';

/** Nodes (by label) and relationships (by type, with their properties) of a temporary test graph. */
export interface TempGraph {
  readonly nodes: readonly (readonly [label: 'Component' | 'Standard' | 'Service', ids: readonly string[]])[];
  readonly relationships: readonly { readonly type: string; readonly from: string; readonly to: string; readonly props: Record<string, unknown> }[];
}

/**
 * Writes a temporary graph (ids starting with a per-file prefix `test-<file>-<random>`) and advances
 * the graph version, so that answers cached for the graph without it are not served. Only on a
 * file's own Neo4j (test/support/ownNeo4j.ts): the shared test graph is read-only.
 */
export async function writeTempGraph(db: Db, g: TempGraph): Promise<void> {
  await db.write(async (tx) => {
    for (const [label, ids] of g.nodes) await tx.runText(`UNWIND $ids AS id CREATE (:GraphNode:${label} {id: id, name: id, source: "test", evidence: "inferred"})`, { ids });
    for (const type of [...new Set(g.relationships.map((r) => r.type))]) {
      const rows = g.relationships.filter((r) => r.type === type).map((r) => ({ from: r.from, to: r.to, props: { source: 'test', ...r.props } }));
      await tx.runText('UNWIND $rows AS p MATCH (a:GraphNode {id: p.from}) MATCH (b:GraphNode {id: p.to}) CREATE (a)-[r:$($type)]->(b) SET r = p.props', { rows, type });
    }
    await bumpGraphVersion(tx, 'test');
  });
}

/** Removes every node whose id starts with `prefix` (and its relationships), advancing the graph version. */
export async function removeTempGraph(db: Db, prefix: string): Promise<void> {
  await db.write(async (tx) => {
    await tx.runText('MATCH (n:GraphNode) WHERE n.id STARTS WITH $prefix DETACH DELETE n', { prefix });
    await bumpGraphVersion(tx, 'test');
  });
}
