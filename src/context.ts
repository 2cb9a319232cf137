import { randomUUID } from 'node:crypto';
import type { LimitsConfig } from './config';
import type { Logger } from './logger';
import type { Db } from './neo4j/db';
import { createGraphLoaders, type GraphLoaders } from './graph/loaders';
import { createImpactLoaders, type ImpactLoaders } from './impact/loaders';
import { createExploreLoaders, type ExploreLoaders } from './explore/loaders';
import { createComplianceLoaders, type ComplianceLoaders } from './compliance/loaders';
import { createStackLoaders, type StackLoaders } from './stacks/loaders';
import { createProfileLoaders, type ProfileLoaders } from './profiles/loaders';
import { createProvenanceLoaders, type ProvenanceLoaders } from './provenance/loaders';
import { createSystemLoaders, type SystemLoaders } from './system/loaders';
import { lazyFields } from './lazyFields';
import { createWhatIfLoaders, type TraversalIndexMode, type WhatIfLoaders } from './whatif/loaders';
import type { Config } from './config';
import type { CpuPool } from './cpu/CpuPool';
import type { ClientBudgets } from './limits/ClientBudgets';
import { anonymous, type Actor } from './curation/Actor';
import type { Curation } from './curation/Curation';
import { createCurationLoaders, type CurationLoaders } from './curation/loaders';
import type { Participation } from './participation/Participation';
import { createParticipationLoaders, type ParticipationLoaders } from './participation/loaders';
import { watchOwnWrites } from './cache/watchOwnWrites';
import { graphVersion as readGraphVersion } from './system/graphVersion';
import { GraphVersionWatcher } from './system/GraphVersionWatcher';

/** Everything a resolver may use; made anew for every request. */
export interface Context {
  readonly requestId: string;
  /** Who asks (the client's address, or the proxy's client when TRUST_PROXY says so): fair shares go by it. */
  readonly client: string;
  /** Epoch ms after which the request's work stops and the client gets QUERY_TIMEOUT. */
  readonly deadline: number;
  /** Aborted when the request's answer was given up (deadline passed): its work stops. */
  readonly signal: AbortSignal | undefined;
  /** The per-client cost budgets the operation's price is charged to (absent: no budget). */
  readonly budgets: ClientBudgets | undefined;
  readonly log: Logger;
  readonly loaders: Loaders;
  /** Figures of this request for its log line (the cost is set once the operation is priced). */
  readonly stats: { cost: number | null };
  /** Who sends the request: the signed-in principal, or why there is none. */
  readonly actor: Actor;
  /** The time "today" is read from (exception end dates, report dates): the process clock, or a test's. */
  readonly now: () => Date;
  /**
   * The graph version as this process knows it (`graphVersion.current()`): at most
   * GRAPH_VERSION_MAX_AGE_MS old, and never older than this process's own last write. What is cached
   * per graph version (answers, coverage, the what-if model) is keyed by it.
   */
  readonly graphVersion: GraphVersionWatcher;
}

/** The per-request loaders of every domain. */
export interface Loaders {
  readonly system: SystemLoaders;
  readonly graph: GraphLoaders;
  readonly impact: ImpactLoaders;
  readonly explore: ExploreLoaders;
  readonly compliance: ComplianceLoaders;
  readonly stacks: StackLoaders;
  readonly provenance: ProvenanceLoaders;
  readonly profiles: ProfileLoaders;
  readonly whatif: WhatIfLoaders;
  readonly curation: CurationLoaders;
  readonly participation: ParticipationLoaders;
}

export interface ContextDeps {
  readonly db: Db;
  readonly log: Logger;
  readonly mode: Config['neo4j']['mode'];
  /** Deadline and result budget of each request. */
  readonly limits: Pick<LimitsConfig, 'requestTimeoutMs' | 'maxResultItems' | 'modelReadTimeoutMs'>;
  /** The CPU workers the in-memory engines run on. */
  readonly cpu: CpuPool;
  /**
   * How impact analyses use the traversal index: `background` (default) while it holds the current
   * graph version, Neo4j answering until it is built; `wait` for it (tests of its answers); `off`.
   */
  readonly traversalIndex?: TraversalIndexMode;
  /** See Context.client (default `local`). */
  readonly client?: string;
  /** See Context.signal. */
  readonly signal?: AbortSignal;
  /** Epoch ms; default now + REQUEST_TIMEOUT_MS. */
  readonly deadline?: number;
  readonly budgets?: ClientBudgets;
  /** Who sends the request (default: anonymous, on a server without sign-in). */
  readonly actor?: Actor;
  /** The write side (absent: the server is read-only). */
  readonly curation?: Curation;
  /** Inclusion and exception requests and reports (absent: read-only). */
  readonly participation?: Participation;
  /** See Context.now (default the system clock). */
  readonly clock?: () => Date;
  /** The process's watcher of the graph version (default: one of this request that reads at every call). */
  readonly graphVersion?: GraphVersionWatcher;
}

const systemClock = (): Date => new Date();

/**
 * Creates a context with fresh loaders (nothing is cached across requests) over a view of the
 * database bounded by this request's deadline and result budget, whose writes tell the graph
 * version watcher the version they made.
 */
export function createContext(deps: ContextDeps, requestId: string = randomUUID()): Context {
  const client = deps.client ?? 'local';
  const deadline = deps.deadline ?? Date.now() + deps.limits.requestTimeoutMs;
  const requestDb = deps.db.forRequest({
    deadline,
    requestTimeoutMs: deps.limits.requestTimeoutMs,
    maxItems: deps.limits.maxResultItems,
    client,
    signal: deps.signal,
  });
  const graphVersion = deps.graphVersion ?? new GraphVersionWatcher(() => requestDb.read(readGraphVersion), { maxAgeMs: 0 });
  const db = watchOwnWrites(requestDb, graphVersion);
  const actor = deps.actor ?? anonymous(requestId);
  // Shared by several loader sets: made once, on first use.
  const loaders = lazyFields<Pick<Loaders, 'graph' | 'whatif'>>({
    graph: () => createGraphLoaders(db),
    whatif: () =>
      createWhatIfLoaders({ cpu: deps.cpu, shared: deps.db.background(deps.limits.modelReadTimeoutMs ?? 300_000), client, deadline, timeoutMs: deps.limits.requestTimeoutMs, signal: deps.signal, index: deps.traversalIndex, version: () => graphVersion.current() }),
  });
  const now = deps.clock ?? systemClock;
  // The request's logger binds its id: made when something logs (most requests log nothing).
  let log: Logger | undefined;
  return {
    actor,
    now,
    requestId,
    client,
    deadline,
    signal: deps.signal,
    budgets: deps.budgets,
    get log(): Logger {
      return (log ??= deps.log.child({ requestId }));
    },
    stats: { cost: null },
    graphVersion,
    // Each set of loaders is made when a resolver first asks for it (most requests need two or three).
    loaders: lazyFields<Loaders>({
      system: () => createSystemLoaders(db, deps.mode),
      graph: () => loaders.graph,
      // The impact loaders read the traversal index through the what-if loaders (one model per graph version).
      impact: () => createImpactLoaders(db, loaders.whatif),
      explore: () => createExploreLoaders(db, loaders.graph),
      compliance: () => createComplianceLoaders(db),
      stacks: () => createStackLoaders(db, loaders.graph),
      provenance: () => createProvenanceLoaders(db, graphVersion),
      profiles: () => createProfileLoaders(db),
      whatif: () => loaders.whatif,
      curation: () => createCurationLoaders(db, actor, deps.curation),
      participation: () => createParticipationLoaders(db, actor, deps.participation, now),
    }),
  };
}
