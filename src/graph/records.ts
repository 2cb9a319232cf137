/** A node as resolvers see it: its id, name, label and every stored property. */
export interface NodeRecord {
  readonly id: string;
  readonly name: string;
  readonly label: string;
  readonly [property: string]: unknown;
}

/**
 * A relationship seen from one end: its type and properties, and the node at the other end. The links
 * loader fills in every field; a compiled projection (src/engine/Projection.ts) only what the query
 * reads: `type` when selected, `linkType` when the link's GraphQL type is abstract.
 */
export interface LinkRecord {
  readonly type: string;
  readonly node: NodeRecord;
  /** The GraphQL type of this link (DependsOnComponentLink, ConcernsNodeLink, ...: src/model/relationFields.ts). */
  readonly linkType: string;
  readonly [property: string]: unknown;
}

/** A page of a root list: its edges, paging, and the total count when it was selected (else null). */
export interface ConnectionRecord {
  readonly edges: readonly { readonly cursor: string; readonly node: NodeRecord }[];
  readonly pageInfo: { readonly hasNextPage: boolean; readonly endCursor: string | null };
  readonly totalCount: number | null;
}

/** Builds a NodeRecord from a node's properties and labels (the model label, not GraphNode). */
export function toNodeRecord(props: Record<string, unknown>, labels: readonly string[]): NodeRecord {
  const label = labels.find((l) => l !== 'GraphNode') ?? 'GraphNode';
  return { ...props, id: String(props.id), name: String(props.name ?? props.id), label };
}
