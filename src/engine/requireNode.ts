import { InputError, NotFoundError } from '../errors';
import type { GraphLoaders } from '../graph/loaders';
import type { NodeRecord } from '../graph/records';
import { nodesByIds } from '../graph/repository';
import type { Tx } from '../neo4j/db';

/** The node `id` through the request's node loader; NOT_FOUND naming the argument when there is none. */
export async function requireNode(graph: GraphLoaders, id: string, argument = 'id'): Promise<NodeRecord> {
  const node = await graph.nodeById.load(id);
  if (!node) throw new NotFoundError(`No node with id "${id}"`, { id, argument });
  return node;
}

/** The node `id`, looked up in the transaction of the traversal itself (one transaction, not two). */
export async function requireNodeIn(tx: Tx, id: string, argument = 'id'): Promise<NodeRecord> {
  const [node] = await nodesByIds(tx, [id]);
  if (!node) throw new NotFoundError(`No node with id "${id}"`, { id, argument });
  return node;
}

/** BAD_USER_INPUT unless the node carries one of `labels`, restating the rule and the node's label. */
export function requireLabel(node: NodeRecord, labels: readonly string[], argument: string): void {
  if (!labels.includes(node.label)) throw new InputError(`${argument} must be the id of a ${labels.join(' or ')}; "${node.id}" is a ${node.label}`, { argument });
}
