import { buildSchema, getIntrospectionQuery, getOperationAST, parse } from 'graphql';
import { loadConfig } from '../../src/config';
import { LimitError } from '../../src/errors';
import { checkOperation } from '../../src/limits/checkOperation';
import { countTokens, checkSource } from '../../src/limits/checkSource';
import { operationCost } from '../../src/limits/cost';
import { costRules } from '../../src/limits/prices';
import { loadTypeDefs } from '../../src/schema';

const schema = buildSchema(loadTypeDefs().join('\n'));
const rules = costRules(schema, 100);
const limits = loadConfig({}, false).limits;

const cost = (query: string, variables?: Record<string, unknown>): number => {
  const doc = parse(query);
  const op = getOperationAST(doc);
  if (!op) throw new Error('no operation');
  return operationCost(schema, doc, op, variables, rules);
};
const refusal = (query: string, variables?: Record<string, unknown>): LimitError | undefined => {
  const doc = parse(query);
  try {
    checkOperation(schema, doc, getOperationAST(doc)!, variables, limits, rules);
    return undefined;
  } catch (e) {
    if (e instanceof LimitError) return e;
    throw e;
  }
};

/** The killer query of issue 7: usedBy / uses alternating `levels` deep from bundid, first 1000 each. */
export function killerQuery(levels: number, first = 1000): string {
  let inner = 'id';
  for (let i = levels; i >= 1; i--) inner = `${i % 2 === 1 ? 'usedBy' : 'uses'}(first: ${first}) { node { ${i % 2 === 1 ? '... on Service' : '... on Component'} { ${inner} } } }`;
  return `{ node(id: "bundid") { ... on Component { ${inner} } } }`;
}

describe('the cost model', () => {
  it('counts a single object at the root as 1 and scalars as nothing', () => {
    expect(cost('{ about { name version database { version } } }')).toBe(1);
    expect(cost('{ __typename }')).toBe(0);
  });

  it('multiplies nested lists by their first', () => {
    expect(cost('{ node(id: "x") { ... on Component { usedBy(first: 10) { node { id } } } } }')).toBe(1 + 10);
    expect(cost('{ node(id: "x") { ... on Component { usedBy(first: 10) { node { ... on Service { uses(first: 7) { node { id } } } } } } } }')).toBe(1 + 10 + 10 * 7);
    // The default of first (100) counts when first is not given.
    expect(cost('{ node(id: "x") { ... on Component { dependsOn { node { id } } } } }')).toBe(101);
  });

  it('takes first from variables and from the schema default of root lists', () => {
    expect(cost('query($n: Int) { components(first: $n) { edges { node { id } } } }', { n: 7 })).toBe(7 + 7);
    expect(cost('{ components { totalCount edges { node { id } } } }')).toBe(50 + 50);
  });

  it('prices the most expensive of the possible types, not their sum', () => {
    const both = cost('{ node(id: "x") { ... on Component { usedBy(first: 10) { node { id } } } ... on Service { uses(first: 20) { node { id } } } } }');
    expect(both).toBe(1 + 20);
  });

  it('prices traversals by their depth', () => {
    const d2 = cost('{ impactAnalysis(id: "bundid", maxDepth: 2) { maxDepth } }');
    const d10 = cost('{ impactAnalysis(id: "bundid", maxDepth: 10) { maxDepth } }');
    expect(d10 - d2).toBe(8 * 200);
    expect(cost('{ path(from: "a", to: "b", maxDepth: 3) { nodes { id } steps { type } } }')).toBe(1 + 3 * 200 + 4 + 3);
  });

  it('assumes the configured size for a list without first', () => {
    expect(cost('{ impactAnalysis(id: "bundid", maxDepth: 1) { components { component { id } } } }')).toBe(1 + 200 + 100);
  });

  it('refuses the killer query of issue 7 and its deeper and wider variants', () => {
    for (const levels of [2, 6, 7, 10]) {
      const e = refusal(killerQuery(levels));
      expect(e?.code).toBe(levels * 2 + 1 > limits.maxDepth ? 'DEPTH_LIMIT_EXCEEDED' : 'COST_LIMIT_EXCEEDED');
      expect(e?.details.limit).toBeDefined();
      expect(Number(e?.details.found)).toBeGreaterThan(Number(e?.details.limit));
    }
    expect(refusal(killerQuery(2))?.details).toEqual({ limit: limits.maxCost, found: 1 + 1000 + 1000 * 1000 });
    const wide = `{ node(id: "bundid") { ... on Component { ${Array.from({ length: 10 }, (_, i) => `a${i}: usedBy(first: 1000) { node { uses(first: 50) { node { id } } } }`).join(' ')} } } }`;
    expect(refusal(wide)?.details).toEqual({ limit: limits.maxCost, found: 1 + 10 * (1000 + 1000 * 50) });
  });

  it('prices an exponential fragment bomb once per fragment, in linear time', () => {
    const n = 30;
    const fragments = Array.from({ length: n }, (_, i) => `fragment F${i} on Component { ...F${i + 1} ...F${i + 1} }`).join('\n');
    const q = `{ node(id: "bundid") { ...F0 } }\n${fragments}\nfragment F${n} on Component { usedBy(first: 10) { node { id } } }`;
    expect(cost(q)).toBe(1 + 10);
  });

  it('refuses too many aliases and directives, naming limit and value', () => {
    const aliases = `{ ${Array.from({ length: 40 }, (_, i) => `a${i}: about { version }`).join(' ')} }`;
    expect(refusal(aliases)?.details).toEqual({ limit: limits.maxAliases, found: 40 });
    const directives = `{ about { ${Array.from({ length: 25 }, (_, i) => `v${i}: version @include(if: true)`).join(' ')} } }`;
    const e = refusal(directives);
    // 25 aliases of a scalar also break the alias limit? No: 25 < 30, so the directives are what is refused.
    expect(e?.code).toBe('DIRECTIVE_LIMIT_EXCEEDED');
    expect(e?.details).toEqual({ limit: limits.maxDirectives, found: 25 });
  });

  it('lets the standard introspection query through, priced from the schema', () => {
    const c = cost(getIntrospectionQuery());
    expect(c).toBeGreaterThan(100);
    expect(c).toBeLessThan(limits.maxCost);
    expect(refusal(getIntrospectionQuery())).toBeUndefined();
  });

  it('lets every example of the README and the benchmark through', () => {
    const readme = require('node:fs').readFileSync(require('node:path').join(__dirname, '..', '..', 'README.md'), 'utf8') as string;
    const blocks = [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].flatMap((m) => m[1]!.split(/\n(?=\{)/));
    expect(blocks.length).toBeGreaterThan(3);
    for (const q of blocks) expect(refusal(q)).toBeUndefined();
    for (const n of [10, 100, 177]) expect(refusal(`{ components(first: ${n}) { edges { node { id dependsOn { node { id } } usedBy { node { id } } } } } }`)).toBeUndefined();
  });
});

describe('the document guard', () => {
  it('counts tokens as the GraphQL lexer does', () => {
    expect(countTokens('{ a b(c: 1) }')).toBe(9);
    expect(countTokens('{ "unterminated')).toBe(1);
  });

  it('refuses documents above the byte and token limits with the exact value', () => {
    expect(() => checkSource('{ a }', limits)).not.toThrow();
    const big = `{ ${'a '.repeat(limits.maxTokens)} }`;
    expect(() => checkSource(big, limits)).toThrow(LimitError);
    try {
      checkSource(big, limits);
    } catch (e) {
      expect((e as LimitError).code).toBe('TOKEN_LIMIT_EXCEEDED');
      expect((e as LimitError).details).toEqual({ limit: limits.maxTokens, found: limits.maxTokens + 2 });
    }
    try {
      checkSource(`# ${'x'.repeat(limits.maxDocumentBytes)}\n{ a }`, limits);
      throw new Error('not refused');
    } catch (e) {
      expect((e as LimitError).code).toBe('DOCUMENT_TOO_LARGE');
    }
  });
});
