import type { Tx } from '../neo4j/db';
import { intParam } from '../neo4j/db';
import { query } from '../neo4j/query';
import { toNodeRecord } from '../graph/records';
import type { CompiledStatement } from '../engine/statements';
import type { DependencyEntryRecord } from './records';

const dependencyTreeQuery = query<{ node: Record<string, unknown>; labels: string[]; distance: number; evidence: 'sourced' | 'secondary' | 'inferred'; parent: Record<string, unknown>; parentLabels: string[]; relationship: string }>(
  'impact/dependencyTree',
);

/** Runs a compiled impact statement (src/engine/impactStatement.ts): one row, or none for an unknown origin. */
export async function runImpactStatement(tx: Tx, statement: CompiledStatement): Promise<Record<string, unknown>[]> {
  return tx.runText(statement.text, statement.params, `compiled:${statement.name ?? 'impact'}`);
}

/** The forward dependency tree of a node: the first `limit` entries, nearest first, then by name and id. */
export async function dependencyTree(tx: Tx, id: string, maxDepth: number, sourcedOnly: boolean, limit: number): Promise<DependencyEntryRecord[]> {
  const rows = await tx.run(dependencyTreeQuery, { id, maxDepth: intParam(maxDepth), sourcedOnly, limit: intParam(limit) });
  return rows.map((r) => ({ node: toNodeRecord(r.node, r.labels), distance: r.distance, evidence: r.evidence, parent: toNodeRecord(r.parent, r.parentLabels), relationship: r.relationship }));
}
