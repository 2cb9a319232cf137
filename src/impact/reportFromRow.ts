import type { ImpactPlan } from '../engine/impactStatement';
import { cut, encodeCursor } from '../engine/paging';
import type { NodeRecord } from '../graph/records';
import { SUMMARY_GROUP_LIMIT, SUMMARY_LEVEL_LIMIT } from './bounds';
import type { EvidenceValue, GroupCountRecord, ImpactReportRecord, ImpactedOrganizationRecord, LevelCountRecord } from './records';

/** Levels by count, most first, then by name (the statement leaves the few levels unsorted). */
export function sortLevels(rows: LevelCountRecord[]): LevelCountRecord[] {
  return rows.sort((a, b) => b.count - a.count || a.level.localeCompare(b.level));
}

/**
 * Turns the row of a compiled impact statement into the report the resolvers read: the fetched pages
 * as slices from the plan's offsets, each hit with its cursor; parts not selected stay empty.
 */
export function reportFromRow(row: Record<string, unknown>, plan: ImpactPlan, maxDepth: number, sourcedOnly: boolean): ImpactReportRecord {
  const list = <T>(v: unknown): T[] => (Array.isArray(v) ? (v as T[]) : []);
  const componentOffset = plan.components?.skip ?? 0;
  const serviceOffset = plan.services?.skip ?? 0;
  return {
    origin: row.origin as NodeRecord,
    maxDepth,
    evidence: sourcedOnly ? 'SOURCED' : 'ANY',
    components: {
      offset: componentOffset,
      items: list<{ distance: number; evidence: EvidenceValue; path: NodeRecord[] | null; component: NodeRecord }>(row.componentPage).map((c, i) => ({
        cursor: encodeCursor(componentOffset + i),
        component: c.component,
        distance: c.distance,
        evidence: c.evidence,
        ...(c.path ? { path: c.path } : {}),
      })),
    },
    services: {
      offset: serviceOffset,
      items: list<{ distance: number; evidence: EvidenceValue; via: NodeRecord | null; service: NodeRecord }>(row.servicePage).map((s, i) => ({
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
      componentsByEvidence: byEvidence(row.componentCount, row.componentsSourced, row.componentsSecondary),
      servicesByEvidence: byEvidence(row.serviceCount, row.servicesSourced, row.servicesSecondary),
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

/** Hits by evidence: sourced, secondary, and the rest (inferred). */
function byEvidence(total: unknown, sourced: unknown, secondary: unknown): { sourced: number; secondary: number; inferred: number } {
  const s = Number(sourced ?? 0);
  const t = Number(secondary ?? 0);
  return { sourced: s, secondary: t, inferred: Number(total ?? 0) - s - t };
}
