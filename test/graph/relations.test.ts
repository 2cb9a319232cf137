import { buildASTSchema, isListType, isNonNullType, isObjectType, parse, type GraphQLField, type GraphQLOutputType } from 'graphql';
import { RELATION_FIELDS } from '../../src/graph/relations';
import { loadTypeDefs } from '../../src/schema';
import { NODE_LABELS, REL_RULES, type NodeLabel } from '../../src/model';

const schema = buildASTSchema(parse(loadTypeDefs().join('\n')));

function namedType(t: GraphQLOutputType): string {
  let x: GraphQLOutputType = t;
  while (isNonNullType(x) || isListType(x)) x = x.ofType as GraphQLOutputType;
  return (x as { name: string }).name;
}

describe('the relationship fields of the schema', () => {
  it.each(NODE_LABELS)('%s: every link field of the SDL has a relationship entry, and the reverse', (label) => {
    const type = schema.getType(label);
    expect(isObjectType(type)).toBe(true);
    const fields = Object.values((type as { getFields(): Record<string, GraphQLField<unknown, unknown>> }).getFields());
    const linkFields = fields.filter((f) => namedType(f.type).endsWith('Link')).map((f) => f.name).sort();
    expect(Object.keys(RELATION_FIELDS[label]).sort()).toEqual(linkFields);
    for (const f of fields.filter((x) => linkFields.includes(x.name))) {
      expect(namedType(f.type)).toBe(RELATION_FIELDS[label][f.name]?.linkType);
      expect(f.args.map((a) => a.name)).toEqual(['first']);
    }
  });

  it('only follows relationships the model allows between these labels', () => {
    for (const [label, fields] of Object.entries(RELATION_FIELDS) as [NodeLabel, (typeof RELATION_FIELDS)[NodeLabel]][]) {
      for (const [name, f] of Object.entries(fields)) {
        const rule = REL_RULES[f.rel] as { from: readonly string[] | 'any'; to: readonly string[] | 'any' };
        const near = f.dir === 'in' ? rule.to : rule.from;
        const far = f.dir === 'in' ? rule.from : rule.to;
        const allows = (set: readonly string[] | 'any', l: string | null): boolean => set === 'any' || l === null || set.includes(l);
        if (f.dir === 'both') expect([rule.from, rule.to].every((s) => allows(s, label))).toBe(true);
        else {
          expect({ field: `${label}.${name}`, ok: allows(near, label) }).toEqual({ field: `${label}.${name}`, ok: true });
          expect({ field: `${label}.${name}`, ok: allows(far, f.label) }).toEqual({ field: `${label}.${name}`, ok: true });
        }
      }
    }
  });
});
