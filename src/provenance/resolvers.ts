import type { Context } from '../context';
import type { Resolvers } from '../generated/graphql';
import { onEveryLinkType, onEveryNodeType } from '../generated/model';
import { InputError } from '../errors';
import { readCitation, SOURCE_KINDS } from '../model';
import { loadAll } from '../graph/loadAll';
import type { LinkRecord, NodeRecord } from '../graph/records';
import { checkRange, decodeCursor, encodeCursor } from '../graph/validate';
import { CITATION_LIMIT, FACTS_PAGE_DEFAULT, FACTS_PAGE_MAX } from './bounds';
import { decodeFactCursor } from './factCursor';
import { evidenceOf, type CitationRecord, type RuleRecord, type SourceFactsRecord } from './records';

/** The day `months` months before `now` (YYYY-MM-DD, UTC): the cutoff of `stale`. */
export function monthsBefore(now: Date, months: number): string {
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - months, 1));
  const lastDay = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(now.getUTCDate(), lastDay));
  return d.toISOString().slice(0, 10);
}
import { selectedNodeProperties } from './selection';

/**
 * The citations of a node or relationship: its stored `sources` (`id` or `id (locator)`) resolved
 * through the per-request source loader, so all citations of a response cost one query. A citation
 * whose source is missing from the graph (a registry entry removed since) is left out; a failed load
 * (Neo4j down, the deadline passed) fails the list with its own code instead of shortening it.
 */
export async function citations(stored: unknown, ctx: Context): Promise<CitationRecord[]> {
  if (!Array.isArray(stored)) return [];
  // At most CITATION_LIMIT, in the order stated (schema: `sources` of nodes and links).
  const parsed = stored.slice(0, CITATION_LIMIT).map((s) => readCitation(String(s))).filter((c) => c !== null);
  const sources = await loadAll(ctx.loaders.provenance.sourceById, parsed.map((c) => c.id));
  const out: CitationRecord[] = [];
  parsed.forEach((c, i) => {
    const s = sources[i];
    if (s) out.push({ source: s, locator: c.locator });
  });
  return out;
}

/** The rule a relationship names (the id it stores), or null. */
const ruleOf = (id: unknown, ctx: Context): Promise<RuleRecord | null> | null => (typeof id === 'string' ? ctx.loaders.provenance.ruleById(id) : null);

/** The page size of a facts list: its own `first`, else the `first` of `facts`. */
const factPage = (f: SourceFactsRecord, args: { first?: number | null }): number => checkRange('first', args.first, 1, FACTS_PAGE_MAX, f.first);

/** Resolvers of schema/provenance.graphql and the `sources` / `rule` fields of nodes and links. */
export function provenanceResolvers(): Resolvers {
  return {
    ...onEveryNodeType({ sources: (n: NodeRecord, _a: unknown, ctx: Context) => citations(n.sources, ctx) }),
    ...onEveryLinkType({ sources: (l: LinkRecord, _a: unknown, ctx: Context) => citations(l.sources, ctx), rule: (l: LinkRecord, _a: unknown, ctx: Context) => ruleOf(l.rule, ctx) }),
    Query: {
      sources: async (_p, args, ctx) => {
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
      source: (_p, args, ctx) => ctx.loaders.provenance.sourceById.load(args.id),
      rules: async (_p, args, ctx) => (await ctx.loaders.provenance.rules()).slice(0, checkRange('first', args.first, 1, 1000, 100)),
      stale: async (_p, args, ctx) => {
        const months = checkRange('olderThanMonths', args.olderThanMonths, 1, 600, 12);
        const first = checkRange('first', args.first, 1, 500, 100);
        const cutoff = monthsBefore(ctx.now(), months);
        let after: string | null = null;
        if (args.after) {
          try {
            after = Buffer.from(args.after, 'base64url').toString('utf8');
          } catch {
            throw new InputError('after is not a cursor of stale; pass the cursor of the last item you received', { argument: 'after' });
          }
        }
        const { total, rows } = await ctx.loaders.provenance.stale(cutoff, after, first);
        const last = rows[rows.length - 1];
        return { totalCount: total, cutoff, edges: rows, pageInfo: { hasNextPage: rows.length === first, endCursor: last ? Buffer.from(last.key, 'utf8').toString('base64url') : null } };
      },
    },
    StaleFact: {
      cursor: (r) => Buffer.from(r.key, 'utf8').toString('base64url'),
      node: (r, _a, ctx) => (r.id === null ? null : ctx.loaders.graph.nodeById.load(r.id)),
      from: (r, _a, ctx) => (r.from === null ? null : ctx.loaders.graph.nodeById.load(r.from)),
      to: (r, _a, ctx) => (r.to === null ? null : ctx.loaders.graph.nodeById.load(r.to)),
      evidence: (r) => evidenceOf(r.evidence),
      sources: (r, _a, ctx) => citations(r.sources, ctx),
    },
    Source: {
      facts: (s, args) => ({ sourceId: s.id, first: checkRange('first', args.first, 1, FACTS_PAGE_MAX, FACTS_PAGE_DEFAULT) }),
    },
    // Each list is a page read in the database (sorted, cut after the cursor), with only the node
    // properties the query selected.
    SourceFacts: {
      nodes: (f, args, ctx, info) =>
        ctx.loaders.provenance.factNodes(f.sourceId, args.after ? decodeFactCursor('node', args.after) : null, factPage(f, args), selectedNodeProperties(info, 'node')),
      relationships: (f, args, ctx, info) =>
        ctx.loaders.provenance.factRelationships(
          f.sourceId,
          args.after ? decodeFactCursor('relationship', args.after) : null,
          factPage(f, args),
          selectedNodeProperties(info, 'from'),
          selectedNodeProperties(info, 'to'),
        ),
    },
    Rule: {
      sources: (r, _a, ctx) => citations(r.sources, ctx),
    },
    CitingRelationship: { rule: (r, _a, ctx) => ruleOf(r.rule, ctx) },
  };
}
