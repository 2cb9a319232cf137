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
  return tx.stream(useGraphQuery, {}, (r) => ({ from: r.from, fromLabel: r.fromLabel, type: r.type, to: r.to, role: r.role, roleName: r.roleName, need: typeof r.need === 'number' ? r.need : null, optional: r.optional === true, evidence: r.evidence ?? null }));
}

/** What may make each component or standard a risk. */
export async function itemRiskFacts(tx: Tx): Promise<ItemRiskFacts[]> {
  return tx.stream(itemRisksQuery, {}, ({ stewardLevel, stewardKind, labels, ...r }) => ({
    ...r,
    label: labels.includes('Standard') ? 'Standard' : 'Component',
    stewardType: r.steward === null ? null : stewardTypeOf(stewardLevel, stewardKind),
    notMet: r.notMet ?? [],
    licenceChanges: r.licenceChanges ?? [],
  }));
}

const groupsQuery = query<WhatIfHierarchy>('whatif/groups');
const serviceGroupsQuery = query<WhatIfServiceRow>('whatif/serviceGroups');
const layersQuery = query<{ id: string; layer: string }>('whatif/layers');
const requirementsQuery = query<{ id: string; level: string; targets: string[]; appliesTo: string[] }>('whatif/requirements');

/** Topic and executing levels of every service; layers of every component and standard. */
export async function groupsOf(tx: Tx): Promise<{ services: WhatIfServiceRow[]; layers: { id: string; layer: string }[] } & WhatIfHierarchy> {
  const services = await tx.stream(serviceGroupsQuery, {}, (r) => r);
  const layers = await tx.stream(layersQuery, {}, (r) => r);
  const [r] = await tx.run(groupsQuery);
  return { services, layers, ozs: r?.ozs ?? [], lifeSituations: r?.lifeSituations ?? [] };
}

/** Requirements with their required items and what they apply to. */
export async function requirementRows(tx: Tx): Promise<{ id: string; level: string; targets: string[]; appliesTo: string[] }[]> {
  return tx.run(requirementsQuery);
}
