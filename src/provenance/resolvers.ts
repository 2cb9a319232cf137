import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../context';
import type { Resolvers } from '../generated/graphql';
import { InputError } from '../errors';
import { readCitation, SOURCE_KINDS } from '../model';
import { loadAll } from '../graph/loadAll';
import { RELATION_FIELDS } from '../graph/relations';
import { checkRange, decodeCursor, encodeCursor } from '../graph/validate';
import { CITATION_LIMIT, FACTS_PAGE_DEFAULT, FACTS_PAGE_MAX } from './bounds';
import { decodeFactCursor } from './factCursor';
import type { RuleRecord, SourceFactsRecord, SourceRecord } from './records';
import { selectedNodeProperties } from './selection';

/** The link types of the schema, read off the relation table (every one carries `sources` and `rule`). */
const LINK_TYPES = [...new Set(['NodeLink', ...Object.values(RELATION_FIELDS).flatMap((fields) => Object.values(fields).map((f) => f.linkType))])];

/**
 * The citations of a node or relationship: its stored `sources` (`id` or `id (locator)`) resolved
 * through the per-request source loader, so all citations of a response cost one query. A citation
 * whose source is missing from the graph (a registry entry removed since) is left out; a failed load
 * (Neo4j down, the deadline passed) fails the list with its own code instead of shortening it.
 */
export async function citations(stored: unknown, ctx: Context): Promise<{ source: SourceRecord; locator: string | null }[]> {
  if (!Array.isArray(stored)) return [];
  // At most CITATION_LIMIT, in the order stated (schema: `sources` of nodes and links).
  const parsed = stored.slice(0, CITATION_LIMIT).map((s) => readCitation(String(s))).filter((c) => c !== null);
  const sources = await loadAll(ctx.loaders.provenance.sourceById, parsed.map((c) => c.id));
  const out: { source: SourceRecord; locator: string | null }[] = [];
  parsed.forEach((c, i) => {
    const s = sources[i];
    if (s) out.push({ source: s, locator: c.locator });
  });
  return out;
}

const ruleOf = (parent: { rule?: unknown }, _a: unknown, ctx: Context): Promise<RuleRecord | null> | null =>
  typeof parent.rule === 'string' ? ctx.loaders.provenance.ruleById(parent.rule) : null;

type FactPageArgs = { first?: number | null; after?: string | null };

/** The page size of a facts list: its own `first`, else the `first` of `facts`. */
const factPage = (f: SourceFactsRecord, args: FactPageArgs): number => checkRange('first', args.first, 1, FACTS_PAGE_MAX, f.first);

type SourcesArgs = { first?: number | null; after?: string | null; filter?: { kind?: string | null; text?: string | null; cited?: boolean | null } | null };

/** Resolvers of schema/provenance.graphql and the `sources` / `rule` fields of nodes and links. */
export function provenanceResolvers(): Resolvers {
  const resolvers: Record<string, Record<string, unknown>> = {
    Query: {
      sources: async (_p: unknown, args: SourcesArgs, ctx: Context) => {
        const first = checkRange('first', args.first, 1, 500, 50);
        const skip = args.after ? decodeCursor(args.after) + 1 : 0;
        const text = args.filter?.text?.trim() || null;
        if (text !== null && text.length > 200) throw new InputError('filter.text must be at most 200 characters');
        const kind = args.filter?.kind ?? null;
        if (kind !== null && !(SOURCE_KINDS as readonly string[]).includes(kind)) throw new InputError(`filter.kind must be one of ${SOURCE_KINDS.join(', ')}, got "${kind}"`);
        const { total, sources } = await ctx.loaders.provenance.list({ kind, text, cited: args.filter?.cited ?? null }, skip, first);
        return {
          totalCount: total,
          edges: sources.map((node, i) => ({ cursor: encodeCursor(skip + i), node })),
          pageInfo: { hasNextPage: skip + sources.length < total, endCursor: sources.length > 0 ? encodeCursor(skip + sources.length - 1) : null },
        };
      },
      source: (_p: unknown, args: { id: string }, ctx: Context) => ctx.loaders.provenance.sourceById.load(args.id),
      rules: async (_p: unknown, args: { first?: number | null }, ctx: Context) => (await ctx.loaders.provenance.rules()).slice(0, checkRange('first', args.first, 1, 1000, 100)),
    },
    Source: {
      facts: (s: SourceRecord, args: { first?: number | null }): SourceFactsRecord => ({ sourceId: s.id, first: checkRange('first', args.first, 1, FACTS_PAGE_MAX, FACTS_PAGE_DEFAULT) }),
    },
    // Each list is a page read in the database (sorted, cut after the cursor), with only the node
    // properties the query selected.
    SourceFacts: {
      nodes: (f: SourceFactsRecord, args: FactPageArgs, ctx: Context, info: GraphQLResolveInfo) =>
        ctx.loaders.provenance.factNodes(f.sourceId, args.after ? decodeFactCursor('node', args.after) : null, factPage(f, args), selectedNodeProperties(info, 'node')),
      relationships: (f: SourceFactsRecord, args: FactPageArgs, ctx: Context, info: GraphQLResolveInfo) =>
        ctx.loaders.provenance.factRelationships(
          f.sourceId,
          args.after ? decodeFactCursor('relationship', args.after) : null,
          factPage(f, args),
          selectedNodeProperties(info, 'from'),
          selectedNodeProperties(info, 'to'),
        ),
    },
    Rule: {
      sources: (r: RuleRecord, _a: unknown, ctx: Context) => citations(r.sources, ctx),
    },
    CitingRelationship: { rule: ruleOf },
  };
  for (const label of Object.keys(RELATION_FIELDS)) resolvers[label] = { sources: (n: { sources?: unknown }, _a: unknown, ctx: Context) => citations(n.sources, ctx) };
  for (const t of LINK_TYPES) resolvers[t] = { sources: (l: { sources?: unknown }, _a: unknown, ctx: Context) => citations(l.sources, ctx), rule: ruleOf };
  return resolvers as Resolvers;
}
