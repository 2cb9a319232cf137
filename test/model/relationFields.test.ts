import { buildASTSchema, isListType, isNonNullType, isObjectType, parse, type GraphQLField, type GraphQLOutputType } from 'graphql';
import { RELATION_FIELDS } from '../../src/graph/relations';
import { loadTypeDefs } from '../../src/schema';
import { MODEL, NODE_LABELS, type Model } from '../../src/model';
import { relationFields } from '../../src/model/relationFields';

const schema = buildASTSchema(parse(loadTypeDefs().join('\n')));

function namedType(t: GraphQLOutputType): string {
  let x: GraphQLOutputType = t;
  while (isNonNullType(x) || isListType(x)) x = x.ofType as GraphQLOutputType;
  return (x as { name: string }).name;
}

describe('the relation table derived from the model', () => {
  it.each(NODE_LABELS)('%s: every link field of the SDL has a relationship entry, and the reverse', (label) => {
    const type = schema.getType(label);
    expect(isObjectType(type)).toBe(true);
    const fields = Object.values((type as { getFields(): Record<string, GraphQLField<unknown, unknown>> }).getFields());
    const linkFields = fields.filter((f) => namedType(f.type).endsWith('Link')).map((f) => f.name).sort();
    const table = RELATION_FIELDS[label] ?? {};
    expect(Object.keys(table).sort()).toEqual(linkFields);
    for (const f of fields.filter((x) => linkFields.includes(x.name))) {
      expect(namedType(f.type)).toBe(table[f.name]?.linkType);
      expect(f.args.map((a) => a.name)).toEqual(['first']);
    }
  });

  it('holds 113 relationship fields over 28 relationship types, each read towards the label it names', () => {
    const all = Object.values(RELATION_FIELDS).flatMap((fields) => Object.values(fields));
    expect(all).toHaveLength(113);
    expect(new Set(all.map((f) => f.rel)).size).toBe(28);
    expect(RELATION_FIELDS.Component?.dependsOn).toEqual({ rel: 'DEPENDS_ON', dir: 'out', label: 'Component', linkType: 'DependsOnComponentLink' });
    expect(RELATION_FIELDS.Milestone?.concerns).toEqual({ rel: 'CONCERNS', dir: 'out', label: null, linkType: 'ConcernsNodeLink' });
  });

  const withField = (rel: string, field: Model['relationships'][string]['fields'][number]): Model => ({
    ...MODEL,
    relationships: { ...MODEL.relationships, [rel]: { ...(MODEL.relationships[rel] as Model['relationships'][string]), fields: [...(MODEL.relationships[rel]?.fields ?? []), field] } },
  });

  it('refuses a field that reads a relationship type towards a label the type does not connect', () => {
    expect(() => relationFields(withField('DEPENDS_ON', { on: 'Component', field: 'dependsOnStandards', dir: 'out', other: 'Standard', description: '' }))).toThrow(
      'Component.dependsOnStandards reads DEPENDS_ON to Standard, which DEPENDS_ON does not connect',
    );
    expect(() => relationFields(withField('OFFERS', { on: 'Component', field: 'offeredBy', dir: 'in', other: 'Organization', description: '' }))).toThrow('which OFFERS does not connect');
  });

  it('refuses a field declared twice on one type', () => {
    expect(() => relationFields(withField('MAINTAINS', { on: 'Component', field: 'dependsOn', dir: 'in', other: 'Organization', description: '' }))).toThrow('Component.dependsOn is declared twice (DEPENDS_ON and MAINTAINS)');
  });
});
