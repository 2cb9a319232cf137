import { VersionCache } from '../cache/VersionCache';
import type { Database } from '../neo4j/db';
import { graphVersion } from '../system/graphVersion';
import { buildUseGraph, type UseGraph } from './engine';
import { itemRiskFacts, useEdges } from './repository';
import type { ItemRiskFacts } from './risks';

/** The use graph and the items' risk facts of one graph version. */
export interface WhatIfModel {
  readonly graph: UseGraph;
  readonly risks: readonly ItemRiskFacts[];
  readonly riskById: ReadonlyMap<string, ItemRiskFacts>;
  readonly version: number;
}

/**
 * Read once per graph version and process (two queries, about 11,000 uses on the seed graph); every
 * severity, what-if and risk roll-up then runs on it in memory.
 */
const cache = new VersionCache<WhatIfModel>();

export interface WhatIfLoaders {
  model(): Promise<WhatIfModel>;
}

export function createWhatIfLoaders(db: Database): WhatIfLoaders {
  let model: Promise<WhatIfModel> | undefined;
  return {
    model: () =>
      (model ??= db
        .read((tx) => graphVersion(tx))
        .then((version) =>
          cache.get(version, async () => {
            const [edges, risks] = await db.read(async (tx) => [await useEdges(tx), await itemRiskFacts(tx)] as const);
            return { graph: buildUseGraph(edges), risks, riskById: new Map(risks.map((r) => [r.id, r])), version };
          }),
        )),
  };
}
