import { VersionCache } from '../cache/VersionCache';
import type { Database } from '../neo4j/db';
import { graphVersion } from '../system/graphVersion';
import { buildUseGraph, type UseGraph } from './engine';
import { groupsOf, itemRiskFacts, requirementRows, useEdges } from './repository';
import type { ItemRiskFacts } from './risks';

/** The use graph and the items' risk facts of one graph version. */
export interface WhatIfModel {
  readonly graph: UseGraph;
  readonly topicOf: ReadonlyMap<string, string | null>;
  readonly levelsOf: ReadonlyMap<string, readonly string[]>;
  readonly layersOf: ReadonlyMap<string, readonly string[]>;
  readonly requirements: readonly { id: string; level: string; targets: string[]; appliesTo: string[] }[];
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
            const { edges, risks, groups, requirements } = await db.read(async (tx) => ({
              edges: await useEdges(tx),
              risks: await itemRiskFacts(tx),
              groups: await groupsOf(tx),
              requirements: await requirementRows(tx),
            }));
            const layersOf = new Map<string, string[]>();
            for (const l of groups.layers) layersOf.set(l.id, [...(layersOf.get(l.id) ?? []), l.layer]);
            return {
              graph: buildUseGraph(edges),
              topicOf: new Map(groups.services.map((x) => [x.id, x.topic])),
              levelsOf: new Map(groups.services.map((x) => [x.id, x.levels])),
              layersOf,
              requirements,
              risks,
              riskById: new Map(risks.map((r) => [r.id, r])),
              version,
            };
          }),
        )),
  };
}
