import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { serverAudits, type AuditResult } from 'graphql-http';
import { readAbout } from '../../src/app';
import { loadConfig } from '../../src/config';
import { createContext, type Context } from '../../src/context';
import { CpuPool } from '../../src/cpu/CpuPool';
import { createResolvers } from '../../src/resolvers';
import { loadTypeDefs } from '../../src/schema';
import { silentLog, type TestDb } from '../support/db';
import { startApi, tally, type RunningApi } from '../support/http';

// The GraphQL-over-HTTP audit of graphql-http (the spec's reference implementation) against our
// server and against a plain Apollo Server 5 with its defaults on the same schema and resolvers:
// ours must pass every MUST and warn no more often than Apollo's defaults do.

/** One audit's outcome, with what the server answered when it failed. */
interface Outcome {
  readonly id: string;
  readonly name: string;
  readonly level: 'MUST' | 'SHOULD' | 'MAY';
  readonly status: AuditResult['status'];
  readonly reason?: string;
  readonly answer?: string;
}

async function runAudits(url: string): Promise<Outcome[]> {
  const out: Outcome[] = [];
  // One after the other: the audits are small and their order makes the output readable.
  for (const audit of serverAudits({ url, fetchFn: fetch })) {
    const r = await audit.fn();
    const level = audit.name.split(' ')[0] as Outcome['level'];
    if (r.status === 'ok') {
      out.push({ id: r.id, name: r.name, level, status: r.status });
      continue;
    }
    let body = '';
    try {
      body = (await r.response.text()).trim().slice(0, 300);
    } catch {
      body = '(body already read by the audit)';
    }
    const answer = `${r.response.status} ${r.response.headers.get('content-type') ?? '(no content-type)'} ${body}`;
    out.push({ id: r.id, name: r.name, level, status: r.status, reason: r.reason, answer });
  }
  return out;
}

function summary(outcomes: readonly Outcome[]): { byStatus: Record<string, number>; byLevel: Record<string, Record<string, number>> } {
  const byLevel: Record<string, Record<string, number>> = {};
  for (const level of ['MUST', 'SHOULD', 'MAY']) byLevel[level] = tally(outcomes.filter((o) => o.level === level).map((o) => o.status));
  return { byStatus: tally(outcomes.map((o) => o.status)), byLevel };
}

const failures = (outcomes: readonly Outcome[], status: AuditResult['status']): string[] =>
  outcomes.filter((o) => o.status === status).map((o) => `${o.id} ${o.name}: ${o.reason} [answer: ${o.answer}]`);

/** Apollo Server 5 with its defaults on express.json(), with our schema, resolvers and context. */
async function startPlainApollo(t: TestDb): Promise<{ url: string; stop(): Promise<void> }> {
  const limits = loadConfig({}, false).limits;
  const apollo = new ApolloServer<Context>({ typeDefs: loadTypeDefs(), resolvers: createResolvers(readAbout()) as never });
  await apollo.start();
  const cpu = new CpuPool({ size: 1, log: silentLog });
  const app = express();
  app.use('/graphql', express.json(), expressMiddleware(apollo, { context: async () => createContext({ db: t.db, log: silentLog, mode: 'embedded', limits, cpu }) }));
  const httpServer = http.createServer(app);
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = httpServer.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    async stop() {
      await apollo.stop();
      await cpu.stop();
      httpServer.closeAllConnections();
      await new Promise<void>((resolve) => httpServer.close(() => resolve()));
    },
  };
}

describe('the GraphQL-over-HTTP audit (graphql-http serverAudits)', () => {
  let api: RunningApi;
  let plain: { url: string; stop(): Promise<void> };
  let ours: Outcome[];
  let apollos: Outcome[];

  beforeAll(async () => {
    api = await startApi();
    plain = await startPlainApollo(api.t);
    ours = await runAudits(api.url);
    apollos = await runAudits(plain.url);
    console.log(
      [
        `graphql-http audit: ${ours.length} audits`,
        `ours:            ${JSON.stringify(summary(ours))}`,
        `Apollo defaults: ${JSON.stringify(summary(apollos))}`,
        `our warnings (${failures(ours, 'warn').length}):`,
        ...failures(ours, 'warn').map((w) => `  - ${w}`),
        `Apollo default's warnings (${failures(apollos, 'warn').length}):`,
        ...failures(apollos, 'warn').map((w) => `  - ${w}`),
        `our notices (MAY, ${failures(ours, 'notice').length}):`,
        ...failures(ours, 'notice').map((w) => `  - ${w}`),
        `Apollo default's notices (MAY, ${failures(apollos, 'notice').length}):`,
        ...failures(apollos, 'notice').map((w) => `  - ${w}`),
      ].join('\n'),
    );
  }, 60_000);
  afterAll(async () => {
    await plain?.stop();
    await api?.stop();
  });

  it('runs every audit against both servers', () => {
    const ids = serverAudits({ url: 'http://127.0.0.1:1/graphql' }).map((a) => a.id);
    expect(ours.map((o) => o.id)).toEqual(ids);
    expect(apollos.map((o) => o.id)).toEqual(ids);
    expect(ids.length).toBeGreaterThanOrEqual(40);
  });

  it('passes every MUST audit', () => {
    expect(ours.filter((o) => o.level === 'MUST' && o.status !== 'ok').map((o) => `${o.id} ${o.name}: ${o.reason} [answer: ${o.answer}]`)).toEqual([]);
  });

  it('warns no more often than Apollo Server with its defaults', () => {
    // Both lists of warnings, with reasons and answers, are in the output of beforeAll.
    const warnings = (outcomes: readonly Outcome[]): number => outcomes.filter((o) => o.status === 'warn').length;
    expect(warnings(ours)).toBeLessThanOrEqual(warnings(apollos));
  });
});
