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

/** Fields every node record carries, whatever was selected (the resolvers and `__resolveType` need them). */
const ALWAYS = new Set(['id', 'name', 'label']);

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** The key under which a node record carries the precomputed answer of a relationship field. */
export function precomputedKey(typeName: string, responseKey: string): string {
  return `@${typeName}.${responseKey}`;
}

/**
 * Compiles what a query selected below a node into one Cypher map projection: the node's selected
 * properties (never all of them), and for each selected relationship field a COLLECT subquery in the
 * same statement with the selected properties of the links and of the nodes at their other end. The
 * relationship fields of those nodes are left to the links loader (one batched query per level, each
 * distinct node once): a hub recurs under many parents, and a subquery would sort its links once per
 * occurrence.
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

  constructor(private readonly scope: SelectionScope) {}

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
   * Node interface), for the given selection sets. With `relations` false only properties are
   * projected (for nodes in a list expression, where a subquery cannot refer to them); their
   * relationship fields then go through the links loader.
   */
  node(v: string, type: GraphQLNamedType, sets: readonly (SelectionSetNode | undefined)[], relations = true): string {
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
          if (!rel && !ALWAYS.has(name) && NAME.test(name)) props.add(name);
          continue;
        }
        const limit = this.linkFirst(t, nodes);
        if (limit === null) continue;
        const sub = this.links(v, rel, nodes, limit);
        entries.push(`\`${precomputedKey(t.name, key)}\`: ${types.length > 1 ? `CASE WHEN ${v}:${t.name} THEN ${sub} END` : sub}`);
      }
    }
    const label = types.length === 1 ? `'${(types[0] as GraphQLObjectType).name}'` : `head([l IN labels(${v}) WHERE l <> 'GraphNode'])`;
    const base = [`id: ${v}.id`, `name: coalesce(${v}.name, ${v}.id)`, `label: ${label}`];
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

  /** One relationship field as a COLLECT subquery, sorted like the links loader: order, name, id. */
  private links(v: string, rel: RelationField, nodes: readonly FieldNode[], limit: number): string {
    const r = this.variable('r');
    const m = this.variable('m');
    const end = `(${m}:${rel.label ?? 'GraphNode'})`;
    const pattern = rel.dir === 'out' ? `(${v})-[${r}:${rel.rel}]->${end}` : rel.dir === 'in' ? `(${v})<-[${r}:${rel.rel}]-${end}` : `(${v})-[${r}:${rel.rel}]-${end}`;
    const linkType = this.scope.schema.getType(rel.linkType) as GraphQLObjectType;
    const fields = collectFields(this.scope, linkType, subSelections(nodes));
    const entries = [`type: type(${r})`, `linkType: '${rel.linkType}'`];
    const nodeSets: SelectionSetNode[] = [];
    const props = new Set<string>();
    for (const group of fields.values()) {
      for (const f of group) {
        const name = f.name.value;
        if (name === 'node') nodeSets.push(...subSelections([f]));
        else if (name !== 'type' && !name.startsWith('__') && NAME.test(name)) props.add(name);
      }
    }
    for (const p of [...props].sort()) entries.push(`${p}: ${r}.${p}`);
    const nodeType = getNamedType(linkType.getFields().node?.type) as GraphQLNamedType;
    // The other end's own relationship fields are left to the links loader: one node (a hub such as
    // the Portalverbund, used by every service) recurs under many parents, and a subquery here would
    // sort its thousands of links once per occurrence; the loader fetches each distinct node's links
    // once, in one more round trip per level that does not grow with the number of parents.
    entries.push(`node: ${this.node(m, nodeType, nodeSets, false)}`);
    return `COLLECT { MATCH ${pattern} WITH ${r}, ${m} ORDER BY ${r}.order, ${m}.name, ${m}.id LIMIT ${this.intParam(limit)} RETURN {${entries.join(', ')}} }`;
  }
}
