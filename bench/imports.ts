import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT } from 'jose';
import { readAbout } from '../src/app';
import { TokenVerifier } from '../src/auth/TokenVerifier';
import type { Config, OidcConfig } from '../src/config';
import type { Logger } from '../src/logger';
import { intParam, type Db } from '../src/neo4j/db';
import type { Goal, LoadRow } from './report';
import { createServer } from '../src/server';

/** One timed import: what, how many graph changes, how long (the whole HTTP request). */
export interface ImportTiming {
  readonly kind: 'adoption' | 'use';
  readonly dryRun: boolean;
  readonly rows: number;
  readonly changes: number;
  readonly ms: number;
}

/** The goal of the participation issue: a 10,000-row import under 10 s on this machine. */
export const IMPORT_GOAL_MS = 10_000;

/** A signer and a verifier of a local issuer, for a server that takes writes in a benchmark. */
export async function localSignIn(): Promise<{ verifier: TokenVerifier; token: (sub: string, roles: string[], organizations: string[]) => Promise<string> }> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const oidc: OidcConfig = { issuer: 'http://127.0.0.1/realms/bench', audience: 'dstack-graph', jwksUri: undefined, rolesClaim: 'realm_access.roles', organizationClaim: 'organization', nameClaim: 'preferred_username', algorithms: ['RS256'], clockSkewS: 30, jwksCooldownS: 30 };
  const verifier = new TokenVerifier(oidc, createLocalJWKSet({ keys: [{ ...(await exportJWK(publicKey)), kid: 'b', alg: 'RS256' }] }));
  const token = (sub: string, roles: string[], organizations: string[]): Promise<string> =>
    new SignJWT({ preferred_username: sub, realm_access: { roles }, organization: organizations }).setProtectedHeader({ alg: 'RS256', kid: 'b' }).setIssuer(oidc.issuer).setAudience(oidc.audience).setSubject(sub).setIssuedAt().setExpirationTime('1h').sign(privateKey);
  return { verifier, token };
}

/** The CSV files of the benchmark: `rows` adoption rows (items by dates) and `rows` use rows (LeiKa keys by items), from the graph's own ids. */
export async function importFiles(db: Db, rows: number): Promise<{ adoption: string; use: string }> {
  const items = (await db.read((tx) => tx.runText('MATCH (n) WHERE n:Component OR n:Standard RETURN n.id AS id ORDER BY n.id', {}))).map((r) => String(r.id));
  const keys = (await db.read((tx) => tx.runText('MATCH (s:Service) WHERE s.leikaKey =~ $pattern RETURN DISTINCT s.leikaKey AS key ORDER BY key LIMIT $n', { pattern: '\\d{14}', n: intParam(rows) }))).map((r) => String(r.key));
  if (items.length === 0 || keys.length === 0) throw new Error('the graph has no components, standards or services with LeiKa keys to report on');
  const statuses = ['planned', 'piloting', 'in-use', 'retired'];
  const adoption = ['item,status,date'];
  for (let i = 0; i < rows; i++) {
    const day = new Date(Date.UTC(2024, 0, 1) + Math.floor(i / items.length) * 86_400_000).toISOString().slice(0, 10);
    adoption.push(`${items[i % items.length]},${statuses[i % 4]},${day}`);
  }
  const use = ['leika,item'];
  for (let i = 0; i < rows; i++) use.push(`${keys[i % keys.length]},${items[Math.floor(i / keys.length) % items.length]}`);
  return { adoption: adoption.join('\n'), use: use.join('\n') };
}

/**
 * Times CSV imports of `rows` rows, adoption then use, each as a dry run and then committed, through
 * POST /graphql/import of a server with sign-in (a local issuer) on `db`, for `organization`.
 * The committed imports change the graph (reported facts of that organisation).
 */
export async function timeImports(db: Db, config: Config, log: Logger, rows: number, organization = 'org:land-hamburg', say: (t: string) => void = () => undefined): Promise<ImportTiming[]> {
  const files = await importFiles(db, rows);
  const signIn = await localSignIn();
  const token = await signIn.token('bench-reporter', ['contributor'], [organization]);
  const server = createServer({ config: { ...config, auth: { ...config.auth, writeRatePerMinute: 0 } }, db, log, about: readAbout(), verifier: signIn.verifier });
  const url = (await server.listen()).replace(/\/graphql$/, '/graphql/import');
  const out: ImportTiming[] = [];
  try {
    for (const kind of ['adoption', 'use'] as const) {
      const csv = files[kind];
      say(`importing ${rows} ${kind} rows (${Math.round(csv.length / 1024)} KB): dry run, then commit`);
      for (const dryRun of [true, false]) {
        const t0 = performance.now();
        const res = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ query: 'mutation($input: ReportImportInput!) { importReports(input: $input) { rows changes problems { line column message } } }', variables: { input: { kind, organization, base64: Buffer.from(csv).toString('base64'), dryRun, fileName: `${kind}.csv` } } }),
        });
        const body = (await res.json()) as { data?: { importReports: { rows: number; changes: number; problems: unknown[] } }; errors?: unknown[] };
        const ms = performance.now() - t0;
        if (body.errors || !body.data) throw new Error(`the ${kind} import failed: ${JSON.stringify(body.errors ?? body).slice(0, 2000)}`);
        if (body.data.importReports.problems.length > 0) throw new Error(`the ${kind} file has problems: ${JSON.stringify(body.data.importReports.problems.slice(0, 3))}`);
        out.push({ kind, dryRun, rows: body.data.importReports.rows, changes: body.data.importReports.changes, ms });
      }
    }
  } finally {
    await server.stop();
  }
  return out;
}

/**
 * The imports as rows of the report's load table: a commit writes the graph changes (relationships)
 * and, for adoption, one dated report node per row; a dry run writes nothing (its changes are what
 * it would write, in the name).
 */
export function importLoads(timings: readonly ImportTiming[]): LoadRow[] {
  return timings.map((t) => ({
    name: `${t.kind} CSV import, ${t.rows.toLocaleString('en-US')} rows, ${t.dryRun ? `dry run (parse, check, diff of ${t.changes.toLocaleString('en-US')} changes; writes nothing)` : 'commit (one transaction, applied, audited)'}`,
    bulk: false,
    nodes: t.dryRun || t.kind === 'use' ? 0 : t.rows,
    relationships: t.dryRun ? 0 : t.changes,
    ms: t.ms,
  }));
}

/** The import goal judged on each timed import; `failure`: the imports stopped with this error (the goal is missed). */
export function importGoals(timings: readonly ImportTiming[], failure?: string): Goal[] {
  if (failure !== undefined) return [{ goal: 'a 10,000-row adoption or use CSV import under 10 s', phase: '–', value: `failed: ${failure.slice(0, 300)}`, met: false }];
  if (timings.length === 0) return [{ goal: 'a 10,000-row adoption or use CSV import under 10 s', phase: '–', value: 'not run (--import-rows 0)', met: null }];
  return timings.map((t) => ({ goal: `a ${t.rows.toLocaleString('en-US')}-row ${t.kind} CSV import under 10 s`, phase: t.dryRun ? 'dry run' : 'commit', value: `${(t.ms / 1000).toFixed(1)} s`, met: t.ms < IMPORT_GOAL_MS }));
}
