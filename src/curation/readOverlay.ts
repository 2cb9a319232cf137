import type { Database } from '../neo4j/db';
import type { Base, Operation } from './changeSet';
import type { OverlayEntry } from './overlay';
import { acceptedProposals, type StoredProposal } from './repository';
import { evidenceOf } from './evidenceOf';

/** The overlay entry of an accepted proposal as stored. */
export function overlayEntryOf(p: StoredProposal): OverlayEntry {
  return {
    id: String(p.id),
    operations: JSON.parse(String(p.operations ?? '[]')) as Operation[],
    bases: JSON.parse(String(p.appliedBases ?? p.bases ?? '[]')) as Base[],
    stamp: {
      proposal: String(p.id),
      organization: String(p.organization ?? ''),
      reviewer: String(p.reviewerName ?? p.reviewer ?? ''),
      // The evidence the review wrote (secondary when every source cited is press or secondary), else the proposal's kind's.
      evidence: p.appliedEvidence === 'secondary' || p.appliedEvidence === 'sourced' || p.appliedEvidence === 'reported' ? p.appliedEvidence : evidenceOf(p),
      ...(typeof p.appliedOn === 'string' ? { checked: p.appliedOn } : {}),
      citations: Array.isArray(p.citations) ? p.citations.map(String) : [],
      sourceText: String(p.sourceText ?? ''),
    },
  };
}

/** Every accepted proposal, in the order accepted, as the overlay a load re-applies. */
export async function readOverlay(db: Pick<Database, 'read'>): Promise<OverlayEntry[]> {
  return (await db.read((tx) => acceptedProposals(tx))).map(overlayEntryOf);
}
