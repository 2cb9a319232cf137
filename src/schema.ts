import fs from 'node:fs';
import path from 'node:path';
import { generatedSchemaDir, schemaDir } from './paths';

/**
 * Reads every `.graphql` file below `schema/` (hand-written: the domain questions) and
 * `src/generated/schema/` (generated from the model: node, link and list types), sorted, base first,
 * as the server's type definitions.
 */
export function loadTypeDefs(dirs: readonly string[] = [schemaDir, generatedSchemaDir]): string[] {
  const files: string[] = [];
  const walk = (folder: string): void => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.graphql')) files.push(full);
    }
  };
  for (const dir of dirs) walk(dir);
  files.sort((a, b) => (path.basename(a) === 'base.graphql' ? -1 : path.basename(b) === 'base.graphql' ? 1 : a.localeCompare(b)));
  return files.map((f) => fs.readFileSync(f, 'utf8'));
}
