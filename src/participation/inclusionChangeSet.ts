import type { Operation } from '../curation/changeSet';
import type { PropValue } from '../seed/graph';

/** A new item's profile as an inclusion request states it. */
export interface NewItem {
  readonly id: string;
  readonly label: 'Component' | 'Standard';
  readonly name: string;
  /** Component: its kind (basisdienst, product, ...); Standard: its family. */
  readonly kind: string;
  readonly description: string | null;
  readonly license: string | null;
  readonly steward: string | null;
  readonly stewardId: string | null;
  readonly layer: string | null;
  readonly operatingModels: readonly string[];
  readonly url: string | null;
}

/** A level and reason per criterion, as a reviewer decides it. */
export interface CriterionDecision {
  readonly criterion: string;
  /** met, partly or not-met (the model's spelling). */
  readonly level: 'met' | 'partly' | 'not-met';
  readonly reason: string;
}

/** What a reviewer decided on an inclusion request, with what the graph already holds. */
export interface InclusionDecisionFacts {
  readonly requestId: string;
  readonly outcome: 'included' | 'rejected' | 'deferred';
  readonly reason: string;
  readonly reference: string | null;
  readonly criteria: readonly CriterionDecision[];
  readonly date: string;
  readonly itemId: string;
  readonly itemName: string;
  /** The item's profile when it is not in the graph yet (it is added, whatever the outcome, so that the decision can name it). */
  readonly newItem: NewItem | null;
  readonly stack: string;
  readonly stackName: string;
  /** The deciding organisation (the reviewer's) and its name. */
  readonly body: string;
  readonly bodyName: string;
  /** Whether the stack includes the item already (INCLUDES exists). */
  readonly alreadyIncluded: boolean;
}

/** The id of the Decision node an inclusion request's decision becomes. */
export const decisionIdOf = (requestId: string): string => `decision:${requestId}`;

/**
 * The change set a decision on an inclusion request writes (pure): a new item (when the request
 * brought one), the Decision with DECIDES (the outcome), RATES per criterion (level and reason),
 * SCOPED_TO the stack and DECIDED_BY the deciding organisation; for `included`, INCLUDES from the
 * stack (unless it includes the item already).
 */
export function inclusionChangeSet(d: InclusionDecisionFacts): Operation[] {
  const ops: Operation[] = [];
  const n = d.newItem;
  if (n) {
    const props: Record<string, PropValue> = { name: n.name, [n.label === 'Component' ? 'kind' : 'family']: n.kind };
    if (n.description) props.description = n.description;
    if (n.license) props.license = n.license;
    if (n.url) props.homepage = n.url;
    if (n.operatingModels.length > 0) props.operatingModels = [...n.operatingModels];
    if (n.steward && !n.stewardId) props.stewardName = n.steward;
    ops.push({ op: 'addNode', label: n.label, id: n.id, properties: props });
    if (n.layer) ops.push({ op: 'addLink', type: 'IN_LAYER', from: n.id, to: n.layer, properties: {} });
    if (n.stewardId) ops.push({ op: 'addLink', type: 'STEWARDS', from: n.stewardId, to: n.id, properties: {} });
  }
  const id = decisionIdOf(d.requestId);
  const decision: Record<string, PropValue> = {
    name: `${d.bodyName}: ${d.itemName} ${d.outcome} (${d.stackName})`,
    outcome: d.outcome,
    date: d.date,
    rationale: d.reason,
    bodyName: d.bodyName,
    request: d.requestId,
    item: d.itemId,
    body: d.body,
    stack: d.stack,
  };
  if (d.reference) decision.reference = d.reference;
  ops.push({ op: 'addNode', label: 'Decision', id, properties: decision });
  ops.push({ op: 'addLink', type: 'DECIDES', from: id, to: d.itemId, properties: { outcome: d.outcome } });
  for (const c of d.criteria) ops.push({ op: 'addLink', type: 'RATES', from: id, to: c.criterion, properties: { level: c.level, reason: c.reason } });
  ops.push({ op: 'addLink', type: 'SCOPED_TO', from: id, to: d.stack, properties: {} });
  ops.push({ op: 'addLink', type: 'DECIDED_BY', from: id, to: d.body, properties: {} });
  if (d.outcome === 'included' && !d.alreadyIncluded) {
    ops.push({ op: 'addLink', type: 'INCLUDES', from: d.stack, to: d.itemId, properties: { status: 'approved', rationale: d.reason, since: d.date, listedIn: `${d.requestId} (${d.bodyName})` } });
  }
  return ops;
}
