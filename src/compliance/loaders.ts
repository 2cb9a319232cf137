import { memoizeCalls } from '../engine/memoizeCalls';
import { cut } from '../engine/paging';
import { requireFound, requireLabel } from '../engine/requireNode';
import type { Database } from '../neo4j/db';
import { COMPLIANCE_ITEM_LIMIT, COMPLIANCE_MISSING_LIMIT } from './bounds';
import { complianceStatus } from './complianceStatus';
import type { ComplianceGroupRecord, ComplianceReportRecord } from './records';
import * as repo from './repository';
import { ALL_COMPLIANCE_KEYS, type ComplianceKeys } from './repository';
import { complianceCoverage, complianceScore } from './score';

/** Per-request compliance reports. */
export interface ComplianceLoaders {
  /** The requirements that apply to the service `serviceId` as of `today` (YYYY-MM-DD), split into MUSS and SOLL, with a score. */
  compliance(serviceId: string, today?: string, keys?: ComplianceKeys): Promise<ComplianceReportRecord>;
}

/** Creates the compliance reports of one request; identical calls within it share one answer. */
export function createComplianceLoaders(db: Database): ComplianceLoaders {
  return memoizeCalls<ComplianceLoaders>({
    async compliance(serviceId, today = new Date().toISOString().slice(0, 10), keys = ALL_COMPLIANCE_KEYS) {
      // One statement: the node says which error it is when the id names no service; the rows are
      // empty unless it does.
      const read = await db.read((tx) => repo.complianceRows(tx, serviceId, today, keys));
      const service = requireFound(read.node, serviceId, 'serviceId');
      requireLabel(service, ['Service'], 'serviceId');
      const rows = read.rows;
      const group = (): ComplianceGroupRecord => ({ met: 0, violated: 0, exempted: 0, notAssessable: 0, items: [] });
      const muss = group();
      const soll = group();
      for (const r of rows) {
        const { status, reason } = complianceStatus(r.requirement.rule, r.targetCount, r.missing.length, r.exception !== null);
        const g = r.requirement.level === 'MUSS' ? muss : soll;
        // The counts count every requirement; the items list at most COMPLIANCE_ITEM_LIMIT per group.
        if (g.items.length < COMPLIANCE_ITEM_LIMIT) g.items.push({ requirement: r.requirement, status, reason, appliesVia: r.via, missing: status === 'met' ? [] : cut(r.missing, COMPLIANCE_MISSING_LIMIT), exception: status === 'exempted' ? r.exception : null, expires: status === 'exempted' ? ((r.exception?.expires as string | undefined) ?? null) : null });
        if (status === 'met') g.met++;
        else if (status === 'violated') g.violated++;
        else if (status === 'exempted') g.exempted++;
        else g.notAssessable++;
      }
      return { service, score: complianceScore(muss, soll), ...complianceCoverage(muss, soll), muss, soll };
    },
  });
}
