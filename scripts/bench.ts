/**
 * `npm run bench`: measures the load and the main reads on a real Neo4j and prints figures and ratios.
 * Starts its own embedded Neo4j in a temporary folder (or uses NEO4J_URI), loads the seed data, then
 * times each case over repeated runs after a warm-up. It asserts nothing; it reports.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ApolloServer } from '@apollo/server';
import { createApollo } from '../src/apollo';
import { readAbout } from '../src/app';
import { loadConfig } from '../src/config';
import { createContext, type Context } from '../src/context';
import { createLogger } from '../src/logger';
import { applySchema } from '../src/neo4j/applySchema';
import { loadCypher } from '../src/neo4j/cypher';
import { Db, intParam } from '../src/neo4j/db';
import { createDriver, waitForNeo4j } from '../src/neo4j/driver';
import { startEmbeddedNeo4j } from '../src/neo4j/embedded';
import { declaredQueries } from '../src/neo4j/query';
import { defaultSources, runSeed } from '../src/seed/seed';

const RUNS = Number(process.env.BENCH_RUNS ?? 30);

function stats(ms: number[]): { median: number; p95: number } {
  const s = [...ms].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)] ?? 0, p95: s[Math.min(s.length - 1, Math.floor(s.length * 0.95))] ?? 0 };
}

async function time(fn: () => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < 3; i++) await fn();
  const out: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = process.hrtime.bigint();
    await fn();
    out.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return out;
}

async function main(): Promise<void> {
  const log = createLogger({ logLevel: 'warn', logFormat: 'json' }, 'bench');
  const external = process.env.NEO4J_URI;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dstack-graph-bench-'));
  const password = external ? (process.env.NEO4J_PASSWORD ?? '') : 'bench-password';
  const config = loadConfig({ NEO4J_BOLT_PORT: '0', NEO4J_DATA_DIR: dataDir, NEO4J_PASSWORD: password }, false);
  const embedded = external ? undefined : await startEmbeddedNeo4j({ config: config.neo4j.embedded, user: 'neo4j', password, log });
  const driver = createDriver({ uri: external ?? (embedded?.uri as string), user: process.env.NEO4J_USER ?? 'neo4j', password, log });
  const lines: string[] = [];
  const row = (name: string, value: string): void => {
    lines.push(`${name.padEnd(58)} ${value}`);
  };
  try {
    const db = new Db(driver, 'neo4j', loadCypher(declaredQueries()));
    await waitForNeo4j(driver, 'neo4j', 30_000);
    await applySchema(db, log);
    const t0 = Date.now();
    const first = await runSeed(db, defaultSources(), log);
    const firstMs = Date.now() - t0;
    const t1 = Date.now();
    await runSeed(db, defaultSources(), log);
    const againMs = Date.now() - t1;
    const rows = Object.values(first.counts.nodes).reduce((a, b) => a + b, 0) + Object.values(first.counts.edges).reduce((a, b) => a + b, 0);
    row('seed: first load (validate + write, one transaction)', `${firstMs} ms for ${rows} rows (${Math.round((rows / firstMs) * 1000)} rows/s)`);
    row('seed: second load (nothing changes)', `${againMs} ms (${(firstMs / againMs).toFixed(1)}x faster)`);

    // The API's own Apollo with its default limits: the benchmark's queries must pass them.
    const apollo: ApolloServer<Context> = createApollo({ config, log, about: readAbout() });
    await apollo.start();
    const exec = async (query: string): Promise<void> => {
      const res = await apollo.executeOperation({ query }, { contextValue: createContext({ db, log, mode: 'embedded', limits: config.limits }) });
      if (res.body.kind === 'single' && res.body.singleResult.errors) throw new Error(JSON.stringify(res.body.singleResult.errors));
    };
    const counted = async (query: string): Promise<number> => {
      let n = 0;
      const off = db.onQuery(() => n++);
      await exec(query);
      off();
      return n;
    };

    for (const id of ['fit-connect', 'bundid']) {
      const api = stats(await time(() => exec(`{ impactAnalysis(id: "${id}") { components { component { id } distance path { id } } services { service { id } distance via { id } } summary { byTopic { count } byLayer { count } organizations { relations } } } }`)));
      const raw = stats(await time(() => db.read((tx) => tx.runText(db.cypher.get('impact/impactedComponents'), { id, maxDepth: intParam(6) }))));
      row(`impactAnalysis(${id}) through GraphQL, median / p95`, `${api.median.toFixed(1)} / ${api.p95.toFixed(1)} ms`);
      row(`  its component traversal alone in raw Cypher, median`, `${raw.median.toFixed(1)} ms (full report = ${(api.median / raw.median).toFixed(1)}x)`);
    }
    for (const n of [10, 100, 177]) {
      const q = `{ components(first: ${n}) { edges { node { id dependsOn { node { id } } usedBy { node { id } } } } } }`;
      const s = stats(await time(() => exec(q)));
      row(`components(first: ${n}) with dependsOn + usedBy, median`, `${s.median.toFixed(1)} ms, ${await counted(q)} Cypher round trips, ${(s.median / n).toFixed(2)} ms per component`);
    }
    const s = stats(await time(() => exec('{ search(text: "Wohngeld", first: 20) { score node { id } } }')));
    row('search("Wohngeld"), median', `${s.median.toFixed(1)} ms`);
    const sg = stats(await time(() => exec('{ subgraph(ids: ["bundid"], depth: 2) { nodes { id } edges { id } } }')));
    row('subgraph(bundid, depth 2), median', `${sg.median.toFixed(1)} ms`);
    await apollo.stop();
  } finally {
    await driver.close();
    await embedded?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  process.stdout.write(`\ndstack-graph benchmark (${RUNS} runs per case after 3 warm-up runs, ${os.cpus().length} cores)\n${lines.join('\n')}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`bench failed: ${(e as Error).stack ?? String(e)}\n`);
  process.exit(1);
});
