import type { CpuPool } from '../cpu/CpuPool';
import type { Database } from '../neo4j/db';
import type { SeverityHit } from './engine';
import { groupsOf, itemRiskFacts, requirementRows, useEdges } from './repository';
import type { RiskKind } from './risks';
import type { ImpactHits, ImpactHitsArgs } from '../traversal/impactHits';
import type { TraversalIndexStats } from '../traversal/TraversalIndex';
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
  /** The current graph version (the process's watcher: no round trip while it is fresh). */
  readonly version: () => Promise<number>;
  /** How impact analyses use the traversal index (see ContextDeps.traversalIndex). */
  readonly index?: TraversalIndexMode;
}

/** `background`: use the index once built for the version, Neo4j meanwhile; `wait`: wait for it; `off`: never. */
export type TraversalIndexMode = 'background' | 'wait' | 'off';

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
  /**
   * The topology part of an impact report, from the traversal index of the current graph version;
   * null while no worker holds that index yet (it is being built: Neo4j answers meanwhile).
   */
  impactHits(args: ImpactHitsArgs): Promise<ImpactHits | null>;
  /** Size and build time of the traversal index of the current graph version (built when no worker holds it). */
  indexStats(): Promise<TraversalIndexStats>;
  /** Size and build time of the newest traversal index a worker built, without building one; null before the first. */
  builtIndex(): TraversalIndexStats | null;
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

export function createWhatIfLoaders(deps: WhatIfDeps): WhatIfLoaders {
  let version: Promise<number> | undefined;
  const memo = new Map<string, Promise<unknown>>();
  const run = <T>(task: WhatIfTaskName, args: Record<string, unknown>): Promise<T> => {
    const key = `${task}|${JSON.stringify(args)}`;
    let p = memo.get(key) as Promise<T> | undefined;
    if (!p) {
      version ??= deps.version();
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
    impactHits: async (args) => {
      const mode = deps.index ?? 'background';
      if (mode === 'off') return null;
      const v = await (version ??= deps.version());
      if (mode === 'background' && !deps.cpu.ready(v, () => readWhatIfRows(deps.shared))) return null;
      return run<ImpactHits>('impact', args as unknown as Record<string, unknown>);
    },
    indexStats: () => run('indexStats', {}),
    builtIndex: () => deps.cpu.indexStats(),
  };
}
