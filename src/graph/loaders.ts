import DataLoader from 'dataloader';
import type { Database } from '../neo4j/db';
import type { LinkRecord, NodeRecord } from './records';
import type { RelationField } from './relations';
import type { CompiledStatement } from '../engine/statements';
import { linksByIds, nodesByIds, runCompiled } from './repository';

/** What a links request is keyed by: the node, the relationship field, and the bound. */
export interface LinkKey {
  readonly id: string;
  readonly field: RelationField;
  readonly first: number;
}

/** The per-request loaders of the graph: nodes by id, and links batched per relationship field. */
export interface GraphLoaders {
  readonly nodeById: DataLoader<string, NodeRecord | null>;
  readonly links: DataLoader<LinkKey, LinkRecord[], string>;
  /** Runs a statement compiled from the query's selection (a root field, its nodes and their links in one round trip). */
  select(statement: CompiledStatement): Promise<Record<string, unknown>[]>;
}

const groupKey = (k: LinkKey): string => `${k.field.rel}|${k.field.dir}|${k.field.label ?? '*'}|${k.first}`;

/** Creates the loaders of one request; a list of N parents costs one query per relationship field. */
export function createGraphLoaders(db: Database): GraphLoaders {
  return {
    nodeById: new DataLoader((ids) => db.read((tx) => nodesByIds(tx, ids))),
    links: new DataLoader(
      async (keys) => {
        // One query per (relationship field, bound), each for all ids that asked for it.
        const groups = new Map<string, LinkKey[]>();
        for (const k of keys) {
          const g = groups.get(groupKey(k));
          if (g) g.push(k);
          else groups.set(groupKey(k), [k]);
        }
        const results = new Map<string, LinkRecord[]>();
        await db.read(async (tx) => {
          for (const [gk, group] of groups) {
            const first = group[0] as LinkKey;
            const ids = [...new Set(group.map((k) => k.id))];
            const lists = await linksByIds(tx, ids, first.field, first.first);
            ids.forEach((id, i) => results.set(`${id}|${gk}`, lists[i] ?? []));
          }
        });
        return keys.map((k) => results.get(`${k.id}|${groupKey(k)}`) ?? []);
      },
      { cacheKeyFn: (k) => `${k.id}|${groupKey(k)}` },
    ),
    select: (statement) => db.read((tx) => runCompiled(tx, statement)),
  };
}
