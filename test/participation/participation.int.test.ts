import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { verifySignature } from '../../src/participation/webhooks/signBody';
import { gql } from '../support/gqlClient';
import { startApi, type RunningApi } from '../support/http';
import { localIssuer, type LocalIssuer } from '../support/localIssuer';
import { startOwnNeo4j, type OwnNeo4j } from '../support/ownNeo4j';

// Participation end to end over HTTP against a seeded Neo4j, with tokens of a local issuer (the
// browser test against Keycloak is test/web/contribute.int.test.ts): inclusion requests and their
// decisions, exceptions with end dates under a clock the test moves, adoption and use reports (one
// by one and CSV, malformed files refused with line and column), progress over time, and webhooks
// delivered once each, signed, also after the receiver was down.
let own: OwnNeo4j;
let api: RunningApi;
let issuer: LocalIssuer;
let clock = new Date('2026-12-07T10:00:00Z');
const SECRET = 'webhook-secret-for-tests';
const received: { id: string; event: string; body: string; signed: boolean }[] = [];
let receiverUp = false;
let receiver: http.Server;
const tokens = {} as Record<'kim' | 'alice' | 'rita' | 'adam', string>;
const CRITERIA = ['digitale-souveraenitaet', 'interoperabilitaet', 'zukunftsfaehigkeit', 'marktrelevanz', 'vertrauenswuerdigkeit', 'nachhaltigkeit'].map((c) => `criterion:dstack:${c}`);

const IMPORT = `mutation($input: ReportImportInput!) { importReports(input: $input) { dryRun rows changes outcome problems { line column field message } diff { op key after } proposal { id status kind } } }`;

beforeAll(async () => {
  receiver = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      if (!receiverUp) {
        res.writeHead(503).end('down for maintenance');
        return;
      }
      received.push({ id: String(req.headers['x-dstack-delivery']), event: String(req.headers['x-dstack-event']), body, signed: verifySignature(SECRET, body, req.headers['x-dstack-signature'] as string) });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', () => r()));
  const hook = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;
  own = await startOwnNeo4j({ name: 'participation', seed: true });
  issuer = await localIssuer();
  api = await startApi({ WRITE_RATE_PER_MINUTE: '0', WEBHOOK_URLS: hook, WEBHOOK_SECRET: SECRET, WEBHOOK_RETRY_BASE_MS: '200' }, { neo4j: own.neo4j, verifier: issuer.verifier, clock: () => clock });
  tokens.kim = await issuer.token({ sub: 'u-kim', name: 'kim', roles: ['contributor'], organizations: ['org:stadt-delmenhorst'] });
  tokens.alice = await issuer.token({ sub: 'u-alice', name: 'alice', roles: ['contributor'], organizations: ['org:land-hamburg'] });
  tokens.rita = await issuer.token({ sub: 'u-rita', name: 'rita', roles: ['reviewer'], organizations: ['org:bund'] });
  tokens.adam = await issuer.token({ sub: 'u-adam', name: 'adam', roles: ['admin'], organizations: ['org:bund'] });
}, 180_000);

afterAll(async () => {
  await api?.stop();
  await own?.stop();
  await new Promise<void>((r) => receiver?.close(() => r()));
});

describe('inclusion requests', () => {
  let id = '';
  it('files a request for a new item with a self-assessment; the model checks the new item', async () => {
    const selfAssessment = CRITERIA.map((criterion, i) => ({ criterion, level: i % 2 === 0 ? 'met' : 'partly', reasoning: `Reasoning ${i}`, sources: ['https://example.org/doc'] }));
    const bad = await gql(api.url, `mutation($input: InclusionRequestInput!) { requestInclusion(input: $input) { id } }`, { input: { newItem: { id: 'Bad Id', label: 'Gadget', name: 'X', kind: 'spaceship' }, summary: '', selfAssessment: selfAssessment.slice(0, 5) } }, tokens.alice);
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const fields = (bad.errors?.[0]?.extensions?.problems as { field: string }[]).map((p) => p.field);
    expect(fields).toEqual(expect.arrayContaining(['summary', 'selfAssessment', 'newItem.id', 'newItem.label']));
    // Read (and so cached, were it cacheable) before filing: a new request changes no graph version.
    const LIST = '{ inclusionRequests { id } }';
    expect((await gql(api.url, LIST)).data.inclusionRequests).toEqual([]);
    const filed = await gql(
      api.url,
      `mutation($input: InclusionRequestInput!) { requestInclusion(input: $input) { id status itemId itemName stack { id } author organization selfAssessment { criterion { id } level reason } timeline { kind actor } } }`,
      { input: { newItem: { id: 'open-forms-tool', label: 'Component', name: 'Open Forms Tool', kind: 'product', license: 'EUPL-1.2', operatingModels: ['self-hosted'] }, summary: 'An open form builder for Kommunen.', selfAssessment } },
      tokens.alice,
    );
    expect(filed.errors).toBeUndefined();
    id = filed.data.requestInclusion.id;
    expect(filed.data.requestInclusion).toMatchObject({ status: 'submitted', itemId: 'open-forms-tool', stack: { id: 'stack:germany' }, author: 'alice', organization: 'org:land-hamburg' });
    expect(filed.data.requestInclusion.selfAssessment).toHaveLength(6);
    expect((await gql(api.url, LIST)).data.inclusionRequests).toEqual([{ id }]);
  });

  it('refuses the author deciding their own request, and a decision without all six criteria', async () => {
    const own = await gql(api.url, `mutation($id: ID!) { requestChanges(id: $id, reason: "x") { id } }`, { id }, tokens.alice);
    expect(own.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const partial = await gql(api.url, `mutation($id: ID!, $input: InclusionDecisionInput!) { decideInclusion(id: $id, input: $input) { id } }`, { id, input: { outcome: 'rejected', reason: 'No.', criteria: [{ criterion: CRITERIA[0], level: 'not_met', reason: 'r' }] } }, tokens.rita);
    expect(partial.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('a reviewer asks for changes, the author revises, the reviewer rejects with reasons per criterion; the graph holds the Decision', async () => {
    const asked = await gql(api.url, `mutation($id: ID!) { requestChanges(id: $id, reason: "Name the steward.") { status } }`, { id }, tokens.rita);
    expect(asked.data.requestChanges.status).toBe('changes_requested');
    const decided = await gql(
      api.url,
      `mutation($id: ID!, $input: InclusionDecisionInput!) { decideInclusion(id: $id, input: $input) { status decision { outcome reason reviewer organization criteria { criterion { id } level reason } node { id outcome rationale } proposal } timeline { kind actor text } } }`,
      { id, input: { outcome: 'rejected', reason: 'Not mature enough yet.', criteria: CRITERIA.map((criterion, i) => ({ criterion, level: i === 2 ? 'not_met' : 'partly', reason: `Because ${i}` })) } },
      tokens.rita,
    );
    expect(decided.errors).toBeUndefined();
    const r = decided.data.decideInclusion;
    expect(r.status).toBe('rejected');
    expect(r.decision).toMatchObject({ outcome: 'rejected', reason: 'Not mature enough yet.', reviewer: 'rita', organization: 'org:bund', node: { id: `decision:${id}`, outcome: 'rejected' } });
    expect(r.decision.criteria.find((c: { criterion: { id: string } }) => c.criterion.id === CRITERIA[2])).toMatchObject({ level: 'not_met', reason: 'Because 2' });
    expect(r.timeline.map((e: { kind: string }) => e.kind)).toEqual(['submitted', 'changes_requested', 'rejected']);
    const graph = await gql(api.url, `{ node(id: "decision:${id}") { ... on Decision { outcome evidence contributedBy reviewedBy items { outcome } ratings(first: 10) { level reason } stack { node { id } } } } }`);
    expect(graph.errors).toBeUndefined();
    expect(graph.data.node).toMatchObject({ outcome: 'rejected', evidence: 'reported', contributedBy: 'org:bund', reviewedBy: 'rita' });
    expect(graph.data.node.ratings).toHaveLength(6);
  });

  it('answers publicly: inclusionRequests, the negative list and inclusion(item, stack)', async () => {
    const list = await gql(api.url, `{ inclusionRequests(status: rejected) { id decision { outcome criteria { reason } } } notIncluded { id itemName } inclusion(item: "open-forms-tool", stack: "stack:germany") { included published explanation decisions { outcome } } }`);
    expect(list.errors).toBeUndefined();
    expect(list.data.inclusionRequests.map((x: { id: string }) => x.id)).toContain(id);
    expect(list.data.notIncluded[0]).toMatchObject({ id, itemName: 'Open Forms Tool' });
    expect(list.data.inclusion.included).toBe(false);
    expect(list.data.inclusion.decisions[0].outcome).toBe('rejected');
    expect(list.data.inclusion.published).toBe(true);
    expect(list.data.inclusion.explanation).toContain(`on ${id}, because: Not mature enough yet.`);
  });
});

describe('exceptions', () => {
  it('exempts in compliance until its end date and not a day longer; exceptions(expiringWithin) lists it before', async () => {
    // A service that violates a use rule (must-use; conformance rules are not assessable without a
    // source): Delmenhorst reports that one of its services uses openDesk, which the D-Stack's rule
    // req:dstack-odf-pdfua binds to ODF and PDF/UA, and nothing of openDesk reaches either.
    const service = 'leika:99036008007000';
    const reported = await gql(api.url, `mutation($input: UseReportInput!) { reportUse(input: $input) { outcome } }`, { input: { organization: 'org:stadt-delmenhorst', leikaKey: '99036008007000', items: ['opendesk'] } }, tokens.kim);
    expect(reported.errors).toBeUndefined();
    const c = await gql(api.url, `query($id: ID!) { compliance(serviceId: $id) { muss { items { requirement { id } status } } } }`, { id: service });
    const requirement: string = c.data.compliance.muss.items.find((i: { requirement: { id: string }; status: string }) => i.requirement.id === 'req:dstack-odf-pdfua' && i.status === 'violated')?.requirement.id ?? '';
    expect(requirement).not.toBe('');
    const status = async (): Promise<string> => {
      const c = await gql(api.url, `query($id: ID!) { compliance(serviceId: $id) { muss { items { requirement { id } status } } soll { items { requirement { id } status } } } }`, { id: service });
      return [...c.data.compliance.muss.items, ...c.data.compliance.soll.items].find((i: { requirement: { id: string } }) => i.requirement.id === requirement).status;
    };
    const tooEarly = await gql(api.url, `mutation($input: ExceptionRequestInput!) { requestException(input: $input) { id } }`, { input: { requirement, grantedFor: service, justification: 'Migration under way.', until: '2026-12-01' } }, tokens.alice);
    expect(tooEarly.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const filed = await gql(api.url, `mutation($input: ExceptionRequestInput!) { requestException(input: $input) { id status daysLeft } }`, { input: { requirement, grantedFor: service, justification: 'Migration under way.', until: '2026-12-31' } }, tokens.alice);
    expect(filed.errors).toBeUndefined();
    expect(filed.data.requestException.daysLeft).toBe(24);
    const granted = await gql(api.url, `mutation($id: ID!) { grantException(id: $id, reason: "Plan is credible.") { status exception { id expires } } }`, { id: filed.data.requestException.id }, tokens.rita);
    expect(granted.errors).toBeUndefined();
    expect(granted.data.grantException.exception.expires).toBe('2026-12-31');
    expect(await status()).toBe('exempted');
    const expiring = await gql(api.url, `query($r: ID!) { exceptions(expiringWithin: 30) { edges { node { id } } } requirement: node(id: $r) { ... on Requirement { exemptions } } }`, { r: requirement });
    expect(expiring.data.exceptions.edges.map((e: { node: { id: string } }) => e.node.id)).toContain(granted.data.grantException.exception.id);
    expect(expiring.data.requirement.exemptions).toBe(1);
    clock = new Date('2026-12-31T23:00:00Z');
    expect(await status()).toBe('exempted');
    clock = new Date('2027-01-01T00:30:00Z');
    expect(await status()).toBe('violated');
    const after = await gql(api.url, `{ exceptions(expiringWithin: 30) { totalCount } }`);
    expect(after.data.exceptions.totalCount).toBe(0);
    clock = new Date('2026-12-07T10:00:00Z');
  });
});

describe('adoption and use reports', () => {
  it('refuses a malformed CSV file with line and column, and writes nothing', async () => {
    const before = await gql(api.url, `{ adoptionReports(first: 500) { id } }`);
    const csv = ['item,status,date,services', 'bundid,in-use,2026-11-02,', 'no-such-thing,in-use,2026-11-02,', 'bundid,sometimes,2026-11-03,', 'bundid,in-use,2026-02-30,', 'bundid,in-use,2026-11-02,', 'fit-connect,piloting,2026-10-01,123'].join('\n');
    const res = await gql(api.url, IMPORT, { input: { kind: 'adoption', organization: 'org:stadt-delmenhorst', csv, dryRun: false, fileName: 'bad.csv' } }, tokens.kim);
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const problems = res.errors?.[0]?.extensions?.problems as { line: number; column: number; field: string }[];
    expect(problems.map((p) => [p.line, p.column])).toEqual(expect.arrayContaining([[3, 1], [4, 2], [5, 3], [7, 4]]));
    expect(problems.some((p) => p.line === 6)).toBe(true);
    const latin1 = Buffer.concat([Buffer.from('item,status,date\nbundid,in-use,2026-11-02\n# M'), Buffer.from([0xfc]), Buffer.from('nchen\n')]).toString('base64');
    const enc = await gql(api.url, IMPORT, { input: { kind: 'adoption', organization: 'org:stadt-delmenhorst', base64: latin1, dryRun: false } }, tokens.kim);
    expect(enc.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((enc.errors?.[0]?.extensions?.problems as { line: number; field: string }[])[0]).toMatchObject({ line: 3, field: 'encoding' });
    const after = await gql(api.url, `{ adoptionReports(first: 500) { id } }`);
    expect(after.data.adoptionReports.length).toBe(before.data.adoptionReports.length);
  });

  it('shows the dry-run diff, then applies the file; the history and the progress series follow', async () => {
    const csv = 'item;status;date;services\nbundid;planned;2026-06-15;\nbundid;in-use;2026-11-02;99036008007000\n';
    const dry = await gql(api.url, IMPORT, { input: { kind: 'adoption', organization: 'org:stadt-delmenhorst', csv, dryRun: true } }, tokens.kim);
    expect(dry.errors).toBeUndefined();
    expect(dry.data.importReports).toMatchObject({ dryRun: true, rows: 2, outcome: null, proposal: null, problems: [] });
    expect(dry.data.importReports.diff.find((d: { key: string }) => d.key === 'ADOPTS|org:stadt-delmenhorst|bundid').after.status).toBe('in-use');
    const unchanged = await gql(api.url, `{ adoptionReports(organization: "org:stadt-delmenhorst") { id } }`);
    expect(unchanged.data.adoptionReports).toHaveLength(0);
    const done = await gql(api.url, IMPORT, { input: { kind: 'adoption', organization: 'org:stadt-delmenhorst', csv, dryRun: false } }, tokens.kim);
    expect(done.errors).toBeUndefined();
    expect(done.data.importReports).toMatchObject({ dryRun: false, outcome: 'applied', proposal: { status: 'accepted', kind: 'report' } });
    const link = await gql(api.url, `{ node(id: "org:stadt-delmenhorst") { ... on Organization { adopts(first: 50) { status since evidence node { id } } } } }`);
    expect(link.data.node.adopts.find((a: { node: { id: string } }) => a.node.id === 'bundid')).toMatchObject({ status: 'in_use', since: '2026-11-02', evidence: 'reported' });
    const progress = await gql(api.url, `{ adoptionProgress(item: "bundid", level: "Kommune", from: "2026-05", to: "2026-12") { periods series { land level points { period planned inUse } } total { period planned inUse } reports } }`);
    expect(progress.errors).toBeUndefined();
    const p = progress.data.adoptionProgress;
    expect(p.periods).toHaveLength(8);
    const nds = p.series.find((s: { land: string }) => s.land === 'org:land-niedersachsen');
    expect(nds.points.find((x: { period: string }) => x.period === '2026-05')).toMatchObject({ planned: 0, inUse: 0 });
    expect(nds.points.find((x: { period: string }) => x.period === '2026-07')).toMatchObject({ planned: 1, inUse: 0 });
    expect(nds.points.find((x: { period: string }) => x.period === '2026-11')).toMatchObject({ planned: 0, inUse: 1 });
    const quarters = await gql(api.url, `{ adoptionProgress(item: "bundid", from: "2026-01", to: "2026-12", interval: quarter) { periods } }`);
    expect(quarters.data.adoptionProgress.periods).toEqual(['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']);
  });

  it('refuses a report for another organisation, and takes a use report by LeiKa key', async () => {
    const foreign = await gql(api.url, `mutation($input: AdoptionReportInput!) { reportAdoption(input: $input) { outcome } }`, { input: { organization: 'org:land-hamburg', item: 'bundid', status: 'in_use', date: '2026-11-01' } }, tokens.kim);
    expect(foreign.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const use = await gql(api.url, `mutation($input: UseReportInput!) { reportUse(input: $input) { outcome diff { op key } proposal { status } } }`, { input: { organization: 'org:stadt-delmenhorst', leikaKey: '99036008007000', items: ['fit-connect'] } }, tokens.kim);
    expect(use.errors).toBeUndefined();
    expect(use.data.reportUse.outcome).toBe('applied');
    expect(use.data.reportUse.diff.map((d: { key: string }) => d.key)).toContain('USES|leika:99036008007000|fit-connect');
    // Coverage counts a service whose use only its organisation reported apart from sourced and inferred use.
    const svc = 'leika:99036008070003';
    const uses = await gql(api.url, `{ node(id: "${svc}") { ... on Service { uses(first: 100) { evidence } } } }`);
    const sourcedBefore = uses.data.node.uses.some((u: { evidence: string }) => u.evidence === 'sourced');
    const coverage = async (): Promise<{ reported: number; sourced: number }> => (await gql(api.url, '{ about { coverage { reported sourced } } }')).data.about.coverage;
    const before = await coverage();
    const second = await gql(api.url, `mutation($input: UseReportInput!) { reportUse(input: $input) { outcome } }`, { input: { organization: 'org:stadt-delmenhorst', leikaKey: '99036008070003', items: ['bundid'] } }, tokens.kim);
    expect(second.errors).toBeUndefined();
    const after = await coverage();
    expect(after.reported).toBe(before.reported + (sourcedBefore ? 0 : 1));
    expect(after.sourced).toBe(before.sourced);
  });
});

describe('reports under review (REPORTS_NEED_REVIEW=on)', () => {
  it('files a report as a proposal: not in the graph, kept unapplied, until a reviewer accepts it', async () => {
    const reviewed = await startApi({ WRITE_RATE_PER_MINUTE: '0', REPORTS_NEED_REVIEW: 'on', RESPONSE_CACHE_MB: '0' }, { neo4j: own.neo4j, verifier: issuer.verifier, clock: () => clock });
    try {
      const filed = await gql(reviewed.url, `mutation($input: AdoptionReportInput!) { reportAdoption(input: $input) { outcome proposal { id status kind } diff { key after } } }`, { input: { organization: 'org:stadt-delmenhorst', item: 'eid', status: 'piloting', date: '2026-12-01' } }, tokens.kim);
      expect(filed.errors).toBeUndefined();
      expect(filed.data.reportAdoption).toMatchObject({ outcome: 'submitted', proposal: { status: 'submitted', kind: 'report' } });
      const adopts = async (): Promise<string[]> => (await gql(reviewed.url, `{ node(id: "org:stadt-delmenhorst") { ... on Organization { adopts(first: 50) { node { id } } } } }`)).data.node.adopts.map((a: { node: { id: string } }) => a.node.id);
      expect(await adopts()).not.toContain('eid');
      const history = async (): Promise<boolean> => (await gql(reviewed.url, `{ adoptionReports(item: "eid", organization: "org:stadt-delmenhorst") { applied } }`)).data.adoptionReports[0].applied;
      expect(await history()).toBe(false);
      const accepted = await gql(reviewed.url, `mutation($id: ID!) { acceptProposal(id: $id) { status } }`, { id: filed.data.reportAdoption.proposal.id }, tokens.rita);
      expect(accepted.errors).toBeUndefined();
      expect(await adopts()).toContain('eid');
      expect(await history()).toBe(true);
    } finally {
      await reviewed.stop();
    }
  });
});

describe('webhooks', () => {
  it('delivers every state change once, signed, also after the receiver was down', async () => {
    const admin = async (): Promise<{ status: string; attempts: number; subject: string; event: string }[]> => (await gql(api.url, `{ webhookDeliveries(first: 500) { status attempts subject event } }`, {}, tokens.adam)).data.webhookDeliveries;
    // The receiver has answered 503 so far: deliveries are pending with failed attempts.
    await new Promise((r) => setTimeout(r, 800));
    const pending = await admin();
    expect(pending.length).toBeGreaterThan(5);
    expect(pending.some((d) => d.attempts >= 1 && d.status === 'pending')).toBe(true);
    receiverUp = true;
    // The retries back off (200 ms doubling): after a minute down the next one may be a minute away.
    const deadline = Date.now() + 150_000;
    while (Date.now() < deadline && (await admin()).some((d) => d.status !== 'delivered')) await new Promise((r) => setTimeout(r, 300));
    const all = await admin();
    expect(all.every((d) => d.status === 'delivered')).toBe(true);
    expect(received.every((r) => r.signed)).toBe(true);
    const ids = received.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(all.length);
    const events = received.map((r) => r.event);
    expect(events).toEqual(expect.arrayContaining(['inclusion.submitted', 'inclusion.changes_requested', 'inclusion.rejected', 'exception.submitted', 'exception.granted']));
    const body = JSON.parse(received.find((r) => r.event === 'inclusion.rejected')?.body ?? '{}');
    expect(body.request).toMatchObject({ kind: 'inclusion', status: 'rejected', previous: 'changes_requested', organization: 'org:land-hamburg' });
  }, 180_000);
});
