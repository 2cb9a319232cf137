/**
 * The list-valued stored properties the schema exposes on nodes and links (tags, aliases, executing
 * levels, indicators) and their bound: each returns at most PROPERTY_LIST_LIMIT values, in the order
 * stored. Two users: the field resolvers below and the cost model (src/limits/prices.ts).
 */
export const PROPERTY_LIST_LIMIT = 50;

const LINK_TYPES = ['ComponentLink', 'StandardLink', 'ServiceLink', 'OrganizationLink', 'LayerLink', 'NodeLink'] as const;

/** `Type.field` of every list-valued property of the schema's node and link types. */
export const PROPERTY_LISTS: readonly string[] = ['Component.tags', 'Component.aliases', 'Standard.tags', 'Standard.aliases', 'Service.executingLevels', ...LINK_TYPES.map((t) => `${t}.indicators`)];

/** The stored value, cut at PROPERTY_LIST_LIMIT (null stays null). */
export function propertyList(value: unknown): unknown {
  return Array.isArray(value) && value.length > PROPERTY_LIST_LIMIT ? value.slice(0, PROPERTY_LIST_LIMIT) : value;
}

/** Resolvers that read each list-valued property through `propertyList`. */
export function propertyListResolvers(): Record<string, Record<string, (parent: Record<string, unknown>) => unknown>> {
  const out: Record<string, Record<string, (parent: Record<string, unknown>) => unknown>> = {};
  for (const key of PROPERTY_LISTS) {
    const [type, field] = key.split('.') as [string, string];
    (out[type] ??= {})[field] = (parent) => propertyList(parent[field]);
  }
  return out;
}
