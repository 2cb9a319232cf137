import {
  getArgumentValues,
  getNamedType,
  isAbstractType,
  isObjectType,
  print,
  type FieldNode,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type SelectionSetNode,
} from 'graphql';
import neo4j from 'neo4j-driver';
import { RELATION_FIELDS, type RelationField } from '../graph/relations';
import { collectFields, subSelections, type SelectionScope } from './collectFields';

/** Bounds of a relationship field's `first` (the resolver reports values outside). */
const LINK_FIRST = { min: 1, max: 1000, fallback: 100 };

/** What a property name must look like to go into Cypher text (GraphQL field names do). */
export const PROPERTY_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** The key under which a node record carries the precomputed answer of a relationship field. */
export function precomputedKey(typeName: string, responseKey: string): string {
  return `@${typeName}.${responseKey}`;
}

/**
 * A level of nodes one relationship field below the nodes of its parent level, whose own relationship
 * fields the same statement answers (see Projection.levelParts): column `column` holds one
 * `[id, answers]` pair per distinct node of the level, and the level's nodes are the ends of the
 * links under `key` of the parent level's nodes (level -1: the statement's root nodes).
 */
export interface Level {
  readonly column: string;
  readonly parent: number;
  readonly key: string;
}

/** How much of a node a projection names: everything, its properties only, or its relationship fields only. */
type Part = 'all' | 'properties' | 'relations';

/**
 * Compiles what a query selected below a node into one Cypher map projection: the node's selected
 * properties (never all of them), and for each selected relationship field a COLLECT subquery in the
 * same statement with the selected properties of the links and of the nodes at their other end.
 *
 * The relationship fields of those nodes are not nested subqueries: a hub recurs under many parents,
 * and a subquery would sort its links once per occurrence. With `levels` on, the statement answers
 * them per level instead: a level's distinct nodes are found once (the same pattern, order and
 * bound as the links that reach them), each is projected once with its relationship fields, and
 * attachLevels (src/engine/attachLevels.ts) hangs the answers onto every occurrence. Without it they are
 * left to the links loader (one batched query per level, in a transaction of its own).
 *
 * Only identifiers of the model go into the text (labels and relationship types from the relation
 * table, property names that GraphQL validation has checked against the schema); every value (ids,
 * `first`) is a parameter. A field the compiler leaves out (an argument out of range, two aliases
 * that cannot share one answer) is resolved the ordinary way by its resolver, so the answer is the
 * same either way; only the number of round trips differs.
 */
export class Projection {
  private readonly values: Record<string, unknown> = {};
  private counter = 0;
  private readonly parts: string[] = [];
  private readonly found: Level[] = [];
  /** The list variable holding the nodes being projected, and their level (-1: the root nodes), while levels are on. */
  private current: { readonly set: string; readonly index: number } | null;

  /**
   * With `levels` set to the name of a list variable holding the root nodes, relationship fields below
   * the root's links are answered by the statement's level parts; without, by the links loader.
   */
  constructor(
    private readonly scope: SelectionScope,
    levels?: string,
  ) {
    this.current = levels ? { set: levels, index: -1 } : null;
  }

  /** The levels the statement must answer, parents before children. */
  get levels(): readonly Level[] {
    return this.found;
  }

  /** The CALL clauses that answer the levels, in order; each reads the list variable of its parent level. */
  get levelParts(): readonly string[] {
    return this.parts;
  }

  /** The parameters the compiled text refers to. */
  get params(): Record<string, unknown> {
    return this.values;
  }

  /** Registers a value and returns the parameter that refers to it. */
  param(value: unknown): string {
    const name = `p${this.counter++}`;
    this.values[name] = value;
    return `$${name}`;
  }

  /** Registers an integer (LIMIT, SKIP) and returns its parameter. */
  intParam(value: number): string {
    return this.param(neo4j.int(value));
  }

  private variable(prefix: string): string {
    return `${prefix}${this.counter++}`;
  }

  /**
   * The projection of the node bound to `v`, whose GraphQL type is `type` (an object type or the
   * Node interface), for the given selection sets: all of it, its properties only (nodes at the other
   * end of a link) or its relationship fields only (a level's answers; null when it selects none).
   */
  node(v: string, type: GraphQLNamedType, sets: readonly (SelectionSetNode | undefined)[], part: 'relations'): string | null;
  node(v: string, type: GraphQLNamedType, sets: readonly (SelectionSetNode | undefined)[], part?: 'all' | 'properties'): string;
  node(v: string, type: GraphQLNamedType, sets: readonly (SelectionSetNode | undefined)[], part: Part = 'all'): string | null {
    const relations = part !== 'properties';
    const types: readonly GraphQLObjectType[] = isAbstractType(type) ? this.scope.schema.getPossibleTypes(type) : isObjectType(type) ? [type] : [];
    const props = new Set<string>();
    const entries: string[] = [];
    for (const t of types) {
      const fieldsOfType = (RELATION_FIELDS as Record<string, Record<string, RelationField> | undefined>)[t.name] ?? {};
      for (const [key, nodes] of collectFields(this.scope, t, sets)) {
        const first = nodes[0] as FieldNode;
        const name = first.name.value;
        if (name.startsWith('__')) continue;
        const rel = fieldsOfType[name];
        if (!rel || !relations) {
          if (!rel && PROPERTY_NAME.test(name)) props.add(name);
          continue;
        }
        const limit = this.linkFirst(t, nodes);
        if (limit === null) continue;
        const sub = this.links(v, rel, nodes, limit, types.length > 1 ? t.name : null, precomputedKey(t.name, key));
        entries.push(`\`${precomputedKey(t.name, key)}\`: ${types.length > 1 ? `CASE WHEN ${v}:${t.name} THEN ${sub} END` : sub}`);
      }
    }
    if (part === 'relations') return entries.length === 0 ? null : `{${entries.join(', ')}}`;
    // The id (loaders and levels key by it) and the label (a node may be answered where its field's
    // type is the Node interface) always; the name when selected.
    const label = types.length === 1 ? `'${(types[0] as GraphQLObjectType).name}'` : `head([l IN labels(${v}) WHERE l <> 'GraphNode'])`;
    const base = [`id: ${v}.id`, `label: ${label}`];
    if (props.delete('name')) base.push(`name: coalesce(${v}.name, ${v}.id)`);
    props.delete('id');
    props.delete('label');
    return `{${[...base, ...[...props].sort().map((p) => `${p}: ${v}.${p}`), ...entries].join(', ')}}`;
  }

  /** The `first` of a relationship field, or null when the fields cannot share one answer or it is out of range. */
  private linkFirst(t: GraphQLObjectType, nodes: readonly FieldNode[]): number | null {
    const first = nodes[0] as FieldNode;
    // Aliases that merge into one response key must agree (GraphQL validation sees to it within one
    // parent); fields merged from different parents' aliases may not: leave those to the resolver.
    if (nodes.some((n) => n.name.value !== first.name.value || print({ kind: first.kind, name: first.name, arguments: n.arguments } as FieldNode) !== print({ kind: first.kind, name: first.name, arguments: first.arguments } as FieldNode))) {
      return null;
    }
    const def = t.getFields()[first.name.value];
    if (!def) return null;
    let value: unknown;
    try {
      value = getArgumentValues(def, first, this.scope.variableValues as Record<string, unknown>).first ?? LINK_FIRST.fallback;
    } catch {
      return null;
    }
    return typeof value === 'number' && Number.isInteger(value) && value >= LINK_FIRST.min && value <= LINK_FIRST.max ? value : null;
  }

  /**
   * One relationship field as a COLLECT subquery, sorted like the links loader: order, name, id.
   * `only` is the parent's type when the parent may be of several; `key` is the field's precomputed key.
   */
  private links(v: string, rel: RelationField, nodes: readonly FieldNode[], limit: number, only: string | null, key: string): string {
    const r = this.variable('r');
    const m = this.variable('m');
    const pattern = linkPattern(v, r, m, rel);
    const linkType = this.scope.schema.getType(rel.linkType) as GraphQLObjectType;
    const fields = collectFields(this.scope, linkType, subSelections(nodes));
    // The link's type when selected, and its GraphQL type only when it is not the field's own object type.
    const entries = isObjectType(linkType) ? [] : [`linkType: '${rel.linkType}'`];
    const nodeSets: SelectionSetNode[] = [];
    const props = new Set<string>();
    let withType = false;
    for (const group of fields.values()) {
      for (const f of group) {
        const name = f.name.value;
        if (name === 'node') nodeSets.push(...subSelections([f]));
        else if (name === 'type') withType = true;
        else if (!name.startsWith('__') && PROPERTY_NAME.test(name)) props.add(name);
      }
    }
    if (withType) entries.push(`type: type(${r})`);
    for (const p of [...props].sort()) entries.push(`${p}: ${r}.${p}`);
    const nodeType = getNamedType(linkType.getFields().node?.type) as GraphQLNamedType;
    // The other end's own relationship fields are no subquery here: one node (a hub such as the
    // Portalverbund, used by every service) recurs under many parents, and a subquery would sort its
    // thousands of links once per occurrence. Its level answers them once per distinct node (or,
    // without levels, the links loader does, in one more round trip per level).
    entries.push(`node: ${this.node(m, nodeType, nodeSets, 'properties')}`);
    const limitParam = this.intParam(limit);
    if (this.current) this.level(rel, limitParam, only, key, nodeType, nodeSets);
    return `COLLECT { MATCH ${pattern} WITH ${r}, ${m} ORDER BY ${r}.order, ${m}.name, ${m}.id LIMIT ${limitParam} RETURN {${entries.join(', ')}} }`;
  }

  /**
   * Registers the level of the nodes a link field reaches from the current level, when their
   * selection has relationship fields: a CALL that finds the level's distinct nodes the way the
   * field's subquery reaches them (pattern, order, bound) and projects each once with its
   * relationship fields, whose own next levels it registers in turn.
   */
  private level(rel: RelationField, limitParam: string, only: string | null, key: string, nodeType: GraphQLNamedType, nodeSets: readonly SelectionSetNode[]): void {
    const parent = this.current as { readonly set: string; readonly index: number };
    const index = this.found.length;
    const set = this.variable('level');
    const column = this.variable('answers');
    this.found.push({ column, parent: parent.index, key });
    this.parts.push('');
    const v = this.variable('v');
    const m = this.variable('m');
    this.current = { set, index };
    const answers = this.node(m, nodeType, nodeSets, 'relations');
    this.current = parent;
    if (answers === null) {
      // Nothing below these nodes needs answering (no level of theirs was registered either).
      this.found.pop();
      this.parts.pop();
      return;
    }
    const r = this.variable('r');
    this.parts[index] =
      `CALL (${parent.set}) { UNWIND ${parent.set} AS ${v}${only ? ` WITH ${v} WHERE ${v}:${only}` : ''} ` +
      `CALL (${v}) { MATCH ${linkPattern(v, r, m, rel)} WITH ${r}, ${m} ORDER BY ${r}.order, ${m}.name, ${m}.id LIMIT ${limitParam} RETURN ${m} } ` +
      `WITH DISTINCT ${m} RETURN collect(${m}) AS ${set}, collect([${m}.id, ${answers}]) AS ${column} }`;
  }
}

/** The pattern of a relationship field from `v` over `r` to `m` (its label, or any GraphNode). */
function linkPattern(v: string, r: string, m: string, rel: RelationField): string {
  const end = `(${m}:${rel.label ?? 'GraphNode'})`;
  return rel.dir === 'out' ? `(${v})-[${r}:${rel.rel}]->${end}` : rel.dir === 'in' ? `(${v})<-[${r}:${rel.rel}]-${end}` : `(${v})-[${r}:${rel.rel}]-${end}`;
}
