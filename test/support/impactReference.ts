import fs from 'node:fs';
import path from 'node:path';
import { ApolloServer } from '@apollo/server';
import { readAbout } from '../../src/app';
import { loadConfig } from '../../src/config';
import { createContext, type Context } from '../../src/context';
import { CpuPool } from '../../src/cpu/CpuPool';
import { cut, encodeCursor } from '../../src/engine/paging';
import { requireLabel, requireNode } from '../../src/engine/requireNode';
import type { Resolvers } from '../../src/generated/graphql';
import type { GraphLoaders } from '../../src/graph/loaders';
import { toNodeRecord, type NodeRecord } from '../../src/graph/records';
import { checkRange } from '../../src/graph/validate';
import { MAX_DEPTH, SUMMARY_GROUP_LIMIT, SUMMARY_LEVEL_LIMIT } from '../../src/impact/bounds';
import type { EvidenceValue, ImpactReportRecord, LevelCountRecord } from '../../src/impact/records';
import { sortLevels } from '../../src/impact/reportFromRow';
import { intParam, type Database, type Tx } from '../../src/neo4j/db';
import { createResolvers } from '../../src/resolvers';
import { loadTypeDefs } from '../../src/schema';
import { silentLog, type TestDb } from './db';

/**
 * The reference engine of `impactAnalysis`, the oracle the compiled statement (src/engine/impactStatement.ts)
 * is tested against: every part of the report computed in full by plain statements of their own
 * (test/support/impactReference/*.cypher: the hits, the services of the hits, the summary groups),
 * whatever the query selected, and paged in memory. It was the API's path without look-ahead.
 */

type Raw = { node: Record<string, unknown>; labels: string[] };
const rec = (r: Raw): NodeRecord => toNodeRecord(r.node, r.labels);

const texts = new Map<string, string>();
/** The text of a reference statement in test/support/impactReference/. */
function statement(name: string): string {
  let text = texts.get(name);
  if (text === undefined) texts.set(name, (text = fs.readFileSync(path.join(__dirname, 'impactReference', `${name}.cypher`), 'utf8')));
  return text;
}

async function run<Row>(tx: Tx, name: string, params: Record<string, unknown>): Promise<Row[]> {
  return (await tx.runText(statement(name), params, `reference:${name}`)) as Row[];
}

/** Components that reach the origin within maxDepth hops, nearest first, each with one shortest chain. */
async function impactedComponents(tx: Tx, id: string, maxDepth: number, sourcedOnly: boolean): Promise<{ component: NodeRecord; distance: number; evidence: EvidenceValue; path: NodeRecord[] }[]> {
  const rows = await run<{ component: Record<string, unknown>; labels: string[]; distance: number; evidence: EvidenceValue; path: Raw[] }>(tx, 'impactedComponents', { id, maxDepth: intParam(maxDepth), sourcedOnly });
  return rows.map((r) => ({ component: toNodeRecord(r.component, r.labels), distance: r.distance, evidence: r.evidence, path: r.path.map(rec) }));
}

/** Services using any of the hit nodes, each with its nearest hit node. */
async function impactedServices(tx: Tx, hits: readonly { id: string; distance: number; evidence: EvidenceValue }[], sourcedOnly: boolean): Promise<{ service: NodeRecord; distance: number; viaId: string; evidence: EvidenceValue }[]> {
  const rows = await run<{ service: Record<string, unknown>; labels: string[]; distance: number; via: string; evidence: EvidenceValue }>(tx, 'impactedServices', {
    hits: hits.map((h) => ({ id: h.id, distance: intParam(h.distance), evidence: h.evidence })),
    sourcedOnly,
  });
  return rows.map((r) => ({ service: toNodeRecord(r.service, r.labels), distance: r.distance, viaId: r.via, evidence: r.evidence }));
}

/** Layer, topic, life situation and organisation counts of an impact. */
async function impactSummary(tx: Tx, nodeIds: readonly string[], serviceIds: readonly string[]) {
  const [row] = await run<{ byLayer: (Raw & { count: number })[]; byLifeSituation: (Raw & { count: number })[]; byTopic: (Raw & { count: number })[]; organizations: (Raw & { relations: string[] })[] }>(
    tx,
    'impactSummary',
    { nodeIds, serviceIds },
  );
  if (!row) return { byLayer: [], byLifeSituation: [], byTopic: [], organizations: [] };
  return {
    byLayer: row.byLayer.map((r) => ({ node: rec(r), count: r.count })),
    byLifeSituation: row.byLifeSituation.map((r) => ({ node: rec(r), count: r.count })),
    byTopic: row.byTopic.map((r) => ({ node: rec(r), count: r.count })),
    organizations: row.organizations.map((r) => ({ organization: rec(r), relations: [...r.relations].sort() })),
  };
}

/** Counts of each level, most first, then by name. */
function levelCounts(levels: readonly string[]): LevelCountRecord[] {
  const m = new Map<string, number>();
  for (const l of levels) m.set(l, (m.get(l) ?? 0) + 1);
  return sortLevels([...m].map(([level, count]) => ({ level, count })));
}

/** The whole impact report of `id`, every part computed, in the shape the API's resolvers read. */
export async function referenceImpact(db: Database, graph: GraphLoaders, id: string, maxDepth: number, sourcedOnly: boolean): Promise<ImpactReportRecord> {
  const origin = await requireNode(graph, id);
  requireLabel(origin, ['Component', 'Standard'], 'id');
  return db.read(async (tx) => {
    const components = await impactedComponents(tx, id, maxDepth, sourcedOnly);
    const hits = [{ id, distance: 0, evidence: 'sourced' as const }, ...components.map((c) => ({ id: c.component.id, distance: c.distance, evidence: c.evidence }))];
    const nodeById = new Map<string, NodeRecord>([[id, origin], ...components.map((c) => [c.component.id, c.component] as const)]);
    const services = (await impactedServices(tx, hits, sourcedOnly)).map((s) => ({ service: s.service, distance: s.distance, evidence: s.evidence, via: nodeById.get(s.viaId) as NodeRecord }));
    const byEvidence = (xs: readonly { evidence: string }[]) => ({
      sourced: xs.filter((x) => x.evidence === 'sourced').length,
      secondary: xs.filter((x) => x.evidence === 'secondary').length,
      inferred: xs.filter((x) => x.evidence !== 'sourced' && x.evidence !== 'secondary').length,
    });
    const summary = await impactSummary(tx, hits.map((h) => h.id), services.map((s) => s.service.id));
    return {
      origin,
      maxDepth,
      evidence: sourcedOnly ? 'SOURCED' : 'ANY',
      components: { offset: 0, items: components.map((c, i) => ({ ...c, cursor: encodeCursor(i) })) },
      services: { offset: 0, items: services.map((s, i) => ({ ...s, cursor: encodeCursor(i) })) },
      summary: {
        componentCount: components.length,
        serviceCount: services.length,
        componentsByEvidence: byEvidence(components),
        servicesByEvidence: byEvidence(services),
        byLayer: cut(summary.byLayer, SUMMARY_GROUP_LIMIT),
        byTopic: cut(summary.byTopic, SUMMARY_GROUP_LIMIT),
        byLifeSituation: cut(summary.byLifeSituation, SUMMARY_GROUP_LIMIT),
        byExecutingLevel: cut(levelCounts(services.flatMap((s) => (Array.isArray(s.service.executingLevels) ? (s.service.executingLevels as string[]) : []))), SUMMARY_LEVEL_LIMIT),
        organizations: summary.organizations,
        organizationCount: summary.organizations.length,
        byOrganizationLevel: cut(levelCounts(summary.organizations.map((o) => String(o.organization.level ?? 'unknown'))), SUMMARY_LEVEL_LIMIT),
      },
    };
  });
}

/** The API with `impactAnalysis` answered by the reference engine; every other field as the API answers it. */
export interface ReferenceApi {
  exec<T = any>(query: string, variables?: Record<string, unknown>): Promise<{ data: T; errors?: { message: string; extensions?: Record<string, unknown> }[] }>;
  close(): Promise<void>;
}

/**
 * Starts the reference API on the database of `t` (the same graph as the API under test): the API's
 * schema and resolvers, but `Query.impactAnalysis` resolved by `referenceImpact`, so a query's whole
 * answer can be compared with the compiled one. No limits plugin: the oracle is not priced.
 */
export async function startReferenceApi(t: TestDb): Promise<ReferenceApi> {
  const config = loadConfig({ NODE_ENV: 'test' }, false);
  const base = createResolvers(readAbout());
  const resolvers: Resolvers = {
    ...base,
    Query: {
      ...base.Query,
      impactAnalysis: (_p, args, ctx) => referenceImpact(t.db, ctx.loaders.graph, args.id, checkRange('maxDepth', args.maxDepth, 1, MAX_DEPTH, 6), args.evidence === 'SOURCED'),
    },
  };
  const apollo = new ApolloServer<Context>({ typeDefs: loadTypeDefs(), resolvers });
  await apollo.start();
  const cpu = new CpuPool({ size: 1, log: silentLog });
  return {
    async exec(query, variables) {
      const contextValue = createContext({ db: t.db, log: silentLog, mode: 'embedded', limits: config.limits, cpu });
      const res = await apollo.executeOperation({ query, variables }, { contextValue });
      if (res.body.kind !== 'single') throw new Error('incremental delivery is not expected');
      return res.body.singleResult as never;
    },
    async close() {
      try {
        await apollo.stop();
      } finally {
        await cpu.stop();
      }
    },
  };
}
