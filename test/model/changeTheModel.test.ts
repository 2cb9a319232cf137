import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildASTSchema, getOperationAST, parse, validate } from 'graphql';
import { mergeTypeDefs } from '@graphql-tools/merge';
import { MODEL, type Model } from '../../src/model';
import { generatedFiles } from '../../src/model/generatedFiles';
import { relationFields } from '../../src/model/relationFields';
import { graphSdl, listsSdl } from '../../src/model/sdl';
import { operationCost } from '../../src/limits/cost';
import { costRules } from '../../src/limits/prices';
import { assemble } from '../../src/seed/assemble';
import { formatIssue } from '../../src/seed/graph';
import { checkGraph } from '../../src/seed/seed';
import { readSeedFiles } from '../../src/seed/sources/seedFiles';
import { loadTypeDefs } from '../../src/schema';
import { schemaDir } from '../../src/paths';

/**
 * Adding to the model is the only edit a new label or relationship type needs: a copy of the model
 * with a label `Dataset` and a type `PUBLISHES` (an enum property and a list property) gives the SDL,
 * the relation table, the loader's checks, the prices, the root list, the typed resolvers, the
 * Neo4j schema and the tables of seeds/README.md, with no other file touched.
 */
const model: Model = {
  labels: {
    ...MODEL.labels,
    Dataset: {
      description: 'An open data set an organisation publishes.',
      plural: 'datasets',
      fields: { records: { type: 'Int', description: 'How many records it holds.' }, portal: { type: 'String', description: 'Where it is listed.', required: true } },
      filters: ['text', 'evidence'],
      seed: { idForm: 'dataset:<slug>', idPattern: /^dataset:[a-z0-9][a-z0-9.-]*$/ },
      style: { color: '#111111', shape: 'ellipse' },
    },
  },
  relationships: {
    ...MODEL.relationships,
    PUBLISHES: {
      description: 'An organisation publishes a data set.',
      from: ['Organization'],
      to: ['Dataset'],
      properties: {
        access: { type: 'String', enum: 'DataAccess', required: true, description: 'Who may read it.' },
        formats: { type: '[String!]', description: 'The formats it comes in.' },
      },
      fields: [
        { on: 'Organization', field: 'publishes', dir: 'out', other: 'Dataset', description: 'Data sets it publishes.' },
        { on: 'Dataset', field: 'publisher', dir: 'in', other: 'Organization', description: 'Who publishes it.' },
      ],
    },
  },
  enums: { ...MODEL.enums, DataAccess: { description: 'Who may read a data set.', values: ['open', 'registered-only'] } },
};

/** The whole API schema as it would be with this model: the hand-written SDL and the generated files. */
function schemaOf(m: Model) {
  const handWritten = loadTypeDefs([schemaDir]);
  return buildASTSchema(mergeTypeDefs([...handWritten, graphSdl(m), listsSdl(m)]));
}

describe('a new label and relationship type, declared in the model only', () => {
  const schema = schemaOf(model);

  it('the SDL has the node type, its root list, a link type with only its own properties, typed, and the fields at both ends', () => {
    const sdl = graphSdl(model);
    expect(sdl).toContain('type Dataset implements Node {');
    expect(sdl).toMatch(/interface PublishesLink implements Link \{[^}]*access: DataAccess\n[^}]*formats: \[String!\]\n[^}]*node: Node!\n\}/);
    expect(sdl).toMatch(/type PublishesDatasetLink implements Link & PublishesLink \{[^}]*node: Dataset!\n\}/);
    expect(sdl).toContain('enum DataAccess {\n  open\n  registered_only\n}');
    expect(sdl).toMatch(/type Organization implements Node \{[^}]*publishes\(first: Int = 100\): \[PublishesDatasetLink!\]!/);
    expect(sdl).toMatch(/type Dataset implements Node \{[^}]*portal: String\n[^}]*publisher\(first: Int = 100\): \[PublishesOrganizationLink!\]!/);
    // The other link types do not grow: a DEPENDS_ON link offers no `access`.
    expect(sdl).not.toMatch(/interface DependsOnLink implements Link \{[^}]*access/);
    expect(listsSdl(model)).toContain('datasets(first: Int = 50, after: String, filter: NodeFilter): DatasetConnection!');
    const query = parse('{ datasets(first: 10) { totalCount edges { node { portal records publisher(first: 20) { access formats node { name } } } } } }');
    expect(validate(schema, query)).toEqual([]);
    // The real schema knows none of it.
    expect(validate(schemaOf(MODEL), query).map((e) => e.message)).toContain('Cannot query field "datasets" on type "Query".');
  });

  it('the relation table reads PUBLISHES in both directions', () => {
    const table = relationFields(model);
    expect(table.Organization?.publishes).toEqual({ rel: 'PUBLISHES', dir: 'out', label: 'Dataset', linkType: 'PublishesDatasetLink' });
    expect(table.Dataset?.publisher).toEqual({ rel: 'PUBLISHES', dir: 'in', label: 'Organization', linkType: 'PublishesOrganizationLink' });
    expect(relationFields(MODEL).Organization?.publishes).toBeUndefined();
  });

  it("the loader reads a datasets section and PUBLISHES relationships, and checks them by the model's rules", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dsg-model-'));
    fs.writeFileSync(
      path.join(dir, 'data.yaml'),
      `organizations:
  - { id: org:x, name: X, level: Land, source: s }
datasets:
  - { id: dataset:ok, name: Ok, portal: GovData, records: 12, source: s }
  - { id: dataset:bad, name: Bad, records: many, source: s }
relationships:
  - { type: PUBLISHES, from: org:x, to: dataset:ok, access: open, formats: [csv, json], source: s }
  - { type: PUBLISHES, from: org:x, to: dataset:bad, access: closed, source: s }
  - { type: PUBLISHES, from: org:x, to: dataset:ok, source: s, licence: cc-by }
  - { type: PUBLISHES, from: dataset:ok, to: org:x, access: open, source: s }
`,
    );
    const part = readSeedFiles(dir, dir, model);
    expect(part.issues.map(formatIssue)).toEqual([
      'data.yaml: datasets[1] (id "dataset:bad"): field "records" must be a whole number, got "many"',
      'data.yaml: datasets[1] (id "dataset:bad"): field "portal" is required',
      'data.yaml: relationships[1] (PUBLISHES org:x -> dataset:bad): field "access" must be one of open, registered-only, got "closed"',
      'data.yaml: relationships[2] (PUBLISHES org:x -> dataset:ok): field "access" is required for PUBLISHES',
      'data.yaml: relationships[2] (PUBLISHES org:x -> dataset:ok): field "licence" is not a property of PUBLISHES; it has access, formats (besides source, evidence, sources, note, rule, checked, validFrom, validUntil, proposal, contributedBy, reviewedBy)',
    ]);
    const { graph, issues } = assemble([part], model);
    expect(issues.slice(part.issues.length).map(formatIssue)).toEqual([
      'data.yaml: relationships[3] (PUBLISHES dataset:ok -> org:x): field "from" "dataset:ok" is a Dataset; PUBLISHES starts at Organization',
      'data.yaml: relationships[3] (PUBLISHES dataset:ok -> org:x): field "to" "org:x" is a Organization; PUBLISHES ends at Dataset',
    ]);
    expect(graph.edges.map((e) => `${e.type} ${e.from} -> ${e.to}`)).toEqual(['PUBLISHES org:x -> dataset:ok']);
    // The same file read with today's model: the section and the type are unknown.
    expect(readSeedFiles(dir, dir).issues.map((i) => i.message)).toEqual(expect.arrayContaining([expect.stringMatching(/^is unknown; allowed: /), expect.stringMatching(/^must be one of PART_OF, /)]));
    expect(checkGraph({ nodes: graph.nodes, edges: graph.edges }, model)).toEqual([
      { file: 'data.yaml', entry: 'datasets[1] (id "dataset:bad")', field: 'records', message: 'must be a whole number, got "many"' },
      { file: 'data.yaml', entry: 'datasets[1] (id "dataset:bad")', field: 'portal', message: 'is required' },
    ]);
  });

  it('the cost model prices the new root list and relationship field by their `first`, and bounds the list property', () => {
    const doc = parse('{ datasets(first: 10) { edges { node { publisher(first: 20) { access formats node { id } } } } } }');
    const rules = costRules(schema, 100, undefined, model);
    // 10 datasets, each with one edge holding a node whose publisher list holds 20 links.
    expect(operationCost(schema, doc, getOperationAST(doc)!, {}, rules)).toBe(10 + 10 * (1 + 1 * 20));
    expect(rules.listBounds['PublishesDatasetLink.formats']?.({}, {})).toBe(50);
    expect(rules.listBounds['PublishesLink.formats']?.({}, {})).toBe(50);
    expect(costRules(schemaOf(MODEL), 100).listBounds['PublishesDatasetLink.formats']).toBeUndefined();
  });

  it('the generated files follow: typed resolvers, the Neo4j schema and the tables of seeds/README.md', () => {
    const files = generatedFiles(model);
    const readme = (files['seeds/README.md'] as (s: string) => string)(fs.readFileSync(path.join(schemaDir, '..', 'seeds', 'README.md'), 'utf8'));
    expect(readme).toContain('| `datasets` | `Dataset` | `dataset:<slug>` | `records` (number), `portal` (required), `description` |');
    expect(readme).toContain('| `PUBLISHES` | Organization | Dataset | `access` (required: `open`, `registered-only`), `formats` (list) | An organisation publishes a data set. |');
    const resolvers = (files['src/generated/model.ts'] as (s: string) => string)('');
    expect(resolvers).toContain("datasets: p.list('Dataset'),");
    expect(resolvers).toContain("publishes: p.relation('Organization', 'publishes')");
    expect(resolvers).toContain("PublishesDatasetLink: { formats: p.propertyList('formats'), access: p.enumValue('access', ['open', 'registered_only'] as const) },");
    const cypher = (files['cypher/schema/model.cypher'] as (s: string) => string)('');
    expect(cypher).toContain('CREATE CONSTRAINT dataset_id IF NOT EXISTS FOR (n:Dataset) REQUIRE n.id IS UNIQUE;');
    expect(cypher).toMatch(/FOR \(n:[A-Za-z|]*\|Dataset\)/);
  });

  it('with the real model, every generated file in the checkout is current (npm run model -- --check)', () => {
    for (const [file, make] of Object.entries(generatedFiles(MODEL))) {
      const current = fs.readFileSync(path.join(schemaDir, '..', file), 'utf8');
      expect({ file, current: make(current) === current }).toEqual({ file, current: true });
    }
  });
});
