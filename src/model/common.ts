/**
 * The fields every node type and every link type has, as SDL (they refer to types of the
 * hand-written domain SDL: Citation and Rule in provenance.graphql, Change in profiles.graphql).
 * The Node and Link interfaces (schema/base.graphql) declare them too.
 */
const SOURCES = '"The sources of the fact, resolved in the registry (publisher, kind, address), each with its locator: at most 20, in the order stated (more are left out)."\n  sources: [Citation!]!';

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
];

/** Properties every relationship may carry besides its type's own (the common link fields). */
export const COMMON_LINK_PROPERTIES = ['source', 'evidence', 'sources', 'note', 'rule'] as const;
