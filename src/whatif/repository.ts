import type { Tx } from '../neo4j/db';
import { query } from '../neo4j/query';
import type { UseEdge } from './engine';
import type { ItemRiskFacts } from './risks';

const useGraphQuery = query<{ from: string; fromLabel: 'Service' | 'Component'; type: UseEdge['type']; to: string; role: string | null; roleName: string | null; need: number | null; optional: boolean | null }>('whatif/useGraph');
const itemRisksQuery = query<{ id: string; stage: string | null; endOfSupport: string | null; licenceClass: string | null; licence: string | null; steward: string | null; stewardCountry: string | null; euCheck: boolean | null; notMet: string[] }>('whatif/itemRisks');

/** Every use, need and implementation of services and components. */
export async function useEdges(tx: Tx): Promise<UseEdge[]> {
  const rows = await tx.run(useGraphQuery);
  return rows.map((r) => ({ from: r.from, fromLabel: r.fromLabel, type: r.type, to: r.to, role: r.role, roleName: r.roleName, need: typeof r.need === 'number' ? r.need : null, optional: r.optional === true }));
}

/** What may make each component or standard a risk. */
export async function itemRiskFacts(tx: Tx): Promise<ItemRiskFacts[]> {
  const rows = await tx.run(itemRisksQuery);
  return rows.map((r) => ({ ...r, notMet: r.notMet ?? [] }));
}
