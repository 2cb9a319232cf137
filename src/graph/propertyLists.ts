import type { Model } from '../model';
import { linkInterfaceName, linkTypes } from '../model/relationFields';

/**
 * The list-valued stored properties the schema exposes on nodes and links (tags, aliases, executing
 * levels, indicators) and their bound: each returns at most PROPERTY_LIST_LIMIT values, in the order
 * stored. Two users: the field resolvers (src/generated/model.ts) and the cost model (src/limits/prices.ts).
 */
export const PROPERTY_LIST_LIMIT = 50;

/** `Type.field` of every list-valued property of a model's node, link interface and link types. */
export function propertyLists(model: Model): string[] {
  const out: string[] = [];
  for (const [label, spec] of Object.entries(model.labels)) {
    for (const [name, p] of Object.entries(spec.fields)) if (p.type === '[String!]') out.push(`${label}.${name}`);
  }
  const listProps = (rel: string): string[] => Object.entries(model.relationships[rel]?.properties ?? {}).filter(([, p]) => p.type === '[String!]').map(([k]) => k);
  for (const rel of Object.keys(model.relationships)) for (const name of listProps(rel)) out.push(`${linkInterfaceName(rel)}.${name}`);
  for (const t of linkTypes(model)) for (const name of listProps(t.rel)) out.push(`${t.name}.${name}`);
  return out;
}


/** The stored value as a list of strings, cut at PROPERTY_LIST_LIMIT (anything else is null). */
export function propertyList(value: unknown): string[] | null {
  if (!Array.isArray(value)) return null;
  return value.slice(0, PROPERTY_LIST_LIMIT).map(String);
}
