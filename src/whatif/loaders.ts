import type { CpuPool } from '../cpu/CpuPool';
import type { Database } from '../neo4j/db';
import { graphVersion } from '../system/graphVersion';
import type { SeverityHit } from './engine';
import { groupsOf, itemRiskFacts, requirementRows, useEdges } from './repository';
import type { RiskKind } from './risks';
import type { InheritedRiskRow, RiskReachResult, SimulationResult, SimulationWants, WhatIfRows, WhatIfTaskName } from './tasks';

/** What a request's what-if work needs besides the database: the pool, who asks, and its bounds. */
export interface WhatIfDeps {
  readonly cpu: CpuPool;
  /**
   * The database outside any one request: the model of a graph version is shared by every request,
   * so its read is bounded by the transaction timeout, not by the deadline of the request that
   * happened to ask first (a slow first read would otherwise never finish and be kept).
   */
  readonly shared: Database;
  readonly client: string;
  readonly deadline: number;
  readonly timeoutMs: number;
  readonly signal?: AbortSignal;
}

/**
 * The what-if computations of one request. Each runs on a CPU worker (never on the event loop) over
 * the model of the current graph version, and each distinct computation runs once per request,
 * however many aliases ask for it.
 */
export interface WhatIfLoaders {
  simulate(removals: readonly string[], replacements: readonly { from: string; to: string }[], today: string, wants: SimulationWants): Promise<SimulationResult>;
  /** The severity of every hit of removing `origin`. */
  severity(origin: string, maxDepth: number): Promise<{ hits: SeverityHit[]; byId: Map<string, SeverityHit> }>;
  risks(serviceId: string, maxDepth: number, today: string): Promise<InheritedRiskRow[]>;
  riskReach(kind: RiskKind, item: string | null, maxDepth: number, today: string): Promise<RiskReachResult>;
}

/** The rows the model is built from (four queries in one read; about 11,000 uses on the seed graph). */
export async function readWhatIfRows(db: Database): Promise<WhatIfRows> {
  return db.read(async (tx) => ({
    edges: await useEdges(tx),
    risks: await itemRiskFacts(tx),
    groups: await groupsOf(tx),
    requirements: await requirementRows(tx),
  }));
}

export function createWhatIfLoaders(db: Database, deps: WhatIfDeps): WhatIfLoaders {
  let version: Promise<number> | undefined;
  const memo = new Map<string, Promise<unknown>>();
  const run = <T>(task: WhatIfTaskName, args: Record<string, unknown>): Promise<T> => {
    const key = `${task}|${JSON.stringify(args)}`;
    let p = memo.get(key) as Promise<T> | undefined;
    if (!p) {
      version ??= db.read((tx) => graphVersion(tx));
      p = version.then((v) =>
        deps.cpu.run<T>({ client: deps.client, task, version: v, rows: () => readWhatIfRows(deps.shared), args, deadline: deps.deadline, timeoutMs: deps.timeoutMs, signal: deps.signal }),
      );
      memo.set(key, p);
    }
    return p;
  };
  const severities = new Map<string, Promise<{ hits: SeverityHit[]; byId: Map<string, SeverityHit> }>>();
  return {
    simulate: (removals, replacements, today, wants) => run('simulate', { removals: [...removals].sort(), replacements: [...replacements].sort((a, b) => (a.from < b.from ? -1 : 1)), today, wants }),
    severity: (origin, maxDepth) => {
      const key = `${origin}|${maxDepth}`;
      let v = severities.get(key);
      if (!v) {
        v = run<SeverityHit[]>('severity', { origin, maxDepth }).then((hits) => ({ hits, byId: new Map(hits.map((h) => [h.id, h])) }));
        severities.set(key, v);
      }
      return v;
    },
    risks: (serviceId, maxDepth, today) => run('risks', { serviceId, maxDepth, today }),
    riskReach: (kind, item, maxDepth, today) => run('riskReach', { kind, item, maxDepth, today }),
  };
}
