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
import { createWhatIfLoaders, type WhatIfLoaders } from './whatif/loaders';
import type { Config } from './config';
import type { CpuPool } from './cpu/CpuPool';
import type { ClientBudgets } from './limits/ClientBudgets';
import { anonymous, type Actor } from './curation/Actor';
import type { Curation } from './curation/Curation';
import { createCurationLoaders, type CurationLoaders } from './curation/loaders';
import type { Participation } from './participation/Participation';
import { createParticipationLoaders, type ParticipationLoaders } from './participation/loaders';

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
  readonly limits: Pick<LimitsConfig, 'requestTimeoutMs' | 'maxResultItems'>;
  /** The CPU workers the in-memory engines run on. */
  readonly cpu: CpuPool;
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
}

const systemClock = (): Date => new Date();

/**
 * Creates a context with fresh loaders (nothing is cached across requests) over a view of the
 * database bounded by this request's deadline and result budget.
 */
export function createContext(deps: ContextDeps, requestId: string = randomUUID()): Context {
  const client = deps.client ?? 'local';
  const deadline = deps.deadline ?? Date.now() + deps.limits.requestTimeoutMs;
  const db = deps.db.forRequest({
    deadline,
    requestTimeoutMs: deps.limits.requestTimeoutMs,
    maxItems: deps.limits.maxResultItems,
    client,
    signal: deps.signal,
  });
  const graph = createGraphLoaders(db);
  const actor = deps.actor ?? anonymous(requestId);
  const now = deps.clock ?? systemClock;
  return {
    actor,
    now,
    requestId,
    client,
    deadline,
    signal: deps.signal,
    budgets: deps.budgets,
    log: deps.log.child({ requestId }),
    stats: { cost: null },
    loaders: {
      system: createSystemLoaders(db, deps.mode),
      graph,
      impact: createImpactLoaders(db),
      explore: createExploreLoaders(db, graph),
      compliance: createComplianceLoaders(db),
      stacks: createStackLoaders(db, graph),
      provenance: createProvenanceLoaders(db),
      profiles: createProfileLoaders(db),
      whatif: createWhatIfLoaders(db, { cpu: deps.cpu, shared: deps.db, client, deadline, timeoutMs: deps.limits.requestTimeoutMs, signal: deps.signal }),
      curation: createCurationLoaders(db, actor, deps.curation),
      participation: createParticipationLoaders(db, actor, deps.participation, now),
    },
  };
}
