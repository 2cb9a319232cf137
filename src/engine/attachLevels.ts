import type { Level } from './Projection';

type Record_ = Record<string, unknown>;

/**
 * Hangs the answers of a statement's levels (Projection.levels) onto the node records they belong to,
 * and removes the levels' columns from the row: a level's nodes are the ends of the links under its
 * key on the nodes of its parent level (the root nodes for level -1), and each occurrence of a node
 * gets the answers of its id. Levels come parents first, so a level's nodes already carry the links
 * its children follow.
 */
export function attachLevels(row: Record_, roots: readonly unknown[], levels: readonly Level[]): void {
  const nodesOf: Record_[][] = [];
  for (const level of levels) {
    const answers = new Map<unknown, unknown>();
    for (const pair of (row[level.column] as unknown[] | null | undefined) ?? []) {
      if (Array.isArray(pair)) answers.set(pair[0], pair[1]);
    }
    delete row[level.column];
    const parents = level.parent < 0 ? roots : (nodesOf[level.parent] ?? []);
    const nodes: Record_[] = [];
    for (const parent of parents) {
      const links = isRecord(parent) ? parent[level.key] : undefined;
      if (!Array.isArray(links)) continue;
      for (const link of links) {
        const node = isRecord(link) ? link.node : undefined;
        if (!isRecord(node)) continue;
        const found = answers.get(node.id);
        if (isRecord(found)) Object.assign(node, found);
        nodes.push(node);
      }
    }
    nodesOf.push(nodes);
  }
}

function isRecord(v: unknown): v is Record_ {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
