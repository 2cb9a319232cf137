import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../context';
import { InputError } from '../errors';
import type { NodeFilter, Resolvers } from '../generated/graphql';
import type { NodeLabel } from '../model';
import { propertyListResolvers } from './propertyLists';
import { precomputedKey } from './projection/Projection';
import { listStatement, nodeStatement, searchStatement, type ListFilter } from './projection/statements';
import type { NodeRecord } from './records';
import { RELATION_FIELDS } from './relations';
import { checkLabels, checkRange, decodeCursor, encodeCursor, fromGraphQLEnum, luceneQuery } from './validate';

type FilterKey = keyof ListFilter;

const modelValue = (v: string | null): string | null => (v === null ? null : fromGraphQLEnum(v));

/** The root lists: which label each returns and which filters apply to it (others are ignored). */
const ROOT_LISTS: Readonly<Record<string, { label: NodeLabel; filters: readonly FilterKey[] }>> = {
  components: { label: 'Component', filters: ['text', 'evidence', 'kind', 'layer', 'stack', 'licenceClass', 'operatingModel', 'stage'] },
  services: { label: 'Service', filters: ['text', 'evidence', 'level'] },
  standards: { label: 'Standard', filters: ['text', 'evidence', 'family', 'layer', 'stack', 'licenceClass', 'stage'] },
  organizations: { label: 'Organization', filters: ['text', 'evidence', 'level', 'kind'] },
  layers: { label: 'Layer', filters: ['text', 'evidence', 'scheme', 'layer', 'stack'] },
  stacks: { label: 'Stack', filters: ['text', 'evidence'] },
  requirements: { label: 'Requirement', filters: ['text', 'evidence', 'level'] },
  topics: { label: 'Topic', filters: ['text', 'evidence'] },
  lifeSituations: { label: 'LifeSituation', filters: ['text', 'evidence'] },
  ozgServices: { label: 'OzgService', filters: ['text', 'evidence'] },
  integrationPoints: { label: 'IntegrationPoint', filters: ['text', 'evidence', 'kind', 'layer'] },
  buildingBlocks: { label: 'BuildingBlock', filters: ['text', 'evidence', 'stack'] },
  exceptions: { label: 'Exception', filters: ['text', 'evidence'] },
  kpis: { label: 'Kpi', filters: ['text', 'evidence'] },
  referencePatterns: { label: 'ReferencePattern', filters: ['text', 'evidence'] },
  milestones: { label: 'Milestone', filters: ['text', 'evidence', 'from', 'to'] },
  criteria: { label: 'Criterion', filters: ['text', 'evidence', 'scheme'] },
  decisions: { label: 'Decision', filters: ['text', 'evidence', 'stack', 'from', 'to'] },
};


function toListFilter(filter: NodeFilter | null | undefined, allowed: readonly FilterKey[]): ListFilter {
  const pick = (k: FilterKey): string | null => (allowed.includes(k) ? ((filter?.[k] as string | null | undefined) ?? null) : null);
  for (const k of ['from', 'to'] as const) {
    const v = pick(k);
    if (v !== null && !/^\d{4}(-\d{2}(-\d{2})?)?$/.test(v)) throw new InputError(`filter.${k} must be YYYY, YYYY-MM or YYYY-MM-DD, got "${v}"`, { argument: `filter.${k}` });
  }
  return {
    text: pick('text'),
    evidence: pick('evidence'),
    kind: pick('kind'),
    family: pick('family'),
    level: pick('level'),
    scheme: pick('scheme'),
    layer: pick('layer'),
    stack: pick('stack'),
    licenceClass: modelValue(pick('licenceClass')),
    operatingModel: modelValue(pick('operatingModel')),
    stage: pick('stage'),
    from: pick('from'),
    to: pick('to'),
  };
}

type ListArgs = { first?: number | null; after?: string | null; filter?: NodeFilter | null };

function rootList(label: NodeLabel, filters: readonly FilterKey[]) {
  // One statement: the count only when totalCount is selected, the page only when edges or pageInfo
  // are, with everything selected below the nodes.
  return async (_parent: unknown, args: ListArgs, ctx: Context, info: GraphQLResolveInfo) => {
    const first = checkRange('first', args.first, 1, 500, 50);
    const skip = args.after ? decodeCursor(args.after) + 1 : 0;
    if (!ctx.lookahead) {
      const { total, nodes } = await ctx.loaders.graph.list(label, toListFilter(args.filter, filters), skip, first);
      return {
        totalCount: total,
        edges: nodes.map((node, i) => ({ cursor: encodeCursor(skip + i), node })),
        pageInfo: { hasNextPage: skip + nodes.length < total, endCursor: nodes.length > 0 ? encodeCursor(skip + nodes.length - 1) : null },
      };
    }
    const statement = listStatement(info, label, toListFilter(args.filter, filters), skip, first);
    const [row] = await ctx.loaders.graph.select(statement);
    const fetched = ((row?.page as NodeRecord[] | undefined) ?? []);
    const nodes = fetched.slice(0, first);
    const total = statement.counts ? Number(row?.total ?? 0) : null;
    const hasNextPage = total !== null ? skip + nodes.length < total : fetched.length > first;
    return {
      totalCount: total,
      edges: nodes.map((node, i) => ({ cursor: encodeCursor(skip + i), node })),
      pageInfo: { hasNextPage, endCursor: nodes.length > 0 ? encodeCursor(skip + nodes.length - 1) : null },
    };
  };
}

/** Resolvers of schema/graph.graphql and schema/lists.graphql: node types, links, root lists, search. */
export function graphResolvers(): Resolvers {
  const resolvers: Record<string, Record<string, unknown>> = {
    Query: {
      node: async (_p: unknown, args: { id: string }, ctx: Context, info: GraphQLResolveInfo) => {
        if (!ctx.lookahead) return ctx.loaders.graph.nodeById.load(args.id);
        const [row] = await ctx.loaders.graph.select(nodeStatement(info, args.id));
        return (row?.node as NodeRecord | undefined) ?? null;
      },
      search: async (_p: unknown, args: { text: string; types?: string[] | null; first?: number | null }, ctx: Context, info: GraphQLResolveInfo) => {
        const first = checkRange('first', args.first, 1, 100, 20);
        if (!ctx.lookahead) return ctx.loaders.graph.search(luceneQuery(args.text), checkLabels('types', args.types), first);
        return ctx.loaders.graph.select(searchStatement(info, luceneQuery(args.text), checkLabels('types', args.types), first));
      },
      ...Object.fromEntries(Object.entries(ROOT_LISTS).map(([field, spec]) => [field, rootList(spec.label, spec.filters)])),
    },
    Node: { __resolveType: (n: NodeRecord) => n.label },
    Link: { __resolveType: (l: { linkType: string }) => l.linkType },
  };
  // A relationship field answered by the statement that fetched its parent (see src/graph/projection)
  // is read from the parent; any other goes through the per-request links loader (one query per field
  // and level, for all parents at once).
  for (const [label, fields] of Object.entries(RELATION_FIELDS)) {
    const typeResolvers: Record<string, unknown> = {};
    for (const [name, field] of Object.entries(fields)) {
      typeResolvers[name] = (parent: NodeRecord, args: { first?: number | null }, ctx: Context, info: GraphQLResolveInfo) => {
        const precomputed = parent[precomputedKey(label, info.path.key as string)];
        if (precomputed !== undefined && precomputed !== null) return precomputed;
        return ctx.loaders.graph.links.load({ id: parent.id, field, first: checkRange('first', args.first, 1, 1000, 100) });
      };
    }
    resolvers[label] = typeResolvers;
  }
  // List-valued properties (tags, aliases, ...) return at most PROPERTY_LIST_LIMIT values.
  for (const [type, fields] of Object.entries(propertyListResolvers())) resolvers[type] = { ...resolvers[type], ...fields };
  return resolvers as Resolvers;
}
