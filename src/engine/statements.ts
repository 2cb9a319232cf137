import { getNamedType, type FieldNode, type GraphQLNamedType, type GraphQLObjectType, type GraphQLResolveInfo } from 'graphql';
import { collectFields, subSelections, type SelectionScope } from './collectFields';
import { Projection, type Level } from './Projection';

/** A statement compiled from a query's selection: Cypher text built from model identifiers, and its parameters. */
export interface CompiledStatement {
  readonly text: string;
  readonly params: Record<string, unknown>;
  /** What it answers, for logs and round-trip counts (`node`, `list`, `search`, `impact`). */
  readonly name?: string;
  /**
   * Levels of nodes below the root nodes' links whose relationship fields the statement answers too
   * (src/engine/attachLevels.ts hangs them on): the column with the root nodes (a node or a list of them), and the levels.
   */
  readonly levels?: { readonly roots: string; readonly list: readonly Level[] };
}

/** The root nodes' list variable of a statement with levels. */
const ROOTS = 'roots';

/** The levels part of a compiled statement, when the projection registered any. */
function levelsOf(p: Projection, roots: string): Pick<CompiledStatement, 'levels'> {
  return p.levels.length === 0 ? {} : { levels: { roots, list: p.levels } };
}

/** What the statement returns besides its own columns: the levels' answers. */
function levelColumns(p: Projection): string {
  return p.levels.map((l) => `, ${l.column}`).join('');
}

/** The part of `info` a look-ahead needs. */
export function scopeOf(info: GraphQLResolveInfo): SelectionScope {
  return { schema: info.schema, fragments: info.fragments, variableValues: info.variableValues };
}

/** The fields selected below the current field, on its (object) return type. */
export function selectedFields(info: GraphQLResolveInfo, type: GraphQLObjectType = getNamedType(info.returnType) as GraphQLObjectType): Map<string, FieldNode[]> {
  return collectFields(scopeOf(info), type, subSelections(info.fieldNodes));
}

/** All nodes of the named child field, whatever their aliases (their selections are merged). */
export function childNodes(fields: Map<string, FieldNode[]>, name: string): FieldNode[] {
  return [...fields.values()].flat().filter((f) => f.name.value === name);
}

/** `node(id)`: the node and everything selected below it, in one statement. */
export function nodeStatement(info: GraphQLResolveInfo, id: string): CompiledStatement {
  const p = new Projection(scopeOf(info), ROOTS);
  const idParam = p.param(id);
  const projection = p.node('v', getNamedType(info.returnType), subSelections(info.fieldNodes));
  if (p.levels.length === 0) return { name: 'node', text: `MATCH (v:GraphNode {id: ${idParam}}) RETURN ${projection} AS node`, params: p.params };
  return {
    name: 'node',
    text: `MATCH (v:GraphNode {id: ${idParam}}) WITH ${projection} AS node, [v] AS ${ROOTS}\n${p.levelParts.join('\n')}\nRETURN node${levelColumns(p)}`,
    params: p.params,
    ...levelsOf(p, 'node'),
  };
}

/** Filters of the root lists; null means no filter. */
export interface ListFilter {
  readonly text: string | null;
  readonly evidence: string | null;
  readonly kind: string | null;
  readonly family: string | null;
  readonly level: string | null;
  readonly scheme: string | null;
  readonly layer: string | null;
  readonly stack: string | null;
  readonly licenceClass: string | null;
  readonly operatingModel: string | null;
  readonly stage: string | null;
  readonly from: string | null;
  readonly to: string | null;
  /** Exceptions ending from `expiresFrom` (today) to `expiresTo` (both YYYY-MM-DD), or null. */
  readonly expiresFrom: string | null;
  readonly expiresTo: string | null;
}

/**
 * The filter of the root lists, one predicate per filter key; n is the listed node. A list
 * statement (its page and its count alike) joins only the predicates
 * whose key is set, so that without a filter its count is `count(n)` of a label alone, which Neo4j
 * answers from its count store (NodeCountFromCountStore) instead of reading every node, and with one
 * the planner sees plain predicates such as `n.kind = $kind`, which it answers from a range index
 * where the label has one (src/model/labels.ts `indexed`). Values stay parameters.
 */
export const LIST_PREDICATES: readonly (readonly [keyof ListFilter, string])[] = [
  ['text', 'toLower(n.name) CONTAINS toLower($text) OR n.leikaKey = $text'],
  ['evidence', 'n.evidence = $evidence'],
  ['kind', 'n.kind = $kind'],
  ['family', 'n.family = $family'],
  ['level', 'n.level = $level OR $level IN coalesce(n.executingLevels, [])'],
  ['scheme', 'n.scheme = $scheme'],
  ['layer', 'EXISTS { (n)-[:IN_LAYER]->(:Layer)-[:PART_OF*0..3]->(:Layer {id: $layer}) } OR (n:Layer AND EXISTS { (n)-[:PART_OF*0..3]->(:Layer {id: $layer}) })'],
  ['stack', 'EXISTS { (:Stack {id: $stack})-[:INCLUDES]->(n) } OR (n:Decision AND n.stack = $stack)'],
  ['licenceClass', 'n.licenceClass = $licenceClass'],
  ['operatingModel', '$operatingModel IN coalesce(n.operatingModels, [])'],
  ['stage', "EXISTS { (s:Stack)-[i:INCLUDES]->(n) WHERE s.id = coalesce($stack, 'stack:germany') AND i.stage = $stage }"],
  ['from', 'n.date IS NOT NULL AND n.date >= left($from, size(n.date))'],
  ['to', 'n.date IS NOT NULL AND n.date <= $to'],
  ['expiresTo', 'n.expires IS NOT NULL AND n.expires >= $expiresFrom AND n.expires <= $expiresTo'],
];

/** `MATCH (n:Label)` with the WHERE of the filter's set keys only (none when no key is set). */
function listMatch(label: string, filter: ListFilter): string {
  const set = LIST_PREDICATES.filter(([key]) => filter[key] !== null && filter[key] !== undefined).map(([, predicate]) => `(${predicate})`);
  return set.length === 0 ? `MATCH (n:${label})` : `MATCH (n:${label}) WHERE ${set.join(' AND ')}`;
}

/** The count of a root list: `count(n)` of the label alone without a filter, else with the set filters' predicates only. */
export function listCountQuery(label: string, filter: ListFilter): string {
  return `${listMatch(label, filter)} RETURN count(n) AS total`;
}

/** What a root list statement returns and what the resolver must still work out. */
export interface ListStatement extends CompiledStatement {
  /** Whether the statement counts all matches (totalCount selected, or hasNextPage without a page). */
  readonly counts: boolean;
  /** Whether it fetches the page (one more than asked when it does not count, for hasNextPage). */
  readonly pages: boolean;
}

/**
 * A root list (`components`, `services`, ...): the count only when `totalCount` is selected (a count,
 * never a sort of everything), the page only when edges or pageInfo are, each node projected with
 * what is selected below `edges.node`.
 */
export function listStatement(info: GraphQLResolveInfo, label: string, filter: ListFilter, skip: number, limit: number): ListStatement {
  const scope = scopeOf(info);
  const connection = getNamedType(info.returnType) as GraphQLObjectType;
  const fields = selectedFields(info, connection);
  const counts = childNodes(fields, 'totalCount').length > 0;
  const edges = childNodes(fields, 'edges');
  const pages = edges.length > 0 || childNodes(fields, 'pageInfo').length > 0;
  const p = new Projection(scope, ROOTS);
  Object.assign(p.params, filter);
  const parts: string[] = [];
  const returns: string[] = [];
  if (counts) {
    parts.push(`CALL () { ${listCountQuery(label, filter)} }`);
    returns.push('total');
  }
  if (pages) {
    const edgeType = getNamedType((connection.getFields().edges as { type: GraphQLNamedType }).type) as GraphQLObjectType;
    const nodeSets = subSelections(childNodes(collectFields(scope, edgeType, subSelections(edges)), 'node'));
    const nodeType = getNamedType((edgeType.getFields().node as { type: GraphQLNamedType }).type);
    const projection = p.node('n', nodeType, nodeSets);
    parts.push(
      `CALL () { ${listMatch(label, filter)} WITH n ORDER BY n.name, n.id SKIP ${p.intParam(skip)} LIMIT ${p.intParam(counts ? limit : limit + 1)} RETURN collect(${projection}) AS page${p.levels.length > 0 ? `, collect(n) AS ${ROOTS}` : ''} }`,
      ...p.levelParts,
    );
    returns.push('page');
  }
  if (returns.length === 0) return { name: 'list', text: 'RETURN 0 AS nothing', params: {}, counts, pages };
  return { name: 'list', text: `${parts.join('\n')}\nRETURN ${returns.join(', ')}${levelColumns(p)}`, params: p.params, counts, pages, ...levelsOf(p, 'page') };
}

/** `search`: the hits, best first, each node projected with what is selected below `node`. */
export function searchStatement(info: GraphQLResolveInfo, luceneQuery: string, labels: readonly string[] | null, first: number): CompiledStatement {
  const scope = scopeOf(info);
  const hit = getNamedType(info.returnType) as GraphQLObjectType;
  const nodeSets = subSelections(childNodes(selectedFields(info, hit), 'node'));
  const p = new Projection(scope);
  const q = p.param(luceneQuery);
  const l = p.param(labels);
  const projection = p.node('v', getNamedType((hit.getFields().node as { type: GraphQLNamedType }).type), nodeSets);
  return {
    name: 'search',
    text: `CALL db.index.fulltext.queryNodes('node_text', ${q}) YIELD node, score
WHERE ${l} IS NULL OR any(l IN labels(node) WHERE l IN ${l})
WITH node AS v, score ORDER BY score DESC, v.id LIMIT ${p.intParam(first)}
RETURN score, ${projection} AS node`,
    params: p.params,
  };
}
