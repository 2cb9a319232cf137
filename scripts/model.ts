/**
 * Writes what the graph model (src/model) determines: src/generated/schema/graph.graphql, src/generated/schema/lists.graphql,
 * src/generated/model.ts (the resolver maps per label and link type), cypher/schema/model.cypher and the two tables of seeds/README.md. `--check` writes nothing and
 * fails when a file differs from what the model gives (npm test runs it).
 *
 *   npm run model            # after changing src/model
 *   npm run model -- --check # is every generated file current?
 */
import fs from 'node:fs';
import path from 'node:path';
import { MODEL } from '../src/model';
import { generatedFiles } from '../src/model/generatedFiles';

const root = path.resolve(__dirname, '..');
const check = process.argv.includes('--check');
const stale: string[] = [];
let written = 0;
for (const [file, make] of Object.entries(generatedFiles(MODEL))) {
  const full = path.join(root, file);
  const current = fs.existsSync(full) ? fs.readFileSync(full, 'utf8') : '';
  const wanted = make(current);
  if (wanted === current) continue;
  if (check) stale.push(file);
  else {
    fs.writeFileSync(full, wanted);
    written += 1;
    console.log(`wrote ${file}`);
  }
}
if (check && stale.length > 0) {
  console.error(`These files do not match the model in src/model: ${stale.join(', ')}.\nRun \`npm run model\` and commit the result (never edit them by hand).`);
  process.exit(1);
}
if (check) console.log('model: every generated file is current');
else if (written === 0) console.log('model: every generated file was current; nothing written');
