/**
 * `npm run bench:curation [-- --proposals N] [-- --audit N]`
 *
 * The write side on the real seed graph: latency of filing a proposal and of accepting one (each a
 * single HTTP mutation with a bearer token of a local issuer, one after the other, p50 and p95), then
 * how long `npm run audit -- verify` takes for a chain of N entries (default 10,000; the entries are
 * appended as the API appends them, chained in TypeScript, written in batches). Starts its own
 * embedded Neo4j in a temporary folder. Then 10,000-row adoption and use CSV imports (`--import-rows N`),
 * each as a dry run and committed. It reports, it does not assert.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { IMPORT_GOAL_MS, localSignIn, timeImports } from '../bench/imports';
import { summarize } from '../bench/stats';
import { readAbout } from '../src/app';
import { loadConfig } from '../src/config';
import { chainEntry, type AuditRecord } from '../src/curation/auditChain';
import { auditHead } from '../src/curation/repository';
import { verifyAudit } from '../src/curation/verifyAudit';
import { createLogger } from '../src/logger';
import { applySchema } from '../src/neo4j/applySchema';
import { loadCypher } from '../src/neo4j/cypher';
import { Db, intParam } from '../src/neo4j/db';
import { createDriver } from '../src/neo4j/driver';
import { startEmbeddedNeo4j } from '../src/neo4j/embedded';
import { declaredQueries } from '../src/neo4j/query';
import { defaultSources, runSeed } from '../src/seed/seed';
import { createServer } from '../src/server';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

const say = (t: string): void => void process.stderr.write(`[bench:curation] ${t}\n`);
const ms = (n: number): string => `${n.toFixed(1)} ms`;

async function main(): Promise<void> {
  const proposals = arg('--proposals', 60);
  const auditEntries = arg('--audit', 10_000);
  const log = createLogger({ logLevel: 'warn', logFormat: 'json' }, 'bench-curation');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dstack-graph-bench-curation-'));
  const password = 'bench-curation-password';
  const config = loadConfig({ NEO4J_BOLT_PORT: '0', NEO4J_DATA_DIR: dataDir, NEO4J_PASSWORD: password, PORT: '0', NODE_ENV: 'test', LOG_LEVEL: 'warn', WRITE_RATE_PER_MINUTE: '0' }, false);
  say('starting Neo4j and loading the seed graph');
  const neo4j = await startEmbeddedNeo4j({ config: config.neo4j.embedded, user: 'neo4j', password, log });
  const driver = createDriver({ uri: neo4j.uri, user: 'neo4j', password, log });
  const db = new Db(driver, 'neo4j', loadCypher(declaredQueries()));
  try {
    await applySchema(db, log);
    await runSeed(db, defaultSources(), log);
    const { verifier, token: signed } = await localSignIn();
    const token = (sub: string, roles: string[]): Promise<string> => signed(sub, roles, ['org:land-hamburg']);
    const [author, reviewer] = [await token('bench-author', ['contributor']), await token('bench-reviewer', ['reviewer'])];
    const server = createServer({ config, db, log, about: readAbout(), verifier });
    const url = await server.listen();
    const post = async (query: string, variables: Record<string, unknown>, t: string): Promise<{ ms: number; body: { data?: Record<string, { id: string }>; errors?: unknown[] } }> => {
      const t0 = performance.now();
      const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${t}` }, body: JSON.stringify({ query, variables }) });
      const body = (await res.json()) as { data?: Record<string, { id: string }>; errors?: unknown[] };
      const took = performance.now() - t0;
      if (body.errors) throw new Error(JSON.stringify(body.errors));
      return { ms: took, body };
    };
    const components = (await db.read((tx) => tx.runText('MATCH (c:Component) RETURN c.id AS id ORDER BY c.id LIMIT $n', { n: intParam(proposals) }))).map((r) => String(r.id));
    say(`${components.length} proposals (change a property of one component each), one after the other`);
    const proposeMs: number[] = [];
    const ids: string[] = [];
    for (const [i, id] of components.entries()) {
      const r = await post('mutation($input: ProposalInput!) { propose(input: $input) { id } }', { input: { reason: `Bench ${i}.`, citations: ['brandenburg-bundid'], operations: [{ op: 'CHANGE_NODE', id, properties: { note: `bench ${i}` } }] } }, author);
      proposeMs.push(r.ms);
      ids.push((r.body.data?.propose as { id: string }).id);
    }
    say('accepting them, one after the other');
    const acceptMs: number[] = [];
    for (const id of ids) acceptMs.push((await post('mutation($id: ID!) { acceptProposal(id: $id) { id } }', { id }, reviewer)).ms);
    await server.stop();
    // CSV imports (adoption, then use) through POST /graphql/import: dry run, then commit.
    const imports = await timeImports(db, config, log, arg('--import-rows', 10_000), 'org:land-hamburg', say);
    const existing = (await verifyAudit(db)).entries;
    say(`appending ${auditEntries - existing} audit entries to reach ${auditEntries}`);
    let head = await db.write((tx) => auditHead(tx));
    const batch = 1000;
    for (let n = existing; n < auditEntries; n += batch) {
      const rows: ReturnType<typeof chainEntry>[] = [];
      for (let k = n; k < Math.min(auditEntries, n + batch); k++) {
        const record: AuditRecord = { at: new Date().toISOString(), subject: 'bench', name: 'bench', organizations: ['org:land-hamburg'], operation: 'propose', ids: [`proposal-b${k}`], before: null, after: JSON.stringify({ k }), requestId: `bench-${k}`, outcome: 'recorded', code: null, message: null };
        const e = chainEntry(head, record);
        rows.push(e);
        head = { seq: e.seq, hash: e.hash };
      }
      await db.write((tx) => tx.runText("UNWIND $rows AS e CREATE (a:AuditEntry) SET a = e WITH max(e.seq) AS seq MATCH (h:AuditHead {key: 'audit'}) SET h.seq = seq, h.hash = $hash", { rows, hash: head.hash }));
    }
    const verifyRuns: number[] = [];
    let entries = 0;
    for (let i = 0; i < 3; i++) {
      const v = await verifyAudit(db);
      if (v.broken) throw new Error(`chain broken at ${v.broken.seq}`);
      verifyRuns.push(v.ms);
      entries = v.entries;
    }
    const p = summarize(proposeMs);
    const a = summarize(acceptMs);
    const v = summarize(verifyRuns);
    process.stdout.write(
      [
        `# Write side on the seed graph (${new Date().toISOString()}, ${os.cpus().length} cores, load ${os.loadavg()[0]?.toFixed(1)})`,
        '',
        '| what | n | p50 | p95 |',
        '| --- | --- | --- | --- |',
        `| propose (one CHANGE_NODE, HTTP, token checked) | ${p.n} | ${ms(p.p50)} | ${ms(p.p95)} |`,
        `| accept (apply, change log, version, audit) | ${a.n} | ${ms(a.p50)} | ${ms(a.p95)} |`,
        `| audit verify, ${entries.toLocaleString('en')} entries | ${v.n} | ${ms(v.p50)} | ${ms(v.p95)} |`,
        '',
        '| import (POST /graphql/import, base64 body) | changes | time | goal |',
        '| --- | --- | --- | --- |',
        ...imports.map((i) => `| ${i.kind} CSV, ${i.rows.toLocaleString('en')} rows, ${i.dryRun ? 'dry run (parse, check, diff)' : 'commit (one transaction, applied, audited)'} | ${i.changes.toLocaleString('en')} | ${ms(i.ms)} | under 10 s: ${i.ms < IMPORT_GOAL_MS ? 'met' : 'NOT met'} |`),
        '',
      ].join('\n'),
    );
  } finally {
    await driver.close();
    await neo4j.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`bench:curation failed: ${e instanceof Error ? e.stack : String(e)}\n`);
  process.exitCode = 1;
});
