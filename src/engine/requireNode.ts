import { InputError, NotFoundError } from '../errors';
import type { GraphLoaders } from '../graph/loaders';
import type { NodeRecord } from '../graph/records';
import { nodesByIds } from '../graph/repository';
import type { Tx } from '../neo4j/db';

/** `found` (what a lookup of the node `id` gave), or NOT_FOUND naming the argument when there is none. */
export function requireFound<T>(found: T | null | undefined, id: string, argument = 'id'): T {
  if (found === null || found === undefined) throw new NotFoundError(`No node with id "${id}"`, { id, argument });
  return found;
}

/** The node `id` through the request's node loader; NOT_FOUND naming the argument when there is none. */
export async function requireNode(graph: GraphLoaders, id: string, argument = 'id'): Promise<NodeRecord> {
  return requireFound(await graph.nodeById.load(id), id, argument);
}

/** The node `id`, looked up in the transaction of the traversal itself (one transaction, not two). */
export async function requireNodeIn(tx: Tx, id: string, argument = 'id'): Promise<NodeRecord> {
  const [node] = await nodesByIds(tx, [id]);
  return requireFound(node, id, argument);
}

/** BAD_USER_INPUT unless the node carries one of `labels`, restating the rule and the node's label. */
export function requireLabel(node: NodeRecord, labels: readonly string[], argument: string): void {
  if (!labels.includes(node.label)) throw new InputError(`${argument} must be the id of a ${labels.join(' or ')}; "${node.id}" is a ${node.label}`, { argument });
}
