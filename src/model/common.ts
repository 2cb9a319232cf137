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
  ...CONTRIBUTION_FIELDS,
];

/** Properties every relationship may carry besides its type's own (the common link fields). */
export const COMMON_LINK_PROPERTIES = ['source', 'evidence', 'sources', 'note', 'rule', 'proposal', 'contributedBy', 'reviewedBy'] as const;

/** Properties only an accepted proposal writes (src/curation): a change set may not set them itself. */
export const CONTRIBUTION_PROPERTIES = ['proposal', 'contributedBy', 'reviewedBy'] as const;
