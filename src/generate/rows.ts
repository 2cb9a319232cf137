import type { EdgeSet, GenerationPlan, Space } from './plan';

/** Every synthetic id starts with this, so synthetic nodes can never be taken for real ones. */
export const SYNTHETIC_PREFIX = 'syn:';

/** The provenance every synthetic node and relationship carries. */
export const SYNTHETIC_PROVENANCE = {
  synthetic: true,
  evidence: 'inferred',
  source: 'dstack-graph generator (synthetic, not real data)',
} as const;

/** The statements the generator writes with (one per node label and per relationship type). */
export type NodeStatement = 'createOrganizations' | 'createComponents' | 'createServices';
export type RelationshipStatement = 'createPartOf' | 'createDependsOn' | 'createInLayer' | 'createUses' | 'createOffers';

/**
 * One UNWIND batch. Node rows are property maps. Relationships come as the batch's distinct start
 * ids (`from`) and end ids (`to`), each looked up once per batch however many relationships it has,
 * and per relationship the positions of its two ends in them (`fromAt[k]`, `toAt[k]`).
 */
export type WriteBatch = NodeBatch | RelationshipBatch;
export interface NodeBatch {
  readonly phase: 'nodes';
  readonly statement: NodeStatement;
  readonly rows: Record<string, unknown>[];
}
export interface RelationshipBatch {
  readonly phase: 'relationships';
  readonly statement: RelationshipStatement;
  readonly from: string[];
  readonly to: string[];
  readonly fromAt: Int32Array;
  readonly toAt: Int32Array;
}

/** The rows (nodes or relationships) a batch writes. */
export function batchRows(batch: WriteBatch): number {
  return batch.phase === 'nodes' ? batch.rows.length : batch.fromAt.length;
}

/** The relationships of a batch as [fromId, toId] pairs, in order. */
export function relationshipPairs(batch: RelationshipBatch): [string, string][] {
  return Array.from(batch.fromAt, (f, k) => [batch.from[f]!, batch.to[batch.toAt[k]!]!]);
}

const RELATIONSHIP_STATEMENT: Record<EdgeSet['type'], RelationshipStatement> = {
  PART_OF: 'createPartOf',
  DEPENDS_ON: 'createDependsOn',
  IN_LAYER: 'createInLayer',
  USES: 'createUses',
  OFFERS: 'createOffers',
};

/** The id of the node at `index` of `space` in `plan`. */
export function idOf(plan: GenerationPlan, space: Space, index: number): string {
  switch (space) {
    case 'land':
      return plan.lands[index]!;
    case 'kreis':
      return `${SYNTHETIC_PREFIX}kreis:${index}`;
    case 'kommune':
      return `${SYNTHETIC_PREFIX}kommune:${index}`;
    case 'component':
      return index < plan.components.length ? plan.components[index]! : `${SYNTHETIC_PREFIX}component:${index - plan.components.length}`;
    case 'layer':
      return plan.layers[index]!;
    case 'service':
      return `${SYNTHETIC_PREFIX}service:${index}`;
    case 'ozgService':
      return plan.ozgServices[index]!;
  }
}

/**
 * The plan as UNWIND batches of at most `size` rows, in write order: all nodes (organisations,
 * components, services), then all relationships (each batch of one type). Rows are made batch by
 * batch, never all at once.
 */
export function* writeBatches(plan: GenerationPlan, size: number): Generator<WriteBatch> {
  const real = plan.components.length;
  yield* chunks(plan.kreisLand.length, size, (i) => ({ id: idOf(plan, 'kreis', i), name: `Synthetic Kreis ${i}`, level: 'Kommune', kind: 'district' }), 'createOrganizations');
  yield* chunks(plan.kommuneKreis.length, size, (i) => ({ id: idOf(plan, 'kommune', i), name: `Synthetic Kommune ${i}`, level: 'Kommune', kind: 'municipality' }), 'createOrganizations');
  yield* chunks(plan.componentKind.length, size, (i) => ({ id: idOf(plan, 'component', real + i), name: `Synthetic component ${i}`, kind: plan.componentKind[i]! }), 'createComponents');
  yield* chunks(
    plan.serviceTemplate.length,
    size,
    (i) => {
      const t = plan.templates[plan.serviceTemplate[i]!]!;
      return { id: idOf(plan, 'service', i), name: `Synthetic service ${i}`, leikaType: t.leikaType, executingLevels: [...t.executingLevels] };
    },
    'createServices',
  );
  for (const set of plan.edges) {
    for (let start = 0; start < set.fromIndex.length; start += size) {
      const end = Math.min(start + size, set.fromIndex.length);
      const from = new Distinct((i) => idOf(plan, set.from, i));
      const to = new Distinct((i) => idOf(plan, set.to, i));
      const fromAt = new Int32Array(end - start);
      const toAt = new Int32Array(end - start);
      for (let i = start; i < end; i++) {
        fromAt[i - start] = from.position(set.fromIndex[i]!);
        toAt[i - start] = to.position(set.toIndex[i]!);
      }
      yield { phase: 'relationships', statement: RELATIONSHIP_STATEMENT[set.type], from: from.ids, to: to.ids, fromAt, toAt };
    }
  }
}

/** The distinct node indexes of one end of a batch, in order of first use, with their ids. */
class Distinct {
  readonly ids: string[] = [];
  private readonly at = new Map<number, number>();

  constructor(private readonly idOfIndex: (index: number) => string) {}

  position(index: number): number {
    let p = this.at.get(index);
    if (p === undefined) {
      p = this.ids.length;
      this.at.set(index, p);
      this.ids.push(this.idOfIndex(index));
    }
    return p;
  }
}

function* chunks(count: number, size: number, row: (i: number) => Record<string, unknown>, statement: NodeStatement): Generator<WriteBatch> {
  for (let start = 0; start < count; start += size) {
    const rows: Record<string, unknown>[] = [];
    for (let i = start; i < Math.min(start + size, count); i++) rows.push(row(i));
    yield { phase: 'nodes', statement, rows };
  }
}

/** The batches one write transaction writes: of one phase, `rows` in all; `last` for the final one. */
export interface TransactionGroup {
  readonly phase: WriteBatch['phase'];
  readonly batches: readonly WriteBatch[];
  readonly rows: number;
  readonly last: boolean;
}

/** Groups batches in order into transactions of one phase and at most `maxRows(phase)` rows (at least one batch each). */
export function* transactionGroups(batches: Iterator<WriteBatch>, maxRows: (phase: WriteBatch['phase']) => number): Generator<TransactionGroup> {
  let pending = batches.next();
  while (!pending.done) {
    const group: WriteBatch[] = [];
    const max = maxRows(pending.value.phase);
    let rows = 0;
    while (!pending.done && (group.length === 0 || (pending.value.phase === group[0]!.phase && rows + batchRows(pending.value) <= max))) {
      group.push(pending.value);
      rows += batchRows(pending.value);
      pending = batches.next();
    }
    yield { phase: group[0]!.phase, batches: group, rows, last: pending.done === true };
  }
}
