import fs from 'node:fs';
import path from 'node:path';
import { createLogger } from '../logger';
import { connectForCli, loadCliConfig } from '../neo4j/connectForCli';
import { exportCurated } from './exportCurated';

const USAGE = `Usage:
  npm run export-curated -- --out DIR    write DIR/curated.yaml: the accepted proposals (the curated
                                         overlay) and the sources they added, in the seed files' format

Copy curated.yaml into seeds/ by a merge request: loading seeds/ with it gives the same graph as the
seed files plus the overlay. The database: NEO4J_URI when set; else the running \`npm start\`;
else the embedded Neo4j is started for the export and stopped afterwards.`;

async function main(argv: readonly string[]): Promise<number> {
  const i = argv.indexOf('--out');
  const out = i >= 0 ? argv[i + 1] : undefined;
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (!out || argv.length !== 2) {
    process.stderr.write(`--out DIR is required\n\n${USAGE}\n`);
    return 2;
  }
  const config = loadCliConfig();
  if (!config) return 2;
  const log = createLogger(config, 'export-curated');
  const { db, close } = await connectForCli(config, log);
  try {
    const r = await exportCurated(db);
    fs.mkdirSync(out, { recursive: true });
    const file = path.join(out, 'curated.yaml');
    fs.writeFileSync(file, r.text);
    process.stdout.write(`wrote ${file}: ${r.proposals} accepted proposal(s), ${r.sources} source(s) they added.\nNext: copy it into seeds/ and run \`npm run seed -- --check\`.\n`);
    return 0;
  } finally {
    await close();
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`export-curated failed: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 1;
  },
);
