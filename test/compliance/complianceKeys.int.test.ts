import { buildSchema, getNamedType, isLeafType, type GraphQLObjectType } from 'graphql';
import { createComplianceLoaders } from '../../src/compliance/loaders';
import { RELATION_FIELDS } from '../../src/graph/relations';
import { loadTypeDefs } from '../../src/schema';
import { startTestApi, type TestApi } from '../support/api';

/** The compliance report reads only the properties it needs and the query selects; what it reads is what all properties give. */
describe('compliance reads the selected properties only', () => {
  let api: TestApi;
  const schema = buildSchema(loadTypeDefs().join('\n'));
  const scalars = (type: string): string[] =>
    Object.values((schema.getType(type) as GraphQLObjectType).getFields())
      .filter((f) => isLeafType(getNamedType(f.type)) && f.args.length === 0 && !(f.name in (RELATION_FIELDS[type] ?? {})))
      .map((f) => f.name);
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(async () => {
    await api.close();
  });

  it('gives the same answer to a query of every stored field as the report read with all properties', async () => {
    const [{ id }] = (await api.t.db.read((tx) =>
      tx.runText('MATCH (s:Service)-[:USES]->(x)<-[:APPLIES_TO]-(r:Requirement) RETURN s.id AS id, count(DISTINCT r) AS n ORDER BY n DESC, id LIMIT 1'),
    )) as [{ id: string }];
    const item = `requirement { ${scalars('Requirement').join(' ')} } status appliesVia { id label name ... on Component { ${scalars('Component').join(' ')} } ... on Standard { ${scalars('Standard').join(' ')} } } missing { id name } exception { ${scalars('Exception').join(' ')} } expires`;
    const query = `query($id: ID!) { compliance(serviceId: $id) { score muss { met items { ${item} } } soll { met items { ${item} } } } }`;
    const lean = await api.exec(query, { id });
    expect(lean.errors).toBeUndefined();
    // The same report with every property read (the loader's default), through the same resolvers.
    const all = await createComplianceLoaders(api.t.db).compliance(id, new Date().toISOString().slice(0, 10));
    const items = [...lean.data.compliance.muss.items, ...lean.data.compliance.soll.items];
    const records = [...all.muss.items, ...all.soll.items];
    expect(items.map((i: { requirement: { id: string } }) => i.requirement.id)).toEqual(records.map((r) => r.requirement.id));
    expect(items.length).toBeGreaterThan(3);
    for (const [i, r] of records.entries()) {
      const got = items[i] as { requirement: Record<string, unknown>; appliesVia: Record<string, unknown> };
      for (const k of ['id', 'name', 'level']) expect({ k, v: got.requirement[k] }).toEqual({ k, v: r.requirement[k] });
      for (const k of ['id', 'name', 'license', 'homepage']) if (k in got.appliesVia) expect({ k, v: got.appliesVia[k] }).toEqual({ k, v: r.appliesVia[k] ?? null });
    }
    // The statement was sent with key lists, not properties(): a smaller selection reads fewer values.
    const small = await api.exec('query($id: ID!) { compliance(serviceId: $id) { score muss { items { requirement { id } status } } } }', { id });
    expect(small.data.compliance.score).toBe(lean.data.compliance.score);
  });
});
