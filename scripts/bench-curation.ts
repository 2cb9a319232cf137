/**
 * `npm run bench:curation [-- --proposals N] [-- --audit N]`
 *
 * The write side on the real seed graph: latency of filing a proposal and of accepting one (each a
 * single HTTP mutation with a bearer token of a local issuer, one after the other, p50 and p95), then
 * how long `npm run audit -- verify` takes for a chain of N entries (default 10,000; the entries are
 * appended as the API appends them, chained in TypeScript, written in batches). Starts its own
 * embedded Neo4j in a temporary folder. It reports, it does not assert.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT } from 'jose';
import { summarize } from '../bench/stats';
import { readAbout } from '../src/app';
import { TokenVerifier } from '../src/auth/TokenVerifier';
import { loadConfig, type OidcConfig } from '../src/config';
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
    const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
    const oidc: OidcConfig = { issuer: 'http://127.0.0.1/realms/bench', audience: 'dstack-graph', jwksUri: undefined, rolesClaim: 'realm_access.roles', organizationClaim: 'organization', nameClaim: 'preferred_username', algorithms: ['RS256'], clockSkewS: 30, jwksCooldownS: 30 };
    const verifier = new TokenVerifier(oidc, createLocalJWKSet({ keys: [{ ...(await exportJWK(publicKey)), kid: 'b', alg: 'RS256' }] }));
    const token = (sub: string, roles: string[]): Promise<string> =>
      new SignJWT({ preferred_username: sub, realm_access: { roles }, organization: ['org:land-hamburg'] }).setProtectedHeader({ alg: 'RS256', kid: 'b' }).setIssuer(oidc.issuer).setAudience(oidc.audience).setSubject(sub).setIssuedAt().setExpirationTime('1h').sign(privateKey);
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
    // CSV imports of 10,000 rows (adoption, then use) through POST /graphql/import: dry run, then commit.
    const importUrl = url.replace(/\/graphql$/, '/graphql/import');
    const importRows = arg('--import-rows', 10_000);
    const items = (await db.read((tx) => tx.runText('MATCH (n) WHERE n:Component OR n:Standard RETURN n.id AS id ORDER BY n.id', {}))).map((r) => String(r.id));
    const keys = (await db.read((tx) => tx.runText('MATCH (s:Service) WHERE s.leikaKey =~ "\\d{14}" RETURN DISTINCT s.leikaKey AS key ORDER BY key', {}))).map((r) => String(r.key));
    const statuses = ['planned', 'piloting', 'in-use', 'retired'];
    const adoptionCsv = ['item,status,date'];
    for (let i = 0; i < importRows; i++) {
      const day = new Date(Date.UTC(2024, 0, 1) + Math.floor(i / items.length) * 86_400_000).toISOString().slice(0, 10);
      adoptionCsv.push(`${items[i % items.length]},${statuses[i % 4]},${day}`);
    }
    const useCsv = ['leika,item'];
    for (let i = 0; i < importRows; i++) useCsv.push(`${keys[i % keys.length]},${items[Math.floor(i / keys.length) % items.length]}`);
    const importOnce = async (kind: 'adoption' | 'use', csv: string, dryRun: boolean): Promise<{ ms: number; changes: number }> => {
      const t0 = performance.now();
      const res = await fetch(importUrl, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${author}` }, body: JSON.stringify({ query: 'mutation($input: ReportImportInput!) { importReports(input: $input) { rows changes outcome problems { line column message } } }', variables: { input: { kind, organization: 'org:land-hamburg', base64: Buffer.from(csv).toString('base64'), dryRun, fileName: `${kind}.csv` } } }) });
      const body = (await res.json()) as { data?: { importReports: { rows: number; changes: number; problems: unknown[] } }; errors?: unknown[] };
      const took = performance.now() - t0;
      if (body.errors || !body.data) throw new Error(JSON.stringify(body.errors ?? body).slice(0, 2000));
      if (body.data.importReports.problems.length > 0) throw new Error(JSON.stringify(body.data.importReports.problems.slice(0, 3)));
      return { ms: took, changes: body.data.importReports.changes };
    };
    const imports: { what: string; ms: number; changes: number }[] = [];
    for (const [kind, csv] of [['adoption', adoptionCsv.join('\n')], ['use', useCsv.join('\n')]] as const) {
      say(`importing ${importRows} ${kind} rows (${Math.round(csv.length / 1024)} KB): dry run, then commit`);
      const dry = await importOnce(kind, csv, true);
      imports.push({ what: `${kind} CSV, ${importRows.toLocaleString('en')} rows, dry run (parse, check, diff)`, ...dry });
      const done = await importOnce(kind, csv, false);
      imports.push({ what: `${kind} CSV, ${importRows.toLocaleString('en')} rows, commit (one transaction, applied, audited)`, ...done });
    }
    await server.stop();
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
        ...imports.map((i) => `| ${i.what} | ${i.changes.toLocaleString('en')} | ${ms(i.ms)} | under 10 s: ${i.ms < 10_000 ? 'met' : 'NOT met'} |`),
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
