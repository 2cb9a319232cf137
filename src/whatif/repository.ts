import type { Tx } from '../neo4j/db';
import { query } from '../neo4j/query';
import type { UseEdge } from './engine';
import { stewardTypeOf } from '../model';
import type { ItemRiskFacts } from './risks';
import type { WhatIfHierarchy, WhatIfServiceRow } from './tasks';

const useGraphQuery = query<{ from: string; fromLabel: 'Service' | 'Component'; type: UseEdge['type']; to: string; role: string | null; roleName: string | null; need: number | null; optional: boolean | null; evidence: string | null }>('whatif/useGraph');
const itemRisksQuery = query<{ id: string; stage: string | null; endOfSupport: string | null; licenceClass: string | null; licence: string | null; steward: string | null; stewardCountry: string | null; stewardLevel: string | null; stewardKind: string | null; labels: string[]; euCheck: boolean | null; notMet: string[]; licenceChanges: string[] }>('whatif/itemRisks');

/** Every use, need and implementation of services and components. */
export async function useEdges(tx: Tx): Promise<UseEdge[]> {
  const rows = await tx.run(useGraphQuery);
  return rows.map((r) => ({ from: r.from, fromLabel: r.fromLabel, type: r.type, to: r.to, role: r.role, roleName: r.roleName, need: typeof r.need === 'number' ? r.need : null, optional: r.optional === true, evidence: r.evidence ?? null }));
}

/** What may make each component or standard a risk. */
export async function itemRiskFacts(tx: Tx): Promise<ItemRiskFacts[]> {
  const rows = await tx.run(itemRisksQuery);
  return rows.map(({ stewardLevel, stewardKind, labels, ...r }) => ({
    ...r,
    label: labels.includes('Standard') ? 'Standard' : 'Component',
    stewardType: r.steward === null ? null : stewardTypeOf(stewardLevel, stewardKind),
    notMet: r.notMet ?? [],
    licenceChanges: r.licenceChanges ?? [],
  }));
}

const groupsQuery = query<{ services: WhatIfServiceRow[]; layers: { id: string; layer: string }[] } & WhatIfHierarchy>('whatif/groups');
const requirementsQuery = query<{ id: string; level: string; targets: string[]; appliesTo: string[] }>('whatif/requirements');

/** Topic and executing levels of every service; layers of every component and standard. */
export async function groupsOf(tx: Tx): Promise<{ services: WhatIfServiceRow[]; layers: { id: string; layer: string }[] } & WhatIfHierarchy> {
  const [r] = await tx.run(groupsQuery);
  return { services: r?.services ?? [], layers: r?.layers ?? [], ozs: r?.ozs ?? [], lifeSituations: r?.lifeSituations ?? [] };
}

/** Requirements with their required items and what they apply to. */
export async function requirementRows(tx: Tx): Promise<{ id: string; level: string; targets: string[]; appliesTo: string[] }[]> {
  return tx.run(requirementsQuery);
}
