import type { Model } from './Model';
import { enumName } from './Model';
import { allowedValues } from './graphModel';
import { linkInterfaceName, linkTypes, relationFields } from './relationFields';
import { GENERATED_HEADER } from './sdl';

const list = (names: readonly string[]): string => names.map((n) => `'${n}'`).join(', ');

/**
 * src/generated/model.ts: the resolver maps that repeat per label and per link type, written out so
 * that tsc checks every entry against the types codegen derives from the SDL (no casts, no index
 * signatures). The functions they call are passed in (src/graph/resolvers.ts).
 */
export function resolversTs(model: Model): string {
  const labels = Object.keys(model.labels);
  const links = linkTypes(model);
  const rels = Object.keys(model.relationships);
  const relations = relationFields(model);
  const out: string[] = [
    `/* ${GENERATED_HEADER} */`,
    "import type { GraphQLResolveInfo } from 'graphql';",
    "import type { Context } from '../context';",
    "import type { ConnectionRecord, LinkRecord, NodeRecord } from '../graph/records';",
    "import type { NodeFilter, Resolvers } from './graphql';",
    '',
    `/** The node types (one per label). */\nexport const NODE_TYPE_NAMES = [${list(labels)}] as const;`,
    'export type NodeTypeName = (typeof NODE_TYPE_NAMES)[number];',
    `/** The link types: one per relationship type and label at the other end. */\nexport const LINK_TYPE_NAMES = [${list(links.map((t) => t.name))}] as const;`,
    'export type LinkTypeName = (typeof LINK_TYPE_NAMES)[number];',
    '',
    '/** The same field resolvers on every node type. */',
    `export function onEveryNodeType<T>(fields: T): Record<NodeTypeName, T> {\n  return { ${labels.map((l) => `${l}: fields`).join(', ')} };\n}`,
    '',
    '/** The same field resolvers on every link type. */',
    `export function onEveryLinkType<T>(fields: T): Record<LinkTypeName, T> {\n  return {\n${links.map((t) => `    ${t.name}: fields,`).join('\n')}\n  };\n}`,
    '',
    '/** What the generated resolvers call: the engine behind root lists and relationship fields. */',
    'export interface ModelResolverParts {',
    '  list(label: NodeTypeName): (parent: unknown, args: { first?: number | null; after?: string | null; filter?: NodeFilter | null }, ctx: Context, info: GraphQLResolveInfo) => Promise<ConnectionRecord>;',
    '  relation(label: NodeTypeName, field: string): (parent: NodeRecord, args: { first?: number | null }, ctx: Context, info: GraphQLResolveInfo) => LinkRecord[] | Promise<LinkRecord[]>;',
    '  propertyList(field: string): (parent: { readonly [property: string]: unknown }) => string[] | null;',
    '  enumValue<T extends string>(field: string, values: readonly T[]): (parent: LinkRecord) => T | null;',
    '  nodeType<T extends string>(names: readonly T[]): (node: NodeRecord) => T;',
    '  linkType<T extends string>(names: readonly T[]): (link: LinkRecord) => T;',
    '}',
    '',
    '/** Root lists, relationship fields, list-valued properties, enum-typed link properties and type resolution of the model. */',
    'export function modelResolvers(p: ModelResolverParts): Resolvers {',
    '  return {',
    `    Query: {\n${Object.entries(model.labels).map(([l, s]) => `      ${s.plural}: p.list('${l}'),`).join('\n')}\n    },`,
    '    Node: { __resolveType: p.nodeType(NODE_TYPE_NAMES) },',
    '    Link: { __resolveType: p.linkType(LINK_TYPE_NAMES) },',
  ];
  for (const rel of rels) {
    const names = links.filter((t) => t.rel === rel).map((t) => t.name);
    out.push(`    ${linkInterfaceName(rel)}: { __resolveType: p.linkType([${list(names)}] as const) },`);
  }
  for (const [label, spec] of Object.entries(model.labels)) {
    const entries = [
      ...Object.keys(relations[label] ?? {}).map((f) => `${f}: p.relation('${label}', '${f}')`),
      ...Object.entries(spec.fields).filter(([, p]) => p.type === '[String!]').map(([f]) => `${f}: p.propertyList('${f}')`),
    ];
    if (entries.length > 0) out.push(`    ${label}: { ${entries.join(', ')} },`);
  }
  for (const t of links) {
    const props = Object.entries(model.relationships[t.rel]?.properties ?? {});
    const entries = [
      ...props.filter(([, p]) => p.type === '[String!]').map(([f]) => `${f}: p.propertyList('${f}')`),
      ...props.filter(([, p]) => p.enum).map(([f, p]) => `${f}: p.enumValue('${f}', [${list((allowedValues(model, p) ?? []).map(enumName))}] as const)`),
    ];
    if (entries.length > 0) out.push(`    ${t.name}: { ${entries.join(', ')} },`);
  }
  out.push('  };', '}', '');
  return out.join('\n');
}
