import { InputError, NotFoundError } from '../errors';
import type { GraphLoaders } from '../graph/loaders';
import type { NodeRecord } from '../graph/records';
import type { Database, Tx } from '../neo4j/db';
import { nodesByIds } from '../graph/repository';
import { DERIVED_REL_TYPES, ORGANIZATION_LEVELS, REL_RULES } from '../model';
import { encodeCursor } from '../graph/validate';
import type { CompiledStatement } from '../graph/projection/statements';
import type { ImpactPlan } from './impactStatement';
import type { EvidenceValue, GroupCountRecord, ImpactReportRecord, ImpactedOrganizationRecord, LevelCountRecord, SubgraphRecord } from './records';
import { evidenceOf } from './records';
import * as repo from './repository';
import {
  ADOPTION_STATUS_LIMIT,
  COMPATIBILITY_ROW_LIMIT,
  COMPATIBILITY_STACK_LIMIT,
  COMPLIANCE_ITEM_LIMIT,
  COMPLIANCE_MISSING_LIMIT,
  cut,
  DEPENDENCY_ENTRY_LIMIT,
  SUBGRAPH_EDGE_LIMIT,
  SUBGRAPH_NODE_LIMIT,
  SUMMARY_GROUP_LIMIT,
  SUMMARY_LEVEL_LIMIT,
} from './bounds';

export type ComplianceStatus = 'met' | 'violated' | 'exempted' | 'not_assessable';

export interface ComplianceItemRecord {
  readonly requirement: NodeRecord;
  readonly status: ComplianceStatus;
  readonly appliesVia: NodeRecord;
  readonly missing: NodeRecord[];
  readonly exception: NodeRecord | null;
  readonly expires: string | null;
}

export interface ComplianceGroupRecord {
  met: number;
  violated: number;
  exempted: number;
  notAssessable: number;
  items: ComplianceItemRecord[];
}

/** Per-request traversals; each costs a fixed number of round trips, whatever the size of the answer. */
export interface ImpactLoaders {
  /**
   * The impact of a change of `id`. With a compiled statement (the query's selection, see
   * impactStatement.ts) one round trip fetches what was asked; without, everything is computed
   * in full (the reference the compiled answers are tested against).
   */
  impactAnalysis(id: string, maxDepth: number, sourcedOnly: boolean, compiled?: { statement: CompiledStatement; plan: ImpactPlan }): Promise<ImpactReportRecord>;
  dependencies(id: string, maxDepth: number, sourcedOnly?: boolean): Promise<{ root: NodeRecord; entries: Awaited<ReturnType<typeof repo.dependencyTree>>; truncated: boolean }>;
  path(from: string, to: string, maxDepth: number, sourcedOnly?: boolean): Promise<{ length: number; evidence: 'sourced' | 'inferred'; nodes: NodeRecord[]; steps: { from: NodeRecord; to: NodeRecord; type: string; forward: boolean }[] } | null>;
  alternatives(id: string, first: number): Promise<{ alternative: NodeRecord; guidance: string | null; evidence: EvidenceValue | null; source: string | null; note: string | null; affectedServices: number }[]>;
  compliance(serviceId: string, today?: string): Promise<{ service: NodeRecord; score: number | null; requirements: number; assessed: number; notAssessable: number; assessedShare: number | null; note: string; muss: ComplianceGroupRecord; soll: ComplianceGroupRecord }>;
  compatibility(stackIds: readonly string[]): Promise<{ stacks: NodeRecord[]; rows: { item: NodeRecord; cells: { stackId: string; included: boolean; status: string | null; role: string | null }[] }[]; truncated: boolean }>;
  adoption(level: string, first: number): Promise<Awaited<ReturnType<typeof repo.adoptionByLevel>>>;
  subgraph(ids: readonly string[], depth: number, types: readonly string[] | null): Promise<SubgraphRecord>;
}

/**
 * Creates the traversal functions of one request on top of its graph loaders. Identical calls
 * within the request (aliases of the same traversal) are computed once and share the answer.
 */
export function createImpactLoaders(db: Database, graph: GraphLoaders): ImpactLoaders {
  return memoizeCalls(createTraversals(db, graph));
}

/** Wraps every method so that calls with equal arguments share one promise (per request). */
export function memoizeCalls<T extends object>(target: T): T {
  const cache = new Map<string, Promise<unknown>>();
  const out: Record<string, unknown> = {};
  for (const [name, fn] of Object.entries(target) as [string, unknown][]) {
    if (typeof fn !== 'function') continue;
    out[name] = (...args: unknown[]) => {
      const key = `${name}|${JSON.stringify(args)}`;
      let hit = cache.get(key);
      if (!hit) cache.set(key, (hit = (fn as (...a: unknown[]) => Promise<unknown>)(...args)));
      return hit;
    };
  }
  return out as T;
}

function createTraversals(db: Database, graph: GraphLoaders): ImpactLoaders {
  const requireNode = async (id: string, argument = 'id'): Promise<NodeRecord> => {
    const node = await graph.nodeById.load(id);
    if (!node) throw new NotFoundError(`No node with id "${id}"`, { id, argument });
    return node;
  };
  /** The node, looked up in the transaction of the traversal itself (one transaction, not two). */
  const requireNodeIn = async (tx: Tx, id: string, argument = 'id'): Promise<NodeRecord> => {
    const [node] = await nodesByIds(tx, [id]);
    if (!node) throw new NotFoundError(`No node with id "${id}"`, { id, argument });
    return node;
  };
  const requireLabel = (node: NodeRecord, labels: readonly string[], argument: string): void => {
    if (!labels.includes(node.label)) throw new InputError(`${argument} must be the id of a ${labels.join(' or ')}; "${node.id}" is a ${node.label}`, { argument });
  };

  return {
    async impactAnalysis(id, maxDepth, sourcedOnly, compiled) {
      if (compiled) {
        const [row] = await db.read((tx) => repo.runImpactStatement(tx, compiled.statement));
        if (!row) throw new NotFoundError(`No node with id "${id}"`, { id, argument: 'id' });
        const origin = row.origin as NodeRecord;
        requireLabel(origin, ['Component', 'Standard'], 'id');
        return impactRecordFromRow(row, compiled.plan, maxDepth, sourcedOnly);
      }
      const origin = await requireNode(id);
      requireLabel(origin, ['Component', 'Standard'], 'id');
      return db.read(async (tx) => {
        const components = await repo.impactedComponents(tx, id, maxDepth, sourcedOnly);
        const hits = [{ id, distance: 0, evidence: 'sourced' as const }, ...components.map((c) => ({ id: c.component.id, distance: c.distance, evidence: c.evidence }))];
        const nodeById = new Map<string, NodeRecord>([[id, origin], ...components.map((c) => [c.component.id, c.component] as const)]);
        const services = (await repo.impactedServices(tx, hits, sourcedOnly)).map((s) => ({ service: s.service, distance: s.distance, evidence: s.evidence, via: nodeById.get(s.viaId) as NodeRecord }));
        const byEvidence = (xs: readonly { evidence: string }[]) => ({ sourced: xs.filter((x) => x.evidence === 'sourced').length, inferred: xs.filter((x) => x.evidence !== 'sourced').length });
        const summary = await repo.impactSummary(tx, hits.map((h) => h.id), services.map((s) => s.service.id));
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
    },

    async dependencies(id, maxDepth, sourcedOnly = false) {
      return db.read(async (tx) => {
        const root = await requireNodeIn(tx, id);
        const entries = await repo.dependencyTree(tx, id, maxDepth, sourcedOnly, DEPENDENCY_ENTRY_LIMIT + 1);
        return { root, entries: cut(entries, DEPENDENCY_ENTRY_LIMIT), truncated: entries.length > DEPENDENCY_ENTRY_LIMIT };
      });
    },

    async path(from, to, maxDepth, sourcedOnly = false) {
      const [a] = await Promise.all([requireNode(from, 'from'), requireNode(to, 'to')]);
      if (from === to) return { length: 0, evidence: 'sourced', nodes: [a], steps: [] };
      const p = await db.read((tx) => repo.shortestPath(tx, from, to, maxDepth, sourcedOnly));
      if (!p) return null;
      const steps = p.relationships.map((r, i) => {
        const x = p.nodes[i] as NodeRecord;
        const y = p.nodes[i + 1] as NodeRecord;
        return { from: x, to: y, type: r.type, forward: r.from === x.id };
      });
      return { length: steps.length, evidence: p.evidence, nodes: p.nodes, steps };
    },

    async alternatives(id, first) {
      const rows = await db.read(async (tx) => {
        await requireNodeIn(tx, id);
        return repo.alternatives(tx, id, first);
      });
      const text = (v: unknown): string | null => (typeof v === 'string' ? v : null);
      return rows.map((r) => ({
        alternative: r.alternative,
        guidance: text(r.relationship.guidance),
        evidence: evidenceOf(r.relationship.evidence),
        source: text(r.relationship.source),
        note: text(r.relationship.note),
        affectedServices: r.affected,
      }));
    },

    async compliance(serviceId, today = new Date().toISOString().slice(0, 10)) {
      const { service, rows } = await db.read(async (tx) => {
        const node = await requireNodeIn(tx, serviceId, 'serviceId');
        requireLabel(node, ['Service'], 'serviceId');
        return { service: node, rows: await repo.complianceRows(tx, serviceId, today) };
      });
      const group = (): ComplianceGroupRecord => ({ met: 0, violated: 0, exempted: 0, notAssessable: 0, items: [] });
      const muss = group();
      const soll = group();
      for (const r of rows) {
        const status: ComplianceStatus = r.targetCount === 0 ? 'not_assessable' : r.missing.length === 0 ? 'met' : r.exception ? 'exempted' : 'violated';
        const g = r.requirement.level === 'MUSS' ? muss : soll;
        // The counts count every requirement; the items list at most COMPLIANCE_ITEM_LIMIT per group.
        if (g.items.length < COMPLIANCE_ITEM_LIMIT) g.items.push({ requirement: r.requirement, status, appliesVia: r.via, missing: status === 'met' ? [] : cut(r.missing, COMPLIANCE_MISSING_LIMIT), exception: status === 'exempted' ? r.exception : null, expires: status === 'exempted' ? ((r.exception?.expires as string | undefined) ?? null) : null });
        if (status === 'met') g.met++;
        else if (status === 'violated') g.violated++;
        else if (status === 'exempted') g.exempted++;
        else g.notAssessable++;
      }
      return { service, score: complianceScore(muss, soll), ...complianceCoverage(muss, soll), muss, soll };
    },

    async compatibility(stackIds) {
      if (stackIds.length === 0) throw new InputError('stackIds must name at least one stack', { argument: 'stackIds' });
      if (stackIds.length > COMPATIBILITY_STACK_LIMIT) throw new InputError(`stackIds must name at most ${COMPATIBILITY_STACK_LIMIT} stacks, got ${stackIds.length}`, { argument: 'stackIds' });
      const stacks = await Promise.all(stackIds.map((s) => requireNode(s, 'stackIds')));
      for (const s of stacks) requireLabel(s, ['Stack'], 'stackIds');
      // The database cuts the rows (by name, then id); one more than the bound says whether it did.
      const items = await db.read((tx) => repo.stackInclusions(tx, stackIds, COMPATIBILITY_ROW_LIMIT + 1));
      return {
        stacks,
        truncated: items.length > COMPATIBILITY_ROW_LIMIT,
        rows: cut(items, COMPATIBILITY_ROW_LIMIT)
          .sort((a, b) => a.item.name.localeCompare(b.item.name) || a.item.id.localeCompare(b.item.id))
          .map((r) => {
            const byStack = new Map(r.cells.map((c) => [c.stackId, c]));
            return {
              item: r.item,
              cells: stackIds.map((stackId) => {
                const c = byStack.get(stackId);
                return { stackId, included: Boolean(c), status: c?.status ?? null, role: c?.role ?? null };
              }),
            };
          }),
      };
    },

    async adoption(level, first) {
      if (!(ORGANIZATION_LEVELS as readonly string[]).includes(level)) throw new InputError(`level must be one of ${ORGANIZATION_LEVELS.join(', ')}, got "${level}"`, { argument: 'level' });
      const rows = await db.read((tx) => repo.adoptionByLevel(tx, level, first));
      return rows.map((r) => ({ ...r, byStatus: cut(r.byStatus, ADOPTION_STATUS_LIMIT) }));
    },

    async subgraph(ids, depth, types) {
      if (ids.length === 0) throw new InputError('ids must name at least one node', { argument: 'ids' });
      if (types) {
        const unknown = types.filter((t) => !(t in REL_RULES));
        if (unknown.length > 0) throw new InputError(`types must be relationship types (${Object.keys(REL_RULES).join(', ')}), got ${unknown.join(', ')}`, { argument: 'types' });
      }
      // Without types: every type but the derived ones (ASSESSED ties every item to the six criteria).
      const followed = types ?? Object.keys(REL_RULES).filter((t) => !(DERIVED_REL_TYPES as readonly string[]).includes(t));
      const origins = [...new Set(ids)];
      if (origins.length > SUBGRAPH_NODE_LIMIT) throw new InputError(`ids must name at most ${SUBGRAPH_NODE_LIMIT} nodes, got ${origins.length}`, { argument: 'ids' });
      // One transaction: the ids checked, one statement per level, then the names of what was found.
      // Breadth first: each level reads at most one edge more than there is room for, so neither the
      // database nor this process ever holds more than the bounds; a cut level sets `truncated`.
      return db.read(async (tx) => {
        const found = new Set((await repo.subgraphNodes(tx, origins)).map((n) => n.id));
        const missing = origins.find((id) => !found.has(id));
        if (missing !== undefined) throw new NotFoundError(`No node with id "${missing}"`, { id: missing, argument: 'ids' });
        const seen = new Set(origins);
        const edges = new Map<string, SubgraphRecord['edges'][number]>();
        let truncated = false;
        let previous: string[] = [];
        let frontier = origins;
        for (let level = 0; level < depth && frontier.length > 0 && !truncated; level++) {
          const next: string[] = [];
          const rows = await repo.neighbours(tx, frontier, followed, previous, SUBGRAPH_EDGE_LIMIT - edges.size + 1);
          for (const r of rows) {
            const id = `${r.source}|${r.type}|${r.target}`;
            if (edges.has(id)) continue;
            if (edges.size >= SUBGRAPH_EDGE_LIMIT) {
              truncated = true;
              break;
            }
            const fresh = [...new Set([r.source, r.target])].filter((n) => !seen.has(n));
            if (seen.size + fresh.length > SUBGRAPH_NODE_LIMIT) {
              truncated = true; // an edge to a node beyond the bound is left out; edges among kept nodes stay
              continue;
            }
            for (const n of fresh) {
              seen.add(n);
              next.push(n);
            }
            edges.set(id, { id, source: r.source, target: r.target, type: r.type, evidence: evidenceOf(r.evidence), provenance: r.provenance });
          }
          previous = frontier;
          frontier = next;
        }
        const byId = new Map((await repo.subgraphNodes(tx, [...seen])).map((n) => [n.id, n]));
        return {
          nodes: [...seen].flatMap((id) => {
            const n = byId.get(id);
            return n ? [{ id: n.id, label: n.label, name: n.name, evidence: evidenceOf(n.evidence) }] : [];
          }),
          edges: [...edges.values()],
          truncated,
        };
      });
    },
  };
}

/** Counts of each level, most first, then by name. */
function levelCounts(levels: readonly string[]): LevelCountRecord[] {
  const m = new Map<string, number>();
  for (const l of levels) m.set(l, (m.get(l) ?? 0) + 1);
  return sortLevels([...m].map(([level, count]) => ({ level, count })));
}

function sortLevels(rows: LevelCountRecord[]): LevelCountRecord[] {
  return rows.sort((a, b) => b.count - a.count || a.level.localeCompare(b.level));
}

/** Turns the row of a compiled impact statement into the report the resolvers read. */
function impactRecordFromRow(row: Record<string, unknown>, plan: ImpactPlan, maxDepth: number, sourcedOnly: boolean): ImpactReportRecord {
  const list = <T>(v: unknown): T[] => (Array.isArray(v) ? (v as T[]) : []);
  const componentOffset = plan.components?.skip ?? 0;
  const serviceOffset = plan.services?.skip ?? 0;
  return {
    origin: row.origin as NodeRecord,
    maxDepth,
    evidence: sourcedOnly ? 'SOURCED' : 'ANY',
    components: {
      offset: componentOffset,
      items: list<{ distance: number; evidence: 'sourced' | 'inferred'; path: NodeRecord[] | null; component: NodeRecord }>(row.componentPage).map((c, i) => ({
        cursor: encodeCursor(componentOffset + i),
        component: c.component,
        distance: c.distance,
        evidence: c.evidence,
        ...(c.path ? { path: c.path } : {}),
      })),
    },
    services: {
      offset: serviceOffset,
      items: list<{ distance: number; evidence: 'sourced' | 'inferred'; via: NodeRecord | null; service: NodeRecord }>(row.servicePage).map((s, i) => ({
        cursor: encodeCursor(serviceOffset + i),
        service: s.service,
        distance: s.distance,
        evidence: s.evidence,
        ...(s.via ? { via: s.via } : {}),
      })),
    },
    summary: {
      componentCount: Number(row.componentCount ?? 0),
      serviceCount: Number(row.serviceCount ?? 0),
      componentsByEvidence: { sourced: Number(row.componentsSourced ?? 0), inferred: Number(row.componentCount ?? 0) - Number(row.componentsSourced ?? 0) },
      servicesByEvidence: { sourced: Number(row.servicesSourced ?? 0), inferred: Number(row.serviceCount ?? 0) - Number(row.servicesSourced ?? 0) },
      byLayer: cut(list<GroupCountRecord>(row.byLayer), SUMMARY_GROUP_LIMIT),
      byTopic: cut(list<GroupCountRecord>(row.byTopic), SUMMARY_GROUP_LIMIT),
      byLifeSituation: cut(list<GroupCountRecord>(row.byLifeSituation), SUMMARY_GROUP_LIMIT),
      byExecutingLevel: cut(sortLevels(list<LevelCountRecord>(row.byExecutingLevel)), SUMMARY_LEVEL_LIMIT),
      organizations: list<ImpactedOrganizationRecord>(row.organizations).map((o) => ({ organization: o.organization, relations: [...o.relations].sort() })),
      organizationCount: Number(row.organizationCount ?? 0),
      byOrganizationLevel: cut(sortLevels(list<LevelCountRecord>(row.byOrganizationLevel)), SUMMARY_LEVEL_LIMIT),
    },
  };
}

/** Share of assessable requirements met or exempted, MUSS weighing twice; 1 when nothing is assessable. */
export function complianceScore(muss: ComplianceGroupRecord, soll: ComplianceGroupRecord): number | null {
  const ok = 2 * (muss.met + muss.exempted) + (soll.met + soll.exempted);
  const all = 2 * (muss.met + muss.exempted + muss.violated) + (soll.met + soll.exempted + soll.violated);
  return all === 0 ? null : ok / all;
}

/** How much of a compliance report could be assessed, in numbers and in words. */
export function complianceCoverage(muss: ComplianceGroupRecord, soll: ComplianceGroupRecord): { requirements: number; assessed: number; notAssessable: number; assessedShare: number | null; note: string } {
  const notAssessable = muss.notAssessable + soll.notAssessable;
  const requirements = muss.met + muss.violated + muss.exempted + soll.met + soll.violated + soll.exempted + notAssessable;
  const assessed = requirements - notAssessable;
  const note =
    requirements === 0
      ? 'No requirement applies to the service or to what it uses: there is nothing to score.'
      : assessed === 0
        ? `None of the ${requirements} requirements could be assessed (they name nothing to check against): there is no score.`
        : notAssessable > 0
          ? `The score covers ${assessed} of ${requirements} requirements; ${notAssessable} could not be assessed.`
          : `The score covers all ${requirements} requirements.`;
  return { requirements, assessed, notAssessable, assessedShare: requirements === 0 ? null : assessed / requirements, note };
}
