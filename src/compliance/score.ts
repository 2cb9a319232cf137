import type { ComplianceGroupRecord } from './records';

/** Share of assessable requirements met or exempted, MUSS weighing twice; null when nothing is assessable. */
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
