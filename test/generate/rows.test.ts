import { planGeneration, type GenerationPlan } from '../../src/generate/plan';
import { batchRows, idOf, relationshipPairs, transactionGroups, writeBatches, type WriteBatch } from '../../src/generate/rows';
import { seedGraphFromSources } from './seedGraph';

describe('the batches the generator writes', () => {
  let plan: GenerationPlan;

  beforeAll(() => {
    plan = planGeneration(seedGraphFromSources(), { scale: 0.01, seed: 2 });
  });

  it('name each end of a relationship batch once, and give every planned relationship in order', () => {
    const planned = plan.edges.flatMap((e) => Array.from(e.fromIndex, (f, i) => `${e.type} ${idOf(plan, e.from, f)} ${idOf(plan, e.to, e.toIndex[i]!)}`));
    const written: string[] = [];
    let named = 0;
    for (const batch of writeBatches(plan, 700)) {
      if (batch.phase === 'nodes') continue;
      expect(new Set(batch.from).size).toBe(batch.from.length);
      expect(new Set(batch.to).size).toBe(batch.to.length);
      expect(batch.fromAt.length).toBe(batch.toAt.length);
      expect(batchRows(batch)).toBeLessThanOrEqual(700);
      named += batch.from.length + batch.to.length;
      const type = { createPartOf: 'PART_OF', createDependsOn: 'DEPENDS_ON', createInLayer: 'IN_LAYER', createUses: 'USES', createOffers: 'OFFERS' }[batch.statement];
      written.push(...relationshipPairs(batch).map(([from, to]) => `${type} ${from} ${to}`));
    }
    expect(written).toEqual(planned);
    // Hubs, Kreise and services with several relationships are named once per batch: far fewer lookups than two per relationship.
    expect(named).toBeLessThan(0.7 * 2 * planned.length);
  });

  it('group batches into transactions of one phase and at most the rows asked for the phase, the last one marked', () => {
    const batches = [...writeBatches(plan, 500)];
    const groups = [...transactionGroups(batches[Symbol.iterator](), (phase) => (phase === 'nodes' ? 1200 : 1600))];
    expect(groups.flatMap((g) => g.batches)).toEqual(batches);
    for (const g of groups) {
      expect(new Set(g.batches.map((b: WriteBatch) => b.phase))).toEqual(new Set([g.phase]));
      expect(g.rows).toBe(g.batches.reduce((n, b) => n + batchRows(b), 0));
      expect(g.rows <= (g.phase === 'nodes' ? 1200 : 1600) || g.batches.length === 1).toBe(true);
    }
    expect(groups.map((g) => g.last)).toEqual(groups.map((_, i) => i === groups.length - 1));
    // Nodes first, then relationships, never mixed in one transaction.
    const phases = groups.map((g) => g.phase);
    expect(phases.indexOf('relationships')).toBe(phases.lastIndexOf('nodes') + 1);
    // A batch larger than a transaction's rows still goes, alone.
    expect([...transactionGroups(writeBatches(plan, 2000), () => 100)].every((g) => g.batches.length === 1)).toBe(true);
  });
});
