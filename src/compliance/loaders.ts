import { memoizeCalls } from '../engine/memoizeCalls';
import { cut } from '../engine/paging';
import { requireLabel, requireNodeIn } from '../engine/requireNode';
import type { Database } from '../neo4j/db';
import { COMPLIANCE_ITEM_LIMIT, COMPLIANCE_MISSING_LIMIT } from './bounds';
import { complianceStatus } from './complianceStatus';
import type { ComplianceGroupRecord, ComplianceReportRecord } from './records';
import * as repo from './repository';
import { complianceCoverage, complianceScore } from './score';

/** Per-request compliance reports. */
export interface ComplianceLoaders {
  /** The requirements that apply to the service `serviceId` as of `today` (YYYY-MM-DD), split into MUSS and SOLL, with a score. */
  compliance(serviceId: string, today?: string): Promise<ComplianceReportRecord>;
}

/** Creates the compliance reports of one request; identical calls within it share one answer. */
export function createComplianceLoaders(db: Database): ComplianceLoaders {
  return memoizeCalls<ComplianceLoaders>({
    async compliance(serviceId, today = new Date().toISOString().slice(0, 10)) {
      // Both statements are sent together (one round trip): the rows are empty unless the id names a
      // service, and the node says which error it is when it does not.
      const { service, rows } = await db.read(async (tx) => {
        // Both settle before the transaction ends, whichever fails (no answer left to a rolled-back one).
        const [node, found] = await Promise.allSettled([requireNodeIn(tx, serviceId, 'serviceId'), repo.complianceRows(tx, serviceId, today)]);
        if (node.status === 'rejected') throw node.reason;
        if (found.status === 'rejected') throw found.reason;
        requireLabel(node.value, ['Service'], 'serviceId');
        return { service: node.value, rows: found.value };
      });
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
