import { randomUUID } from 'node:crypto';
import type { Logger } from './logger';
import type { Db } from './neo4j/db';
import { createGraphLoaders, type GraphLoaders } from './graph/loaders';
import { createImpactLoaders, type ImpactLoaders } from './impact/loaders';
import { createSystemLoaders, type SystemLoaders } from './system/loaders';
import type { Config } from './config';

/** Everything a resolver may use; made anew for every request. */
export interface Context {
  readonly requestId: string;
  readonly log: Logger;
  readonly loaders: Loaders;
}

/** The per-request loaders of every domain. */
export interface Loaders {
  readonly system: SystemLoaders;
  readonly graph: GraphLoaders;
  readonly impact: ImpactLoaders;
}

export interface ContextDeps {
  readonly db: Db;
  readonly log: Logger;
  readonly mode: Config['neo4j']['mode'];
}

/** Creates a context with fresh loaders (nothing is cached across requests). */
export function createContext(deps: ContextDeps, requestId: string = randomUUID()): Context {
  const graph = createGraphLoaders(deps.db);
  return {
    requestId,
    log: deps.log.child({ requestId }),
    loaders: {
      system: createSystemLoaders(deps.db, deps.mode),
      graph,
      impact: createImpactLoaders(deps.db, graph),
    },
  };
}
