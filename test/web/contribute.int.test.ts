/// <reference lib="dom" />
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { TokenVerifier } from '../../src/auth/TokenVerifier';
import { loadConfig } from '../../src/config';
import { launchChromium, recordRequests, saveScreenshot } from '../support/browser';
import { silentLog } from '../support/db';
import { startApi, type RunningApi } from '../support/http';
import { keycloakForTests, TEST_USER_PASSWORD, type TestKeycloak } from '../support/keycloak';
import { startOwnNeo4j, type OwnNeo4j } from '../support/ownNeo4j';
import { holdTimingLock } from '../support/timingLock';

// The page to take part (/contribute) in headless Chromium, signed in through the run's real
// Keycloak (keycloak/realm-dstack.json, client dstack-graph-web: authorization code with PKCE):
// a Kommune reports adoption as CSV, a Land requests an inclusion, the Bund rejects it with reasons
// per criterion, and the public view and the API show the same.
const describeWithKeycloak = process.env.DSG_TEST_KEYCLOAK === 'off' ? describe.skip : describe;

jest.setTimeout(240_000);

const CRITERIA = [
  'criterion:dstack:digitale-souveraenitaet',
  'criterion:dstack:interoperabilitaet',
  'criterion:dstack:zukunftsfaehigkeit',
  'criterion:dstack:marktrelevanz',
  'criterion:dstack:vertrauenswuerdigkeit',
  'criterion:dstack:nachhaltigkeit',
];
const slug = (id: string): string => id.slice(id.lastIndexOf(':') + 1);

/** YYYY-MM of today shifted by `months` (UTC, as the API's clock). */
function month(months = 0): string {
  const now = new Date();
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + months, 1));
  return d.toISOString().slice(0, 7);
}

/** Posts an operation without a token, as any anonymous client would; the data (errors fail the test). */
async function anonymous<T = any>(origin: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const res = await fetch(`${origin}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  const body = (await res.json()) as { data: T; errors?: unknown[] };
  expect(body.errors).toBeUndefined();
  return body.data;
}

/** Waits until the review queue's latest load has answered ("Waiting: …" or an error, not "Loading …"). */
async function queueLoaded(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const text = document.querySelector('#review-counts')?.textContent ?? '';
    return text !== '' && !text.startsWith('Loading');
  }, undefined, { timeout: 60_000 });
}

describeWithKeycloak('/contribute in Chromium against the real Keycloak', () => {
  let kc: TestKeycloak;
  let own: OwnNeo4j;
  let api: RunningApi;
  let browser: Browser;
  let context: BrowserContext;
  let requests: ReturnType<typeof recordRequests>;
  let releaseTimingLock: () => void = () => undefined;
  const pageErrors: string[] = [];
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dstack-graph-contribute-'));
  const run = Date.now().toString(36);

  beforeAll(async () => {
    kc = await keycloakForTests();
    // A browser loads the machine hard: no file that asserts latency runs beside this one.
    releaseTimingLock = await holdTimingLock();
    // This file writes (a report, a request, a decision): a Neo4j of its own, seeded.
    own = await startOwnNeo4j({ name: 'contribute', seed: true });
    const config = loadConfig({ OIDC_ISSUER: kc.issuer, OIDC_AUDIENCE: 'dstack-graph', WRITE_RATE_PER_MINUTE: '0' }, false);
    const verifier = await TokenVerifier.create(config.auth.oidc as NonNullable<typeof config.auth.oidc>, { log: silentLog });
    api = await startApi({ WRITE_RATE_PER_MINUTE: '0', CLIENT_MAX_CONCURRENT: '0' }, { neo4j: own.neo4j, verifier });
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
    requests = recordRequests(context);
    context.on('page', (p) => p.on('pageerror', (e) => pageErrors.push(e.message)));
  }, 900_000);

  afterAll(async () => {
    try {
      await context?.close();
      await browser?.close();
    } finally {
      await api?.stop();
      await own?.stop();
      releaseTimingLock();
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });

  /** Origins the pages may ask besides the API under test (the identity provider, a second server). */
  const alsoAllowed: string[] = [];
  afterEach(() => {
    // Nothing but this server and the identity provider was asked; no script failed.
    const allowed = [new URL(kc.issuer).origin, ...alsoAllowed];
    expect(requests.foreign(api.origin).filter((u) => !allowed.some((o) => u.startsWith(`${o}/`)))).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  /** Signs `user` in through Keycloak's login page; back on /contribute with the tokens in memory. */
  async function signIn(page: Page, user: string): Promise<void> {
    await page.click('#sign-in');
    await page.waitForSelector('#username', { timeout: 60_000 });
    expect(page.url().startsWith(`${kc.issuer}/protocol/openid-connect/auth`)).toBe(true);
    await page.fill('#username', user);
    await page.fill('#password', TEST_USER_PASSWORD);
    await page.click('#kc-login');
    await page.waitForSelector('#sign-out', { state: 'visible', timeout: 60_000 });
    // The code and state are gone from the address.
    expect(page.url()).toBe(`${api.origin}/contribute`);
  }

  /** Signs out here and at Keycloak (a redirect there and back). */
  async function signOut(page: Page): Promise<void> {
    await page.click('#sign-out');
    await page.waitForURL(`${api.origin}/contribute`, { timeout: 60_000 });
    await page.waitForSelector('#sign-in', { state: 'visible' });
    expect(await page.isVisible('#sign-out')).toBe(false);
  }

  it('serves the page with the identity provider in its config and CSP, and nothing in storage but PKCE state', async () => {
    const res = await fetch(`${api.origin}/contribute`, { headers: { accept: 'text/html' } });
    expect(res.status).toBe(200);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain(`connect-src 'self' ${new URL(kc.issuer).origin}`);
    const config = JSON.parse(/<script id="page-config" type="application\/json">(.*?)<\/script>/.exec(await res.text())?.[1] as string);
    expect(config.signIn).toEqual({ issuer: kc.issuer, clientId: 'dstack-graph-web' });
    // Other pages keep the policy without any other origin.
    expect((await fetch(`${api.origin}/explore`)).headers.get('content-security-policy')).toContain("connect-src 'self';");
  });

  it('kim (Kommune) uploads an adoption CSV: dry run with its diff, commit, and the progress view counts it', async () => {
    const page = await context.newPage();
    await page.goto(`${api.origin}/contribute`);
    await page.waitForSelector('#tab-public[aria-selected="true"]');
    // The tabs work from the keyboard (arrow keys move between them).
    await page.focus('#tab-public');
    await page.keyboard.press('ArrowRight');
    await page.waitForSelector('#tab-progress[aria-selected="true"]');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('tab-progress');
    await signIn(page, 'kim');
    expect(await page.textContent('#who')).toContain('org:stadt-delmenhorst');
    // Tokens only in memory: the session storage holds no token after the sign-in.
    const stored = await page.evaluate(() => JSON.stringify({ ...sessionStorage, ...localStorage }));
    expect(stored).not.toMatch(/access_token|id_token|refresh_token|eyJ/);
    // kim is no reviewer: no review queue.
    expect(await page.isVisible('#tab-review')).toBe(false);
    await page.waitForSelector('#tab-contribute[aria-selected="true"]');

    const today = new Date().toISOString().slice(0, 10);
    const csv = path.join(tmp, 'adoption.csv');
    // Delmenhorst's history with BundID: planned three months back, piloting two months back, in use today.
    fs.writeFileSync(csv, `item,status,date,services\nbundid,planned,${month(-3)}-15,\nbundid,piloting,${month(-2)}-10,\nbundid,in-use,${today},\n`);
    expect(await page.$$eval('#csv-organization option', (os) => os.map((o) => (o as HTMLOptionElement).value))).toEqual(['org:stadt-delmenhorst']);
    // A file with mistakes: every problem by line and column, and nothing to commit.
    const bad = path.join(tmp, 'adoption-bad.csv');
    fs.writeFileSync(bad, 'item,status,date\nbundid,in use,2999-01-01\n');
    await page.setInputFiles('#csv-file', bad);
    await page.click('#csv-dry-run');
    await page.waitForSelector('#csv-problems tbody tr', { timeout: 60_000 });
    const problems = await page.$$eval('#csv-problems tbody tr', (trs) => trs.map((tr) => Array.from(tr.querySelectorAll('td')).slice(0, 3).map((td) => td.textContent).join(' ')));
    expect(problems).toEqual(['2 2 status', '2 3 date']);
    expect(await page.isEnabled('#csv-commit')).toBe(false);
    // A file larger than /graphql takes (BODY_MAX_BYTES, 100 kB; as base64 in JSON): checked all the same.
    const large = path.join(tmp, 'adoption-large.csv');
    const day0 = Date.UTC(2010, 0, 1);
    const lines = Array.from({ length: 3500 }, (_, i) => `bundid,planned,${new Date(day0 + i * 86_400_000).toISOString().slice(0, 10)},,"history row ${i}"`);
    fs.writeFileSync(large, `item,status,date,services,note\n${lines.join('\n')}\n`);
    expect(fs.statSync(large).size * 4 / 3).toBeGreaterThan(100_000);
    await page.setInputFiles('#csv-file', large);
    await page.click('#csv-dry-run');
    await page.waitForFunction(() => /3500 rows, 0 problems/.test(document.querySelector('#csv-summary')?.textContent ?? '') || document.querySelector('#csv-result .refused') !== null, undefined, { timeout: 60_000 });
    expect(await page.textContent('#csv-result')).toMatch(/3500 rows, 0 problems/);
    await page.setInputFiles('#csv-file', csv);
    await page.click('#csv-dry-run');
    await page.waitForSelector('#csv-diff tbody tr', { timeout: 60_000 });
    expect(await page.textContent('#csv-summary')).toMatch(/3 rows, 0 problems/);
    const keys = await page.$$eval('#csv-diff tbody tr', (rows) => rows.map((r) => r.getAttribute('data-key')));
    expect(keys.some((k) => k?.includes('org:stadt-delmenhorst') && k.includes('bundid'))).toBe(true);
    expect(await page.isEnabled('#csv-commit')).toBe(true);
    await page.locator('#csv-diff').scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'contribute-page');

    await page.click('#csv-commit');
    await page.waitForSelector('#csv-outcome', { timeout: 60_000 });
    expect(await page.getAttribute('#csv-outcome', 'data-outcome')).toBe('applied');
    // Files go to the endpoint for large bodies.
    expect(requests.all).toContain(`${api.origin}/graphql/import`);

    // The controlling view: bundid, Kommune, from three months back to this month.
    await page.click('#tab-progress');
    await page.fill('#progress-item', 'bundid');
    await page.selectOption('#progress-level', 'Kommune');
    await page.fill('#progress-from', month(-3));
    await page.fill('#progress-to', month());
    await page.click('#progress-show');
    const cell = `#progress-table tr[data-land="org:land-niedersachsen"][data-period="${month()}"] td[data-status="inUse"]`;
    await page.waitForSelector(cell, { timeout: 60_000 });
    expect(await page.textContent(cell)).toBe('1');
    // The table holds the periods asked for, from three months back.
    expect(await page.getAttribute('#progress-table tbody tr', 'data-period')).toBe(month(-3));
    expect(await page.getAttribute('#progress-chart figure[data-land="org:land-niedersachsen"]', 'data-level')).toBe('Kommune');
    const truth = await anonymous(api.origin, 'query($from: String!, $to: String!) { adoptionProgress(item: "bundid", level: "Kommune", from: $from, to: $to) { series { land points { period inUse } } } }', { from: month(-3), to: month() });
    const nds = truth.adoptionProgress.series.find((sr: { land: string }) => sr.land === 'org:land-niedersachsen');
    expect(nds.points.at(-1)).toEqual({ period: month(), inUse: 1 });
    // Every period of the table as the API counts it: planned, then piloting, then in use.
    const rows = await page.$$eval('#progress-table tr[data-land="org:land-niedersachsen"]', (trs) =>
      trs.map((tr) => [tr.getAttribute('data-period'), ...Array.from(tr.querySelectorAll('td[data-status]')).map((td) => `${td.getAttribute('data-status')}=${td.textContent}`)].join(' ')),
    );
    expect(rows).toEqual([
      `${month(-3)} inUse=0 piloting=0 planned=1 retired=0`,
      `${month(-2)} inUse=0 piloting=1 planned=0 retired=0`,
      `${month(-1)} inUse=0 piloting=1 planned=0 retired=0`,
      `${month()} inUse=1 piloting=0 planned=0 retired=0`,
    ]);
    // The chart: one small multiple per series (and the total), the segment of this month drawn.
    expect(await page.locator('#progress-chart figure[data-land="org:land-niedersachsen"] rect[data-status="inUse"]').count()).toBeGreaterThan(0);
    await page.locator('#progress-chart').scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'contribute-progress');

    // A refused token (expired, revoked: here one the API cannot verify) asks to sign in again.
    const apiCalls = /\/graphql(\/import)?$/;
    await page.route(apiCalls, (route) => {
      const headers = route.request().headers();
      return route.continue({ headers: headers.authorization ? { ...headers, authorization: 'Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl' } : headers });
    });
    await page.click('#tab-contribute');
    await page.setInputFiles('#csv-file', csv);
    await page.click('#csv-dry-run');
    await page.waitForSelector('#session-expired', { state: 'visible', timeout: 30_000 });
    expect(await page.textContent('#session-expired')).toContain('Your sign-in expired; sign in again');
    expect(await page.isVisible('#sign-in-again')).toBe(true);
    expect(await page.getAttribute('#csv-result .refused', 'data-code')).toBe('UNAUTHENTICATED');
    await page.unroute(apiCalls);

    await signOut(page);
    await page.close();
  });

  let requestId = '';
  let requestNumber = 0;
  const itemId = `contribute-portal-${run}`;

  it('alice (Land) files an inclusion request for a new item with a self-assessment', async () => {
    const page = await context.newPage();
    await page.goto(`${api.origin}/contribute`);
    // After kim's sign-out Keycloak asks again (no session left there).
    await signIn(page, 'alice');
    await page.check('#inc-mode-new');
    await page.fill('#inc-new-id', itemId);
    await page.selectOption('#inc-new-label', 'Component');
    await page.fill('#inc-new-name', `Contribute Portal ${run}`);
    await page.fill('#inc-new-kind', 'product');
    await page.fill('#inc-new-license', 'EUPL-1.2');
    await page.fill('#inc-new-steward', 'Freie und Hansestadt Hamburg');
    await page.fill('#inc-new-models', 'self-hosted');
    await page.fill('#inc-summary', 'An open portal for citizen requests that Hamburg runs and wants to share.');
    for (const c of CRITERIA) {
      await page.selectOption(`#inc-level-${slug(c)}`, c.endsWith('marktrelevanz') ? 'unknown' : 'partly');
      await page.fill(`#inc-reasoning-${slug(c)}`, `Self-assessment for ${slug(c)}.`);
      await page.fill(`#inc-sources-${slug(c)}`, 'https://www.example.org/portal');
    }
    await page.click('#inc-submit');
    await page.waitForSelector('#inc-result .ok, #inc-result .refused', { timeout: 60_000 });
    expect(await page.textContent('#inc-result')).toMatch(/Inclusion request #\d+/);
    const data = await anonymous(api.origin, 'query($item: ID) { inclusionRequests(item: $item) { id number status author organization selfAssessment { criterion { id } level } } }', { item: itemId });
    expect(data.inclusionRequests).toHaveLength(1);
    const r = data.inclusionRequests[0];
    expect(r).toMatchObject({ status: 'submitted', organization: 'org:land-hamburg' });
    expect(r.selfAssessment.map((a: { criterion: { id: string } }) => a.criterion.id).sort()).toEqual([...CRITERIA].sort());
    requestId = r.id;
    requestNumber = r.number;

    // An exception request, and a correction with its diff.
    const until = new Date(Date.now() + 180 * 86_400_000).toISOString().slice(0, 10);
    await page.fill('#exc-requirement', 'req:portalverbund-nutzerkonto');
    await page.fill('#exc-granted-for', 'org:land-hamburg');
    await page.fill('#exc-justification', `Hamburg's own account stays until the migration (${run}).`);
    await page.fill('#exc-until', until);
    await page.fill('#exc-sources', 'https://www.example.org/migration');
    await page.click('#exc-submit');
    await page.waitForSelector('#exc-result .ok, #exc-result .refused', { timeout: 60_000 });
    expect(await page.textContent('#exc-result')).toMatch(/Exception request #\d+ .* is submitted/);
    await page.fill('#corr-reason', `BundID note (${run}).`);
    await page.fill('#corr-citations', 'brandenburg-bundid');
    await page.fill('#corr-operations', JSON.stringify([{ op: 'CHANGE_NODE', id: 'bundid', properties: { note: `Checked ${run}.` } }]));
    await page.click('#corr-submit');
    await page.waitForSelector('#corr-result .ok, #corr-result .refused', { timeout: 60_000 });
    expect(await page.textContent('#corr-result')).toMatch(/Filed as proposal #\d+/);
    expect(await page.getAttribute('#corr-result table.diff tbody tr', 'data-key')).toBe('bundid');
    expect(await page.isVisible('#tab-review')).toBe(false);
    await signOut(page);
    await page.close();
  });

  it('rita (Bund reviewer) cannot file a correction (FORBIDDEN shown) and rejects the request with a reason per criterion', async () => {
    expect(requestId).not.toBe('');
    const page = await context.newPage();
    await page.goto(`${api.origin}/contribute`);
    await signIn(page, 'rita');
    // A reviewer without the role contributor: the review queue opens; the forms say the API will refuse.
    await page.waitForSelector('#tab-review[aria-selected="true"]');
    await page.click('#tab-contribute');
    await page.waitForSelector('#no-contributor');
    await page.fill('#corr-reason', 'A reviewer trying to file.');
    await page.click('#corr-submit');
    await page.waitForSelector('#corr-result .refused', { timeout: 30_000 });
    expect(await page.getAttribute('#corr-result .refused', 'data-code')).toBe('FORBIDDEN');
    expect(await page.textContent('#corr-result')).toContain('contributor');

    await page.click('#tab-review');
    await queueLoaded(page);
    const n = requestNumber;
    await page.waitForSelector(`#review-inclusions [data-request="${requestId}"]`, { timeout: 60_000 });
    await page.selectOption(`#decide-${n}-outcome`, 'rejected');
    await page.fill(`#decide-${n}-reason`, 'Not mature enough for the Deutschland-Stack yet.');
    for (const c of CRITERIA) {
      await page.selectOption(`#decide-${n}-level-${slug(c)}`, c.endsWith('interoperabilitaet') ? 'partly' : 'not_met');
      await page.fill(`#decide-${n}-reason-${slug(c)}`, `Reviewer: ${slug(c)} is not shown by a source.`);
    }
    // Reloading the queue (as opening the tab again does) keeps what the reviewer typed into a card
    // whose request did not change.
    await queueLoaded(page);
    await page.click('#review-refresh');
    await queueLoaded(page);
    expect(await page.inputValue(`#decide-${n}-reason`)).toBe('Not mature enough for the Deutschland-Stack yet.');
    await page.$eval(`#review-inclusions [data-request="${requestId}"]`, (el) => el.scrollIntoView({ block: 'start' }));
    await saveScreenshot(page, 'contribute-review');
    await page.click(`#decide-${n}-submit`);
    await page.waitForSelector(`#decide-${n}-result .ok, #decide-${n}-result .refused`, { timeout: 60_000 });
    expect(await page.textContent(`#decide-${n}-result`)).toContain('rejected');

    // alice's exception request: refused with a reason; her correction: accepted.
    const ex = (await anonymous(api.origin, '{ exceptionRequests(status: submitted) { id number justification } }')).exceptionRequests.find((x: { justification: string }) => x.justification.includes(run));
    await page.fill(`#exception-${ex.number}-reason`, 'The migration plan has no date.');
    await page.click(`#exception-${ex.number}-refuse`);
    await page.waitForSelector(`#exception-${ex.number}-result .ok, #exception-${ex.number}-result .refused`, { timeout: 60_000 });
    expect(await page.textContent(`#exception-${ex.number}-result`)).toContain('refused');
    const pr = (await anonymous(api.origin, '{ proposals(status: submitted) { id number reason } }')).proposals.find((x: { reason: string }) => x.reason.includes(run));
    await page.click(`#proposal-${pr.number}-accept`);
    await page.waitForSelector(`#proposal-${pr.number}-result .ok, #proposal-${pr.number}-result .refused`, { timeout: 60_000 });
    expect(await page.textContent(`#proposal-${pr.number}-result`)).toContain('accepted');
    expect((await anonymous(api.origin, '{ node(id: "bundid") { ... on Component { note } } }')).node.note).toBe(`Checked ${run}.`);
    await signOut(page);

    // Signed out: the public view shows the rejection and the reasons per criterion.
    await page.click('#tab-public');
    const card = `#not-included [data-request="${requestId}"]`;
    await page.waitForSelector(card, { timeout: 60_000 });
    expect(await page.getAttribute(card, 'data-status')).toBe('rejected');
    expect(await page.textContent(`${card} .decision-reason`)).toBe('Not mature enough for the Deutschland-Stack yet.');
    for (const c of CRITERIA) {
      expect(await page.textContent(`${card} .decision tr[data-criterion="${c}"]`)).toContain(`Reviewer: ${slug(c)} is not shown by a source.`);
    }

    // The API says the same to anyone.
    const data = await anonymous(api.origin, '{ inclusionRequests(first: 50) { id status decision { outcome reason reviewer organization criteria { criterion { id } level reason } } } }');
    const r = data.inclusionRequests.find((x: { id: string }) => x.id === requestId);
    expect(r.status).toBe('rejected');
    expect(r.decision).toMatchObject({ outcome: 'rejected', reason: 'Not mature enough for the Deutschland-Stack yet.', organization: 'org:bund' });
    const byCriterion = Object.fromEntries(r.decision.criteria.map((x: { criterion: { id: string }; level: string; reason: string }) => [x.criterion.id, { level: x.level, reason: x.reason }]));
    expect(byCriterion).toEqual(Object.fromEntries(CRITERIA.map((c) => [c, { level: c.endsWith('interoperabilitaet') ? 'partly' : 'not_met', reason: `Reviewer: ${slug(c)} is not shown by a source.` }])));
    const shown = await page.$$eval(`${card} .decision tr[data-criterion]`, (rows) => rows.map((row) => row.getAttribute('data-criterion')));
    expect(shown.sort()).toEqual([...CRITERIA].sort());
    await page.$eval(card, (el) => el.scrollIntoView({ block: 'start' }));
    await saveScreenshot(page, 'contribute-public');
    await page.close();
  });

  it('on a read-only server (no sign-in configured) says that writes are off and shows only the public views', async () => {
    const readOnly = await startApi({}, { neo4j: own.neo4j });
    alsoAllowed.push(readOnly.origin);
    try {
      const res = await fetch(`${readOnly.origin}/contribute`);
      expect(res.headers.get('content-security-policy')).toContain("connect-src 'self';");
      const page = await context.newPage();
      await page.goto(`${readOnly.origin}/contribute`);
      await page.waitForSelector('#writes-off');
      await page.waitForSelector('#requests article[data-request]', { timeout: 60_000 });
      expect(await page.isVisible('#sign-in')).toBe(false);
      expect(await page.isVisible('#tab-contribute')).toBe(false);
      expect(await page.isVisible('#tab-review')).toBe(false);
      expect(await page.isVisible('#tab-progress')).toBe(true);
      await page.close();
    } finally {
      await readOnly.stop();
    }
  });
});
