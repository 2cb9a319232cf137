import { GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import type { PropValue } from '../seed/graph';
import { InputError } from '../errors';

type PropMap = Record<string, PropValue>;

/** Checks a JSON object of storable values (text, numbers, booleans, lists of one of those). */
export function toPropMap(value: unknown): PropMap {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new InputError(`Properties must be a JSON object such as {"license": "EUPL-1.2"}, got ${JSON.stringify(value)}`);
  const out: PropMap = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (!/^[A-Za-z][A-Za-z0-9_]{0,63}$/.test(k)) throw new InputError(`Property names are letters, digits and _ (starting with a letter, at most 64), got "${k}"`);
    if (typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v))) out[k] = v;
    else if (Array.isArray(v) && v.every((x) => typeof x === 'string')) out[k] = v as string[];
    else if (Array.isArray(v) && v.every((x) => typeof x === 'number' && Number.isFinite(x))) out[k] = v as number[];
    else throw new InputError(`Property "${k}" must be text, a number, true/false or a list of texts or numbers, got ${JSON.stringify(v)}`);
  }
  return out;
}

function literal(node: ValueNode): unknown {
  switch (node.kind) {
    case Kind.STRING:
    case Kind.BOOLEAN:
      return node.value;
    case Kind.INT:
    case Kind.FLOAT:
      return Number(node.value);
    case Kind.LIST:
      return node.values.map(literal);
    case Kind.OBJECT:
      return Object.fromEntries(node.fields.map((f) => [f.name.value, literal(f.value)]));
    default:
      return undefined;
  }
}

/** The `Properties` scalar: a JSON object of storable property values, checked on input. */
export const PropertiesScalar = new GraphQLScalarType({
  name: 'Properties',
  description: 'A JSON object of property values: text, numbers, true/false, or lists of texts or numbers.',
  serialize: (v) => v,
  parseValue: (v) => toPropMap(v),
  parseLiteral: (node, variables) => {
    if (node.kind === Kind.VARIABLE) return toPropMap(variables?.[node.name.value]);
    return toPropMap(literal(node));
  },
});
