import { execFile } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { applyOverlay } from '../../src/curation/overlay';
import { exportCurated } from '../../src/curation/exportCurated';
import { readOverlay } from '../../src/curation/readOverlay';
import { verifyAudit } from '../../src/curation/verifyAudit';
import { projectRoot } from '../../src/paths';
import type { Graph } from '../../src/seed/assemble';
import { buildGraph, defaultSources, runSeed, type SeedSources } from '../../src/seed/seed';
import { silentLog } from '../support/db';
import { gql } from '../support/gqlClient';
import { startApi, type RunningApi } from '../support/http';
import { localIssuer, type LocalIssuer } from '../support/localIssuer';
import { startOwnNeo4j, type OwnNeo4j } from '../support/ownNeo4j';

// The overlay across loads: accepted proposals survive `npm run seed`, a load with edited seed
// files lists exactly the conflicts expected, the export merged into seeds/ gives the same graph,
// and an audit entry altered in the database is found by `npm run audit -- verify`.
let own: OwnNeo4j;
let api: RunningApi;
let issuer: LocalIssuer;
let alice: string;
let rita: string;
const tmp: string[] = [];
const ids: Record<string, string> = {};

const PROPOSE = `mutation($input: ProposalInput!) { propose(input: $input) { id } }`;
const ACCEPT = `mutation($id: ID!) { acceptProposal(id: $id) { status } }`;

async function proposeAndAccept(name: string, input: Record<string, unknown>, token = alice): Promise<void> {
  const filed = await gql(api.url, PROPOSE, { input: { citations: ['brandenburg-bundid'], ...input } }, token);
  expect(filed.errors).toBeUndefined();
  const id = filed.data.propose.id as string;
  const accepted = await gql(api.url, ACCEPT, { id }, rita);
  expect(accepted.errors).toBeUndefined();
  ids[name] = id;
}

/** A copy of the seed files (not the data sets) that a test may edit. */
function seedCopy(edit: (dir: string) => void = () => undefined): SeedSources {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dstack-graph-seeds-'));
  tmp.push(dir);
  const base = defaultSources();
  fs.cpSync(base.seedsDir, dir, { recursive: true, filter: (src) => !src.includes(`${path.sep}datasets`) });
  edit(dir);
  return { ...base, seedsDir: dir };
}

/** Nodes and links by id, type and ends, with their properties (the load's own bookkeeping aside). */
function checksum(g: Graph): { nodes: number; edges: number; sha: string } {
  const h = crypto.createHash('sha256');
  const sorted = (o: Record<string, unknown>): string => JSON.stringify(Object.keys(o).sort().map((k) => [k, o[k]]));
  for (const n of [...g.nodes].sort((a, b) => a.id.localeCompare(b.id))) h.update(`${n.label} ${n.id} ${sorted(n.props)}\n`);
  for (const e of [...g.edges].map((e) => ({ k: `${e.type}|${e.from}|${e.to}`, p: sorted(e.props) })).sort((a, b) => a.k.localeCompare(b.k))) h.update(`${e.k} ${e.p}\n`);
  return { nodes: g.nodes.length, edges: g.edges.length, sha: h.digest('hex') };
}

beforeAll(async () => {
  own = await startOwnNeo4j({ name: 'overlay', seed: true });
  issuer = await localIssuer();
  api = await startApi({ WRITE_RATE_PER_MINUTE: '0' }, { neo4j: own.neo4j, verifier: issuer.verifier });
  alice = await issuer.token({ sub: 'u-alice', name: 'alice', roles: ['contributor'], organizations: ['org:land-hamburg'] });
  rita = await issuer.token({ sub: 'u-rita', name: 'rita', roles: ['reviewer'], organizations: ['org:bund'] });
  await proposeAndAccept('homepage', { reason: 'New address.', operations: [{ op: 'CHANGE_NODE', id: 'bundid', properties: { homepage: 'https://id.bund.de/de' } }] });
  await proposeAndAccept('newTool', {
    reason: 'A tool that builds on BundID.',
    newSources: [{ id: 'curation-test-source', url: 'https://www.example.org/curation-test', publisher: 'Example', title: 'A test page', kind: 'official' }],
    operations: [
      { op: 'ADD_NODE', id: 'curation-test-tool', label: 'Component', properties: { name: 'Curation test tool', kind: 'product', aliases: ['CTT'] } },
      { op: 'ADD_LINK', type: 'DEPENDS_ON', from: 'curation-test-tool', to: 'bundid', properties: {} },
    ],
  });
  await proposeAndAccept('removeLink', { reason: 'Not a member any more.', operations: [{ op: 'REMOVE_LINK', type: 'ADOPTS', from: 'org:land-hamburg', to: 'epaybl' }] });
  await proposeAndAccept('mukNote', { reason: 'A note.', operations: [{ op: 'CHANGE_NODE', id: 'muk', properties: { note: 'curated note' } }] });
  await proposeAndAccept('ewaNote', { reason: 'Since when.', organization: 'org:land-hamburg', operations: [{ op: 'CHANGE_LINK', type: 'ADOPTS', from: 'org:land-hamburg', to: 'ewa', properties: { note: 'Area-wide since 2025.' } }] });
}, 240_000);

afterAll(async () => {
  await api?.stop();
  await own?.stop();
  for (const d of tmp) fs.rmSync(d, { recursive: true, force: true });
});

describe('the curated overlay', () => {
  it('survives a new load of the seed files', async () => {
    const r = await runSeed(api.t.db, defaultSources(), silentLog);
    expect(r.curation).toMatchObject({ accepted: 5, applied: 5, conflicts: [] });
    const q = await gql(api.url, '{ a: node(id: "bundid") { ... on Component { homepage proposal } } b: node(id: "curation-test-tool") { ... on Component { name evidence sources { source { id url } } dependsOn { node { id } } } } c: node(id: "org:land-hamburg") { ... on Organization { adopts { node { id } note } } } }');
    expect(q.data.a).toEqual({ homepage: 'https://id.bund.de/de', proposal: ids.homepage });
    expect(q.data.b).toEqual({ name: 'Curation test tool', evidence: 'sourced', sources: [{ source: { id: 'brandenburg-bundid', url: expect.stringMatching(/^https:\/\/ozg\.brandenburg\.de\//) } }, { source: { id: 'curation-test-source', url: 'https://www.example.org/curation-test' } }], dependsOn: [{ node: { id: 'bundid' } }] });
    const adopts = q.data.c.adopts as { node: { id: string }; note: string | null }[];
    expect(adopts.map((l) => l.node.id)).not.toContain('epaybl');
    expect(adopts.find((l) => l.node.id === 'ewa')?.note).toBe('Area-wide since 2025.');
    expect((await gql(api.url, '{ curationConflicts { proposal } }')).data.curationConflicts).toEqual([]);
  }, 240_000);

  it('lists exactly the conflicts a load with edited seed files causes, and applies the rest', async () => {
    const edited = seedCopy((dir) => {
      const components = path.join(dir, 'components.yaml');
      fs.writeFileSync(components, fs.readFileSync(components, 'utf8').replace('    source: "muk-info ; muk-hilfe ; governikus-mein-uk ; ozg-3abs2s2v-1"', '    note: "A note of the seed files."\n    source: "muk-info ; muk-hilfe ; governikus-mein-uk ; ozg-3abs2s2v-1"'));
      const adoption = path.join(dir, 'links', 'adoption.yaml');
      fs.writeFileSync(adoption, fs.readFileSync(adoption, 'utf8').split('\n').filter((l) => !l.includes('{type: ADOPTS, from: "org:land-hamburg", to: ewa,')).join('\n'));
    });
    const r = await runSeed(api.t.db, edited, silentLog);
    expect(r.curation.conflicts.map((c) => c.proposal).sort()).toEqual([ids.mukNote, ids.ewaNote].sort());
    expect(r.curation.applied).toBe(3);
    const listed = await gql(api.url, '{ curationConflicts { proposal operation message } }');
    expect(listed.data.curationConflicts).toEqual([
      { proposal: ids.mukNote, operation: 0, message: expect.stringMatching(/changed since the proposal was accepted \(note\)/) },
      { proposal: ids.ewaNote, operation: 0, message: expect.stringMatching(/no longer in the graph/) },
    ]);
    const muk = await gql(api.url, '{ node(id: "muk") { ... on Component { note } } }');
    expect(muk.data.node.note).toBe('A note of the seed files.');
    // Back to the shipped seed files: everything applies again, no conflict is left.
    const back = await runSeed(api.t.db, defaultSources(), silentLog);
    expect(back.curation.conflicts).toEqual([]);
  }, 240_000);

  it('exports the overlay as a seed file: seed files plus the export give the graph of seed files plus overlay', async () => {
    const exported = await exportCurated(api.t.db, '2026-12-07T00:00:00Z');
    expect(exported).toMatchObject({ proposals: 5, sources: 1 });
    const withExport = seedCopy((dir) => fs.writeFileSync(path.join(dir, 'curated.yaml'), exported.text));
    const fromExport = buildGraph(withExport);
    const base = buildGraph(defaultSources());
    const laid = applyOverlay(base, await readOverlay(api.t.db));
    expect(laid.conflicts).toEqual([]);
    expect(checksum(fromExport)).toEqual(checksum(laid.graph));
    // Loaded, the overlay then finds its facts already there: nothing in conflict, nothing changes.
    const r = await runSeed(api.t.db, withExport, silentLog);
    expect(r.curation.conflicts).toEqual([]);
    expect(fromExport.sources.map((s) => s.id)).toContain('curation-test-source');
    await runSeed(api.t.db, defaultSources(), silentLog);
  }, 240_000);

  it('finds an audit entry altered in the database: npm run audit -- verify names it', async () => {
    const ok = await verifyAudit(api.t.db);
    expect(ok.broken).toBeNull();
    expect(ok.entries).toBeGreaterThanOrEqual(10);
    await api.t.db.write((tx) => tx.runText("MATCH (a:AuditEntry {seq: 4}) SET a.outcome = 'refused'"));
    const broken = await verifyAudit(api.t.db);
    expect(broken.broken).toMatchObject({ seq: 4, reason: expect.stringMatching(/altered/) });
    const run = promisify(execFile);
    const env = { ...process.env, NEO4J_URI: own.neo4j.uri, NEO4J_USER: own.neo4j.user, NEO4J_PASSWORD: own.neo4j.password, LOG_LEVEL: 'silent' };
    const cli = await run(process.execPath, [path.join(projectRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'src/curation/auditCli.ts', 'verify'], { cwd: projectRoot, env }).then(
      () => ({ code: 0, stdout: '' }),
      (e: { code: number; stdout: string }) => ({ code: e.code, stdout: e.stdout }),
    );
    expect(cli.code).toBe(1);
    expect(cli.stdout).toMatch(/BROKEN at entry 4/);
  });
});
