import { createLogger } from '../logger';
import { connectForCli, loadCliConfig } from '../neo4j/connectForCli';
import { verifyAudit } from './verifyAudit';

const USAGE = `Usage:
  npm run audit -- verify     recompute the hash chain of the audit log and name the first broken entry

The database: NEO4J_URI when set; else the running \`npm start\` on 127.0.0.1:NEO4J_BOLT_PORT;
else the embedded Neo4j is started for the check and stopped afterwards.
Exit code: 0 the chain holds, 1 it is broken, 2 bad arguments or configuration.`;

async function main(argv: readonly string[]): Promise<number> {
  if (argv[0] !== 'verify' || argv.length > 1) {
    process.stderr.write(`${argv.includes('--help') || argv.includes('-h') ? '' : `unknown arguments: ${argv.join(' ') || '(none)'}\n\n`}${USAGE}\n`);
    return argv.includes('--help') || argv.includes('-h') ? 0 : 2;
  }
  const config = loadCliConfig();
  if (!config) return 2;
  const log = createLogger(config, 'audit');
  const { db, close } = await connectForCli(config, log);
  try {
    const r = await verifyAudit(db, (n) => {
      if (process.stderr.isTTY) process.stderr.write(`\rchecked ${n.toLocaleString('en')} entries`);
    });
    if (process.stderr.isTTY) process.stderr.write('\n');
    if (r.broken) {
      process.stdout.write(`audit chain BROKEN at entry ${r.broken.seq}: it ${r.broken.reason}.\nEntries before ${r.broken.seq} verify; this one and what follows cannot be trusted. Compare with a backup of the database.\n`);
      return 1;
    }
    process.stdout.write(`audit chain holds: ${r.entries.toLocaleString('en')} entries verified in ${r.ms} ms\n`);
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
    process.stderr.write(`audit failed: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 1;
  },
);
