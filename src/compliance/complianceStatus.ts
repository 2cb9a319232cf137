import type { ComplianceStatus } from './records';

/**
 * The status of one requirement for a service, by the kind of rule the requirement encodes
 * (`rule` of seeds/requirements.yaml), with the reason in words:
 * - nothing required (no REQUIRES): not assessable, the rule names nothing to check against;
 * - everything required reached: met (used, or reached through what is used, or met as a source states);
 * - `must-use` (a named item has to be used): violated when the service does not reach it, unless an
 *   exception holds (exempted);
 * - `must-meet` (conform to a guideline, a standard or a criterion, e.g. the federal architecture
 *   guideline): conformance is met when a source states it (an item that implements or meets it);
 *   when none does, the graph cannot tell, so the requirement is not assessable, never violated:
 *   not reaching a guideline in the dependency graph says nothing about conforming to it.
 */
export function complianceStatus(rule: unknown, targetCount: number, missingCount: number, exempted: boolean): { status: ComplianceStatus; reason: string } {
  if (targetCount === 0) return { status: 'not_assessable', reason: 'The requirement names nothing to check against.' };
  if (missingCount === 0) return { status: 'met', reason: 'The service reaches everything the requirement names (uses it, or uses what depends on, implements or meets it).' };
  if (exempted) return { status: 'exempted', reason: 'An exception to the requirement holds for the service or what it applies through.' };
  if (rule === 'must-meet') {
    return {
      status: 'not_assessable',
      reason: 'A conformance rule (must-meet): no source states that the service or what it uses meets what the requirement names, and the dependency graph cannot show conformance, so it is not assessed (not counted as violated).',
    };
  }
  return { status: 'violated', reason: 'A use rule (must-use): the service does not reach what the requirement names, and no exception holds.' };
}
