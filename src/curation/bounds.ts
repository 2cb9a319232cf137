/**
 * The most items each list of the write side's types holds: by what a proposal may hold (operations:
 * PROPOSAL_MAX_OPERATIONS, at most 1,000; citations 50; unset 100) or cut where the answer is made
 * (src/limits/boundLists.ts). Two users: the resolvers and the cost model (src/limits/prices.ts).
 */
export const CURATION_LIST_BOUNDS: Readonly<Record<string, number>> = {
  'Query.curationConflicts': 1000,
  'Proposal.citations': 50,
  'Proposal.operations': 1000,
  'Proposal.diff': 1000,
  'ProposalOperation.unset': 100,
  'AuditEntry.organizations': 20,
  'AuditEntry.ids': 200,
};

/** Most citations (registry ids and new entries together) one proposal may hold. */
export const MAX_CITATIONS = 50;
/** Most properties one operation may unset. */
export const MAX_UNSET = 100;
