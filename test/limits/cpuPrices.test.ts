import { describe, expect, it } from '@jest/globals';
import { buildSchema, getOperationAST, parse } from 'graphql';
import { loadConfig } from '../../src/config';
import { checkOperation } from '../../src/limits/checkOperation';
import { operationCost } from '../../src/limits/cost';
import { CPU_POINTS_PER_MS, CPU_US_PER_EDGE, cpuPrice, SEED_USE_EDGES } from '../../src/limits/cpuPrices';
import { costRules } from '../../src/limits/prices';
import { loadTypeDefs } from '../../src/schema';

const schema = buildSchema(loadTypeDefs().join('\n'));
const cost = (q: string, edges?: number): number => {
  const doc = parse(q);
  return operationCost(schema, doc, getOperationAST(doc)!, {}, costRules(schema, 100, edges === undefined ? undefined : { useEdges: () => edges }));
};

describe('CPU prices', () => {
  it('price the measured microseconds per edge at the points per millisecond of the cost model', () => {
    expect(cpuPrice('simulate', 10_544)).toBe(Math.ceil(((10_544 * CPU_US_PER_EDGE.simulate) / 1000) * CPU_POINTS_PER_MS));
    expect(cpuPrice('risks', 10)).toBe(10);
  });

  it('follow the size of the graph the engines work on', () => {
    const q = '{ simulateChange(removals: ["a"]) { summary { brokenServices } } }';
    const seed = cost(q);
    expect(seed).toBe(cost(q, SEED_USE_EDGES));
    // A graph a hundred times larger: a hundred times the price (the summary object adds 1).
    expect(cost(q, 100 * SEED_USE_EDGES) - 1).toBe(cpuPrice('simulate', 100 * SEED_USE_EDGES));
    expect(cost(q, 100 * SEED_USE_EDGES)).toBeGreaterThan(50 * seed);
  });

  it('price thirty aliases of a simulation within the budget on the seed graph, and beyond it on a graph twice its size', () => {
    const q = `{ ${Array.from({ length: 30 }, (_, i) => `s${i}: simulateChange(removals: ["a${i}"]) { summary { brokenServices } }`).join(' ')} }`;
    expect(cost(q)).toBeLessThan(200_000);
    expect(cost(q, 2 * SEED_USE_EDGES)).toBeGreaterThan(200_000);
  });
});

describe('the cost of an operation sent again', () => {
  it('is remembered per operation and variables, and priced anew when the graph the engines work on grew', () => {
    const limits = { ...loadConfig({}, false).limits, maxCost: Number.MAX_SAFE_INTEGER };
    let edges = SEED_USE_EDGES;
    const rules = costRules(schema, 100, { useEdges: () => edges });
    const doc = parse('query($n: Int) { simulateChange(removals: ["a"]) { summary { brokenServices } } components(first: $n) { nodes { id } } }');
    const op = getOperationAST(doc)!;
    const price = (n: number): number => checkOperation(schema, doc, op, { n }, limits, rules);
    const small = price(10);
    expect(price(10)).toBe(small);
    // Other variables: their own price (ten more components).
    expect(price(20)).toBeGreaterThan(small);
    // The same operation and variables on a graph a hundred times larger: not the remembered price.
    edges = 100 * SEED_USE_EDGES;
    expect(price(10)).toBeGreaterThan(50 * small);
    edges = SEED_USE_EDGES;
    expect(price(10)).toBe(small);
  });
});
