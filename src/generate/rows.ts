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

/** One UNWIND batch: node rows are property maps, relationship rows are [fromId, toId] pairs. */
export type WriteBatch =
  | { readonly phase: 'nodes'; readonly statement: NodeStatement; readonly rows: Record<string, unknown>[] }
  | { readonly phase: 'relationships'; readonly statement: RelationshipStatement; readonly rows: [string, string][] };

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
 * components, services), then all relationships. Rows are made batch by batch, never all at once.
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
      const rows: [string, string][] = [];
      for (let i = start; i < Math.min(start + size, set.fromIndex.length); i++) rows.push([idOf(plan, set.from, set.fromIndex[i]!), idOf(plan, set.to, set.toIndex[i]!)]);
      yield { phase: 'relationships', statement: RELATIONSHIP_STATEMENT[set.type], rows };
    }
  }
}

function* chunks(count: number, size: number, row: (i: number) => Record<string, unknown>, statement: NodeStatement): Generator<WriteBatch> {
  for (let start = 0; start < count; start += size) {
    const rows: Record<string, unknown>[] = [];
    for (let i = start; i < Math.min(start + size, count); i++) rows.push(row(i));
    yield { phase: 'nodes', statement, rows };
  }
}
