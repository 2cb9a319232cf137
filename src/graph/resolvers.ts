import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../context';
import { InputError } from '../errors';
import { precomputedKey } from '../engine/Projection';
import { connection, pageOf } from '../engine/paging';
import { listStatement, nodeStatement, searchStatement, type ListFilter } from '../engine/statements';
import type { NodeFilter, Resolvers } from '../generated/graphql';
import { modelResolvers, type ModelResolverParts } from '../generated/model';
import { MODEL, type FilterKey } from '../model';
import { propertyList } from './propertyLists';
import type { ConnectionRecord, LinkRecord, NodeRecord } from './records';
import { RELATION_FIELDS } from './relations';
import { checkLabels, checkRange, fromGraphQLEnum, luceneQuery, toGraphQLEnum } from './validate';

const ROOT_LIST_PAGE = { min: 1, max: 500, fallback: 50 };
const LINK_PAGE = { min: 1, max: 1000, fallback: 100 };

const modelValue = (v: string | null): string | null => (v === null ? null : fromGraphQLEnum(v));

/** The filter of a root list: only the keys the label's list applies (the model says which), checked. */
export function toListFilter(filter: NodeFilter | null | undefined, allowed: readonly FilterKey[], today: Date = new Date(), expiringWithin: number | null = null): ListFilter {
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
    ...expiryWindow(allowed.includes('expiringWithin') ? (expiringWithin ?? filter?.expiringWithin ?? null) : null, today),
  };
}

/** The end dates `expiringWithin` days covers: from today to today + days (YYYY-MM-DD), or none. */
function expiryWindow(days: number | null, today: Date): { expiresFrom: string | null; expiresTo: string | null } {
  if (days === null) return { expiresFrom: null, expiresTo: null };
  if (!Number.isInteger(days) || days < 0 || days > 3650) throw new InputError(`expiringWithin must be from 0 to 3650 days, got ${days}`, { argument: 'expiringWithin' });
  const day = (d: Date): string => d.toISOString().slice(0, 10);
  return { expiresFrom: day(today), expiresTo: day(new Date(today.getTime() + days * 86_400_000)) };
}

/** The functions the generated per-label resolvers (src/generated/model.ts) call. */
const parts: ModelResolverParts = {
  // One statement per root list: the count only when totalCount is selected, the page only when
  // edges or pageInfo are, with everything selected below the nodes (src/engine).
  list: (label) => async (_parent, args, ctx: Context, info: GraphQLResolveInfo): Promise<ConnectionRecord> => {
    const page = pageOf(args, ROOT_LIST_PAGE);
    const statement = listStatement(info, label, toListFilter(args.filter, MODEL.labels[label]?.filters ?? [], ctx.now(), (args as { expiringWithin?: number | null }).expiringWithin ?? null), page.skip, page.limit);
    const [row] = await ctx.loaders.graph.select(statement);
    const fetched = (row?.page as NodeRecord[] | undefined) ?? [];
    const nodes = fetched.slice(0, page.limit);
    const total = statement.counts ? Number(row?.total ?? 0) : null;
    return { ...connection(nodes, page.skip, total !== null ? page.skip + nodes.length < total : fetched.length > page.limit), totalCount: total };
  },
  // A relationship field answered by the statement that fetched its parent is read from the parent;
  // any other goes through the per-request links loader (one query per field and level, for all
  // parents at once).
  relation: (label, field) => {
    const rel = RELATION_FIELDS[label]?.[field];
    if (!rel) throw new Error(`${label}.${field} is not a relationship field of the model`);
    return (parent: NodeRecord, args, ctx: Context, info: GraphQLResolveInfo): LinkRecord[] | Promise<LinkRecord[]> => {
      const precomputed = parent[precomputedKey(label, String(info.path.key))];
      if (Array.isArray(precomputed)) return precomputed as LinkRecord[];
      return ctx.loaders.graph.links.load({ id: parent.id, field: rel, first: pageOf(args, LINK_PAGE).limit });
    };
  },
  // List-valued properties (tags, aliases, ...) return at most PROPERTY_LIST_LIMIT values.
  propertyList: (field) => (parent) => propertyList(parent[field]),
  // Stored values (`not-met`) as GraphQL enum values (`not_met`); a value outside the enum is null.
  enumValue: <T extends string>(field: string, values: readonly T[]) => {
    const isValue = (v: string | null): v is T => v !== null && (values as readonly string[]).includes(v);
    return (link: LinkRecord): T | null => {
      const v = toGraphQLEnum(link[field]);
      return isValue(v) ? v : null;
    };
  },
  nodeType: <T extends string>(names: readonly T[]) => {
    const isName = (v: string): v is T => (names as readonly string[]).includes(v);
    return (node: NodeRecord): T => {
      if (!isName(node.label)) throw new Error(`node ${node.id} has label ${node.label}, which is no node type of the schema`);
      return node.label;
    };
  },
  linkType: <T extends string>(names: readonly T[]) => {
    const isName = (v: string): v is T => (names as readonly string[]).includes(v);
    return (link: LinkRecord): T => {
      if (!isName(link.linkType)) throw new Error(`a ${link.type} link was given the type ${link.linkType}, which is not one of ${names.join(', ')}`);
      return link.linkType;
    };
  },
};

/** Resolvers of src/generated/schema/graph.graphql, src/generated/schema/lists.graphql and `node` / `search`: the model's, and the two root fields. */
export function graphResolvers(): Resolvers {
  const generated = modelResolvers(parts);
  return {
    ...generated,
    Query: {
      ...generated.Query,
      node: async (_p, args, ctx, info) => {
        const [row] = await ctx.loaders.graph.select(nodeStatement(info, args.id));
        return (row?.node as NodeRecord | undefined) ?? null;
      },
      search: (_p, args, ctx, info) => {
        const first = checkRange('first', args.first, 1, 100, 20);
        return ctx.loaders.graph.select(searchStatement(info, luceneQuery(args.text), checkLabels('types', args.types), first)) as Promise<{ score: number; node: NodeRecord }[]>;
      },
    },
  };
}
