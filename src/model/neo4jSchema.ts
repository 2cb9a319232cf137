import type { Model } from './Model';
import { GENERATED_HEADER } from './sdl';

const snake = (s: string): string => s.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();

/** Properties every label's full-text entry indexes, before the searchable ones of the model. */
const TEXT_PROPERTIES = ['name', 'description', 'descriptionEn'];

/**
 * cypher/schema/model.cypher: what follows from the model in Neo4j's schema: a unique `id` per label,
 * a range index per `indexed` property, and the full-text index over every label's names,
 * descriptions and `searchable` properties (a list is indexed as its `<name>Text`).
 */
export function neo4jSchemaCypher(model: Model): string {
  const lines = [`// ${GENERATED_HEADER}`, '// Unique id per label of the public graph model (also the index behind every lookup by id).'];
  for (const label of Object.keys(model.labels)) lines.push(`CREATE CONSTRAINT ${snake(label)}_id IF NOT EXISTS FOR (n:${label}) REQUIRE n.id IS UNIQUE;`);
  lines.push('// Range indexes for the filters users apply.');
  for (const [label, spec] of Object.entries(model.labels)) {
    for (const [name, p] of Object.entries(spec.fields)) if (p.indexed) lines.push(`CREATE INDEX ${snake(label)}_${snake(name)} IF NOT EXISTS FOR (n:${label}) ON (n.${name});`);
  }
  const searchable = new Set(TEXT_PROPERTIES);
  for (const spec of Object.values(model.labels)) {
    for (const [name, p] of Object.entries(spec.fields)) if (p.searchable) searchable.add(p.type === '[String!]' ? `${name}Text` : name);
  }
  lines.push('// The full-text index behind `search`.');
  lines.push(`CREATE FULLTEXT INDEX node_text IF NOT EXISTS\nFOR (n:${Object.keys(model.labels).join('|')})\nON EACH [${[...searchable].map((p) => `n.${p}`).join(', ')}];`);
  return `${lines.join('\n')}\n`;
}
