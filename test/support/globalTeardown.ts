import fs from 'node:fs';

/** Stops the Neo4j of this run and removes its data folder. */
export default async function globalTeardown(): Promise<void> {
  const started = globalThis.__DSG_TEST_NEO4J__;
  if (!started) return;
  await started.neo4j.stop();
  fs.rmSync(started.dataDir, { recursive: true, force: true });
  globalThis.__DSG_TEST_NEO4J__ = undefined;
}
