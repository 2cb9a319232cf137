/**
 * The shape of the graph model's declaration (src/model/labels.ts, relationships.ts, enums.ts).
 * Everything that repeats the model is derived from a value of this type: the GraphQL node, link and
 * list types (src/model/sdl.ts), the relation table (relationFields.ts), the loader's checks
 * (checkProperties.ts), the list bounds of the cost model, the codegen mappers, the label lists of
 * the Neo4j schema and the explorer, and the tables of seeds/README.md (seedTables.ts). Functions
 * take the model as an argument, so a test can derive everything from a changed copy.
 */

/** GraphQL scalar types a stored property may have. */
export type ScalarType = 'String' | 'Int' | 'Float' | 'Boolean' | 'ID';

/** A stored property of a node or a relationship. */
export interface PropertySpec {
  /** Its GraphQL type: a scalar or a list of strings (stored as a list, returned cut at 50). */
  readonly type: ScalarType | '[String!]';
  readonly description?: string;
  /** The loader refuses an entry without it. */
  readonly required?: boolean;
  /** A GraphQL enum of the model (enums.ts): the field is typed by it and the loader checks the value. */
  readonly enum?: string;
  /** Only these values of `enum` (a subset); default all. */
  readonly only?: readonly string[];
  /** Values the loader accepts, the field staying a String (kinds and levels that grow with the data). */
  readonly values?: readonly string[];
  /** A date as YYYY, YYYY-MM or YYYY-MM-DD. */
  readonly format?: 'date';
  /** Part of the full-text index behind `search` (a list is indexed as one text, `<name>Text`). */
  readonly searchable?: boolean;
  /** A range index speeds up the filter on it. */
  readonly indexed?: boolean;
}

/** The filters of NodeFilter a root list applies (others are ignored). */
export type FilterKey = 'text' | 'evidence' | 'kind' | 'family' | 'level' | 'scheme' | 'layer' | 'stack' | 'licenceClass' | 'operatingModel' | 'stage' | 'from' | 'to' | 'expiringWithin';

/** A node label. */
export interface LabelSpec {
  /** The GraphQL type's description. */
  readonly description: string;
  /** The root list's field name, which is also the seed files' section name. */
  readonly plural: string;
  /** Its own properties (besides the common ones every node has, COMMON_NODE_FIELDS). */
  readonly fields: Readonly<Record<string, PropertySpec>>;
  /** The filters its root list applies. */
  readonly filters: readonly FilterKey[];
  /** How seed files (seeds/*.yaml) write nodes of this label; absent: only data sets add them. */
  readonly seed?: {
    /** The id's form as documented, e.g. `org:<slug>`. */
    readonly idForm: string;
    readonly idPattern: RegExp;
    /** Fields that name another node's id and become relationships of this type. */
    readonly refs?: Readonly<Record<string, string>>;
  };
  /** Colour and shape in the explorer. */
  readonly style: { readonly color: string; readonly shape: string };
}

/** Which labels an end of a relationship type may have. */
export type LabelSet = readonly string[] | 'any';

/** A field of a node type that reads one relationship type in one direction. */
export interface RelationFieldSpec {
  /** The node type that has the field. */
  readonly on: string;
  /** The field's name. */
  readonly field: string;
  /** `out` from `on`, `in` to `on`, or `both`. */
  readonly dir: 'out' | 'in' | 'both';
  /** The label at the other end; null for any the type allows. */
  readonly other: string | null;
  readonly description: string;
}

/** A relationship type. */
export interface RelTypeSpec {
  readonly description: string;
  readonly from: LabelSet;
  readonly to: LabelSet;
  /** Both ends have the same label (PART_OF hierarchies). */
  readonly sameLabel?: boolean;
  /** Its own properties (besides the common ones every relationship has, COMMON_LINK_FIELDS). */
  readonly properties: Readonly<Record<string, PropertySpec>>;
  /** The fields that read it on the node types. */
  readonly fields: readonly RelationFieldSpec[];
  /** Derived by the loader from other facts: a neighbourhood leaves it out unless asked for by type. */
  readonly derived?: boolean;
}

/** A GraphQL enum of a model value list; GraphQL names use `_` where the stored values use `-`. */
export interface EnumSpec {
  readonly description: string;
  readonly values: readonly string[];
}

/** The whole model. */
export interface Model {
  readonly labels: Readonly<Record<string, LabelSpec>>;
  readonly relationships: Readonly<Record<string, RelTypeSpec>>;
  readonly enums: Readonly<Record<string, EnumSpec>>;
}

/** A stored value as a GraphQL enum name. */
export function enumName(value: string): string {
  return value.replace(/-/g, '_');
}
