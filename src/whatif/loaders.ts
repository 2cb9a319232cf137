import { VersionCache } from '../cache/VersionCache';
import type { Database } from '../neo4j/db';
import { graphVersion } from '../system/graphVersion';
import { buildUseGraph, severities, type SeverityHit, type UseGraph } from './engine';
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
  /** The severity of every hit of removing `origin`, once per request for each origin and depth. */
  severity(origin: string, maxDepth: number): Promise<{ hits: SeverityHit[]; byId: Map<string, SeverityHit> }>;
}

export function createWhatIfLoaders(db: Database): WhatIfLoaders {
  let model: Promise<WhatIfModel> | undefined;
  const severitiesOf = new Map<string, Promise<{ hits: SeverityHit[]; byId: Map<string, SeverityHit> }>>();
  const loaders: WhatIfLoaders = {
    severity: (origin, maxDepth) => {
      const key = `${origin}|${maxDepth}`;
      let v = severitiesOf.get(key);
      if (!v) {
        v = loaders.model().then((m) => {
          const hits = severities(m.graph, [origin], maxDepth);
          return { hits, byId: new Map(hits.map((h) => [h.id, h])) };
        });
        severitiesOf.set(key, v);
      }
      return v;
    },
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
  return loaders;
}
