import { type FactConflict } from '../model';
import type { GraphNode, PropValue } from './graph';

export { isFactProperty, RESEARCH_OVER_DATASET } from '../model';

/** Records a resolved conflict on the item (property `conflicts`: one JSON text per conflict). */
export function recordConflict(node: GraphNode, c: FactConflict): void {
  const props = node.props as Record<string, PropValue>;
  const list = Array.isArray(props.conflicts) ? (props.conflicts as string[]) : [];
  props.conflicts = [...list, JSON.stringify(c)];
}

