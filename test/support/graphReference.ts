import fs from 'node:fs';
import path from 'node:path';
import { execute, parse, type DocumentNode, type ExecutionResult } from 'graphql';
import { makeExecutableSchema } from '@graphql-tools/schema';
import type { Context } from '../../src/context';
import { intParam } from '../../src/neo4j/db';
import { createResolvers } from '../../src/resolvers';
import { loadTypeDefs } from '../../src/schema';
import { toListFilter } from '../../src/graph/resolvers';
import { toNodeRecord, type NodeRecord } from '../../src/graph/records';
import { checkLabels, checkRange, luceneQuery } from '../../src/graph/validate';
import { connection, pageOf } from '../../src/engine/paging';
import { MODEL } from '../../src/model';
import type { AboutRecord } from '../../src/system/records';

/**
 * The resolver-per-field reference the compiled engine (src/engine) is compared with: `node` fetches
 * the whole node by id, a root list one page with a fixed Cypher statement (listNodes.cypher), search
 * another (search.cypher), and every relationship field goes through the links loader (no field is
 * precomputed, since no statement compiles the selection). Same schema and every other resolver.
 */
const cypher = (name: string): string => fs.readFileSync(path.join(__dirname, 'graphReference', `${name}.cypher`), 'utf8');
const LIST = cypher('listNodes');
const SEARCH = cypher('search');

type Raw = { node: Record<string, unknown>; labels: string[] };

export function referenceSchema(about: AboutRecord) {
  const resolvers = createResolvers(about) as Record<string, Record<string, unknown>>;
  const query: Record<string, unknown> = { ...resolvers.Query };
  query.node = (_p: unknown, args: { id: string }, ctx: Context) => ctx.loaders.graph.nodeById.load(args.id);
  query.search = async (_p: unknown, args: { text: string; types?: string[] | null; first?: number | null }, ctx: Context) => {
    const first = checkRange('first', args.first, 1, 100, 20);
    const rows = (await ctx.loaders.graph.select({ name: 'reference-search', text: SEARCH, params: { query: luceneQuery(args.text), labels: checkLabels('types', args.types), first: intParam(first) } })) as (Raw & { score: number })[];
    return rows.map((r) => ({ score: r.score, node: toNodeRecord(r.node, r.labels) }));
  };
  for (const [label, spec] of Object.entries(MODEL.labels)) {
    query[spec.plural] = async (_p: unknown, args: { first?: number | null; after?: string | null; filter?: never }, ctx: Context) => {
      const page = pageOf(args, { min: 1, max: 500, fallback: 50 });
      const params = { label, ...toListFilter(args.filter, spec.filters), skip: intParam(page.skip), limit: intParam(page.limit) };
      const [row] = (await ctx.loaders.graph.select({ name: 'reference-list', text: LIST, params })) as { total: number; page: Raw[] }[];
      const nodes: NodeRecord[] = (row?.page ?? []).map((p) => toNodeRecord(p.node, p.labels));
      const total = Number(row?.total ?? 0);
      return { ...connection(nodes, page.skip, page.skip + nodes.length < total), totalCount: total };
    };
  }
  return makeExecutableSchema({ typeDefs: loadTypeDefs(), resolvers: { ...resolvers, Query: query } as never });
}

/** Runs an operation on the reference schema. */
export async function executeReference(schema: ReturnType<typeof referenceSchema>, source: string, variables: Record<string, unknown> | undefined, contextValue: Context): Promise<ExecutionResult> {
  const document: DocumentNode = parse(source);
  return execute({ schema, document, variableValues: variables, contextValue });
}
