import type { Model } from './Model';
import { neo4jSchemaCypher } from './neo4jSchema';
import { resolversTs } from './resolversTs';
import { graphSdl, listsSdl } from './sdl';
import { relationshipsTable, replaceBetweenMarkers, sectionsTable } from './seedTables';

/** Every file (relative to the project) the model writes, as a function of its current text. */
export function generatedFiles(model: Model): Record<string, (current: string) => string> {
  return {
    'src/generated/schema/graph.graphql': () => graphSdl(model),
    'src/generated/schema/lists.graphql': () => listsSdl(model),
    'src/generated/model.ts': () => resolversTs(model),
    'cypher/schema/model.cypher': () => neo4jSchemaCypher(model),
    'seeds/README.md': (current) => replaceBetweenMarkers(replaceBetweenMarkers(current, 'sections', sectionsTable(model)), 'relationships', relationshipsTable(model)),
  };
}
