/**
 * The fields every node type and every link type has, as SDL (they refer to types of the
 * hand-written domain SDL: Citation and Rule in provenance.graphql, Change in profiles.graphql).
 * The Node and Link interfaces (schema/base.graphql) declare them too.
 */
const SOURCES = '"The sources of the fact, resolved in the registry (publisher, kind, address), each with its locator: at most 20, in the order stated (more are left out)."\n  sources: [Citation!]!';

/** Fields of what a proposal contributed or changed last (absent on facts of the seed files). */
const CONTRIBUTION_FIELDS = [
  '"The accepted proposal that contributed this fact or changed it last (see `proposal(id)`)."\n  proposal: String',
  '"The organisation (graph id) whose member proposed it."\n  contributedBy: String',
  '"Who accepted the proposal (a reviewer other than its author)."\n  reviewedBy: String',
];

/** Fields of every node type, before its own. */
export const COMMON_NODE_FIELDS = [
  'id: ID!',
  'name: String!',
  '"English name, where the source has one."\n  nameEn: String',
  'label: String!',
  'source: String',
  'evidence: Evidence',
  SOURCES,
  'description: String',
  'descriptionEn: String',
  'note: String',
  '"When a source of the fact was last read (the newest `retrieved` date of its sources; for an accepted proposal, the day it was accepted). `stale` lists facts by it."\n  checked: String',
  ...CONTRIBUTION_FIELDS,
];

/** Fields of every node type, after its relationship fields. */
export const CLOSING_NODE_FIELDS = ['"What the change log recorded for this node, newest first."\n  history(first: Int = 20): [Change!]!'];

/** Fields of every link type, before its own properties. */
export const COMMON_LINK_FIELDS = [
  '"Relationship type, e.g. DEPENDS_ON."\n  type: String!',
  'source: String',
  'evidence: Evidence',
  SOURCES,
  '"For a link made by an inference rule: the rule (its evidence is inferred)."\n  rule: Rule',
  'note: String',
  '"When a source of the fact was last read (the newest `retrieved` date of its sources; for an accepted proposal, the day it was accepted)."\n  checked: String',
  '"The day the fact holds from, where a source states it (YYYY, YYYY-MM or YYYY-MM-DD)."\n  validFrom: String',
  '"The last day the fact held, where a source states it: a use or dependency that ended (e.g. a payment scheme that was shut down)."\n  validUntil: String',
  ...CONTRIBUTION_FIELDS,
];

/** Properties every relationship may carry besides its type's own (the common link fields). */
export const COMMON_LINK_PROPERTIES = ['source', 'evidence', 'sources', 'note', 'rule', 'checked', 'validFrom', 'validUntil', 'proposal', 'contributedBy', 'reviewedBy'] as const;

/** Common link properties that hold a date (YYYY, YYYY-MM or YYYY-MM-DD). */
export const COMMON_LINK_DATES = ['validFrom', 'validUntil'] as const;

/** Properties only an accepted proposal writes (src/curation): a change set may not set them itself. */
export const CONTRIBUTION_PROPERTIES = ['proposal', 'contributedBy', 'reviewedBy'] as const;
