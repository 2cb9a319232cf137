import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { validate, type DocumentNode, type GraphQLError, type GraphQLSchema, type OperationDefinitionNode, type ValidationRule } from 'graphql';
import type { LimitsConfig } from '../config';
import { LimitError, type LimitCode } from '../errors';
import { operationCost, type CostRules } from './cost';

/** The limits checked on a parsed operation (document size and tokens are checked before parsing). */
export type OperationLimits = Pick<LimitsConfig, 'maxDepth' | 'maxAliases' | 'maxDirectives' | 'maxCost'>;

type Found = { code: LimitCode; limit: number; found: number; what: string };

/**
 * The depth, alias and directive check of each parsed document, kept as long as the document: Apollo
 * keeps one DocumentNode per query text, so a query sent again is not walked again (the walk was a
 * tenth of the event loop's work under load). Only the document enters this check, not variables.
 */
const armorOutcomes = new WeakMap<DocumentNode, WeakMap<OperationLimits, Found | null>>();

/**
 * Checks depth, aliases and directives (graphql-armor's rules) and the cost (ours) of a parsed,
 * valid operation; throws a LimitError naming the first limit broken, its value and what was found.
 * Returns the cost.
 */
export function checkOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Readonly<Record<string, unknown>> | undefined,
  limits: OperationLimits,
  rules: CostRules,
): number {
  const first = armorCheck(schema, document, limits);
  if (first) {
    throw new LimitError(first.code, `The query has ${first.found} ${first.what}; the limit is ${first.limit}. Split it into smaller queries.`, first.limit, first.found);
  }
  const cost = memoisedCost(schema, document, operation, variables, rules);
  if (cost > limits.maxCost) {
    const found = Number.isFinite(cost) ? Math.round(cost) : Number.MAX_SAFE_INTEGER;
    throw new LimitError(
      'COST_LIMIT_EXCEEDED',
      `The query could return up to ${found} values, more than the limit of ${limits.maxCost}: every list multiplies what is inside it by its size (first), and traversals cost more per hop. Ask for smaller first values, fewer nested lists or a smaller maxDepth, or page through the results.`,
      limits.maxCost,
      found,
    );
  }
  return cost;
}

/** Costs of one operation per variables and work size, at most this many (then started afresh). */
const MAX_COSTS_PER_OPERATION = 256;

/**
 * The costs found per operation node (Apollo keeps one per query text), by the work sizes and the
 * variables they were priced with: a query sent again with the same variables is not priced again
 * (pricing was the largest part of this API's own work in a small request).
 */
const costs = new WeakMap<CostRules, WeakMap<OperationDefinitionNode, Map<string, number>>>();

function memoisedCost(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, variables: Readonly<Record<string, unknown>> | undefined, rules: CostRules): number {
  let byOperation = costs.get(rules);
  if (!byOperation) costs.set(rules, (byOperation = new WeakMap()));
  let known = byOperation.get(operation);
  if (!known) byOperation.set(operation, (known = new Map()));
  const key = `${rules.work.useEdges()}\u0000${JSON.stringify(variables ?? {})}`;
  const hit = known.get(key);
  if (hit !== undefined) return hit;
  const cost = operationCost(schema, document, operation, variables, rules);
  if (known.size >= MAX_COSTS_PER_OPERATION) known.clear();
  known.set(key, cost);
  return cost;
}

/** The first of depth, aliases and directives that `document` breaks (graphql-armor's rules), or null; memoised per document. */
function armorCheck(schema: GraphQLSchema, document: DocumentNode, limits: OperationLimits): Found | null {
  let byLimits = armorOutcomes.get(document);
  if (!byLimits) armorOutcomes.set(document, (byLimits = new WeakMap()));
  const known = byLimits.get(limits);
  if (known !== undefined) return known;
  const refused: Found[] = [];
  const onReject = (code: LimitCode, limit: number, what: string) => (_ctx: unknown, err: GraphQLError) => {
    const m = /found (\d+)/.exec(err.message);
    refused.push({ code, limit, found: m ? Number(m[1]) : limit + 1, what });
  };
  const armorRules: ValidationRule[] = [
    maxDepthRule({ n: limits.maxDepth, flattenFragments: true, onReject: [onReject('DEPTH_LIMIT_EXCEEDED', limits.maxDepth, 'fields nested')], propagateOnRejection: false }) as ValidationRule,
    maxAliasesRule({ n: limits.maxAliases, onReject: [onReject('ALIAS_LIMIT_EXCEEDED', limits.maxAliases, 'aliases')], propagateOnRejection: false }) as ValidationRule,
    maxDirectivesRule({ n: limits.maxDirectives, onReject: [onReject('DIRECTIVE_LIMIT_EXCEEDED', limits.maxDirectives, 'directives')], propagateOnRejection: false }) as ValidationRule,
  ];
  validate(schema, document, armorRules);
  const outcome = refused[0] ?? null;
  byLimits.set(limits, outcome);
  return outcome;
}
