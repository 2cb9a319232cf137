/// <reference lib="dom" />
import fs from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, recordRequests, saveScreenshot } from '../support/browser';
import { startApi, type RunningApi } from '../support/http';
import { holdTimingLock } from '../support/timingLock';

// Latency figures or a hard load: no other such file runs beside this one (test/support/timingLock.ts).
let releaseTimingLock: () => void = () => undefined;
beforeAll(async () => {
  releaseTimingLock = await holdTimingLock();
}, 900_000);
afterAll(() => releaseTimingLock());

jest.setTimeout(180_000);

/** Posts an operation to the API under test, as any client would. */
async function api<T = any>(origin: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const res = await fetch(`${origin}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  const body = (await res.json()) as { data: T; errors?: unknown[] };
  expect(body.errors).toBeUndefined();
  return body.data;
}

const screenshot = saveScreenshot;

/** "54 nodes · 53 edges" -> { nodes: 54, edges: 53 }. */
async function drawnCounts(page: Page): Promise<{ nodes: number; edges: number }> {
  const text = (await page.textContent('#status')) ?? '';
  const m = /([\d,]+) nodes · ([\d,]+) edges/.exec(text);
  if (!m) throw new Error(`no counts in the status line: "${text}"`);
  return { nodes: Number((m[1] as string).replace(/,/g, '')), edges: Number((m[2] as string).replace(/,/g, '')) };
}

const int = (s: string | null): number => Number((s ?? '').replace(/[^\d]/g, ''));

/**
 * End to end in headless Chromium (Debian's package, driven by playwright-core): the playground and
 * the explorer against the real API over the seeded Neo4j. Every request of every page is recorded;
 * one to any other host than the server fails the run.
 */
describe('playground and explorer in Chromium', () => {
  let server: RunningApi;
  let browser: Browser;
  let context: BrowserContext;
  let requests: ReturnType<typeof recordRequests>;

  beforeAll(async () => {
    // The drawings are compared with the API's answers: the shared test graph is read-only for every
    // test file (test/support/ownNeo4j.ts).
    server = await startApi();
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1280, height: 760 }, acceptDownloads: true, locale: 'en-GB' });
    requests = recordRequests(context);
  });
  afterAll(async () => {
    try {
      await context?.close();
      await browser?.close();
    } finally {
      await server?.stop();
    }
  });
  afterEach(() => {
    // After every test: nothing left the server, and something was asked of it.
    expect(requests.foreign(server.origin)).toEqual([]);
    expect(requests.all.length).toBeGreaterThan(0);
  });

  it('playground: the examples panel opens an operation; running it shows the API answer', async () => {
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(`${server.origin}/graphql`, { waitUntil: 'load' });
    await page.waitForSelector('.dg-examples [data-example="impact"]');
    await screenshot(page, 'playground-examples');
    await page.click('.dg-examples [data-example="impact"]');
    await page.waitForFunction(() => document.querySelector('.graphiql-query-editor')?.textContent?.includes('ImpactOfComponentChange'));
    await page.click('.graphiql-execute-button');
    await page.waitForFunction(() => document.querySelector('.graphiql-response')?.textContent?.includes('serviceCount'), undefined, { timeout: 60_000 });
    const shown = ((await page.innerText('.graphiql-response')) ?? '').replace(/\u00a0/g, ' ');
    const truth = await api(server.origin, 'query($id: ID!) { impactAnalysis(id: $id) { summary { componentCount serviceCount } } }', { id: 'bundid' });
    expect(shown).toContain(`"serviceCount": ${truth.impactAnalysis.summary.serviceCount}`);
    expect(shown).toContain(`"componentCount": ${truth.impactAnalysis.summary.componentCount}`);
    await screenshot(page, 'playground-impact');
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  it('playground: a query the limits refuse shows its error code; schema docs load', async () => {
    const page = await context.newPage();
    await page.goto(`${server.origin}/graphql?example=refused`);
    await page.waitForFunction(() => document.querySelector('.graphiql-query-editor')?.textContent?.includes('TooExpensive'));
    await page.click('.graphiql-execute-button');
    await page.waitForFunction(() => document.querySelector('.graphiql-response')?.textContent?.includes('COST_LIMIT_EXCEEDED'), undefined, { timeout: 60_000 });
    // The documentation explorer reads the schema through introspection, within the limits.
    await page.click('button[aria-label="Show Documentation Explorer"]');
    await page.waitForSelector('.graphiql-doc-explorer-content', { timeout: 60_000 });
    await page.waitForFunction(() => document.querySelector('.graphiql-doc-explorer-content')?.textContent?.includes('Query'), undefined, { timeout: 60_000 });
    await page.close();
  });

  it('explorer: search BundID, draw its neighbourhood, expand a neighbour, switch to impact mode', async () => {
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(`${server.origin}/explore`);
    await page.fill('#search', 'BundID');
    await page.waitForSelector('#search-results button[data-id="bundid"]');
    await page.click('#search-results button[data-id="bundid"]');
    await page.waitForFunction(() => /\d+ nodes/.test(document.querySelector('#status')?.textContent ?? '') && document.querySelector('#details-name')?.textContent === 'BundID');
    expect(new URL(page.url()).searchParams.get('node')).toBe('bundid');

    // The drawing holds exactly what `subgraph` answers.
    const sub = (ids: string[]) => api(server.origin, 'query($ids: [ID!]!) { subgraph(ids: $ids, depth: 1) { nodes { id } edges { id } } }', { ids });
    const around = (await sub(['bundid'])).subgraph;
    expect(await drawnCounts(page)).toEqual({ nodes: around.nodes.length, edges: around.edges.length });
    await screenshot(page, 'explorer-neighbourhood');

    // The side panel shows the profile: the six D-Stack criteria with the API's levels.
    await page.waitForSelector('#criteria tr');
    const levels = await page.$$eval('#criteria [data-level]', (els) => els.map((e) => e.getAttribute('data-level')));
    const assessed = (await api(server.origin, '{ node(id: "bundid") { ... on Component { criteriaAssessments { level } } } }')).node.criteriaAssessments.map((a: { level: string }) => a.level);
    expect(levels).toEqual(assessed);
    expect(levels).toHaveLength(6);
    await page.locator('#criteria').scrollIntoViewIfNeeded();
    await screenshot(page, 'explorer-profile');

    // Expand a neighbour (Wohngeld Bewilligung uses BundID): pick it in the side panel, then expand.
    const neighbour = 'leika:99107023017000';
    await page.click('#relationships summary:has-text("USES")');
    await page.click(`#relationships button[data-id="${neighbour}"]`);
    await page.waitForFunction((id) => document.querySelector('#details code')?.textContent === id, neighbour);
    await page.click('#expand');
    const next = (await sub([neighbour])).subgraph;
    const nodes = new Set([...around.nodes, ...next.nodes].map((n: { id: string }) => n.id));
    const edges = new Set([...around.edges, ...next.edges].map((e: { id: string }) => e.id));
    expect(nodes.size).toBeGreaterThan(around.nodes.length);
    await page.waitForFunction((n) => (document.querySelector('#status')?.textContent ?? '').startsWith(`${n.toLocaleString('en')} nodes`), nodes.size);
    expect(await drawnCounts(page)).toEqual({ nodes: nodes.size, edges: edges.size });
    await screenshot(page, 'explorer-expanded');

    // Impact mode (of the node in focus, BundID): the counts shown equal the API's own answer.
    await page.click('#mode-impact');
    await page.waitForSelector('#impact-service-count');
    const truth = await api(server.origin, 'query($id: ID!) { impactAnalysis(id: $id, maxDepth: 6) { summary { componentCount serviceCount organizationCount } } }', { id: 'bundid' });
    const s = truth.impactAnalysis.summary;
    expect(Object.fromEntries(new URL(page.url()).searchParams)).toEqual({ node: 'bundid', mode: 'impact', depth: '6' });
    expect(int(await page.textContent('#impact-service-count'))).toBe(s.serviceCount);
    expect(int(await page.textContent('#impact-component-count'))).toBe(s.componentCount);
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  it('explorer: a deep link opens BundID in impact mode with the API counts; export as JSON and PNG', async () => {
    const page = await context.newPage();
    await page.goto(`${server.origin}/explore?node=bundid&mode=impact&depth=6`);
    await page.waitForSelector('#impact-service-count');
    await page.waitForFunction(() => document.querySelector('#details-name')?.textContent === 'BundID');
    const truth = await api(
      server.origin,
      'query { impactAnalysis(id: "bundid", maxDepth: 6) { summary { componentCount serviceCount organizationCount componentsByEvidence { sourced } servicesByEvidence { sourced } coverage { services sourced inferred none } } } }',
    );
    const s = truth.impactAnalysis.summary;
    expect(int(await page.textContent('#impact-service-count'))).toBe(s.serviceCount);
    // How sure the hits are, and for how many services component use is known at all.
    const fmt = (n: number) => n.toLocaleString('en');
    expect(await page.textContent('#impact-evidence')).toContain(`${fmt(s.componentsByEvidence.sourced)} components, ${fmt(s.servicesByEvidence.sourced)} services`);
    expect(await page.textContent('#impact-coverage')).toContain(`known for ${fmt(s.coverage.sourced + s.coverage.inferred)} of ${fmt(s.coverage.services)} services (stated by a source for ${fmt(s.coverage.sourced)}`);
    // The side panel resolves the node's citations to their publishers' addresses.
    const cited = (await api(server.origin, '{ node(id: "bundid") { sources { source { url } } } }')).node.sources.map((c: { source: { url: string } }) => c.source.url);
    await page.waitForSelector('#details .citations a');
    expect(await page.$$eval('#details .citations a', (as) => as.map((a) => (a as HTMLAnchorElement).href))).toEqual(cited);
    expect(int(await page.textContent('#impact-component-count'))).toBe(s.componentCount);
    expect(int(await page.textContent('#impact-organization-count'))).toBe(s.organizationCount);
    // What removing BundID would break: the counts of the API beside the drawing (coloured by severity).
    const sev = (await api(server.origin, '{ impactAnalysis(id: "bundid", maxDepth: 6) { severity { services { broken degraded reached } } } }')).impactAnalysis.severity.services;
    expect(((await page.textContent('#impact-severity')) ?? '').replace(/\s+/g, ' ')).toContain(`services: ${fmt(sev.broken)} broken · ${fmt(sev.degraded)} degraded · ${fmt(sev.reached)} only reached`);
    // Everything hit is drawn: the origin, every component and every service.
    expect((await drawnCounts(page)).nodes).toBe(1 + s.componentCount + s.serviceCount);
    await screenshot(page, 'explorer-impact');

    const [jsonDownload] = await Promise.all([page.waitForEvent('download'), page.click('#export-json')]);
    const exported = JSON.parse(fs.readFileSync((await jsonDownload.path()) as string, 'utf8'));
    expect(exported.view).toMatchObject({ node: 'bundid', mode: 'impact', depth: 6 });
    expect(exported.nodes).toHaveLength(1 + s.componentCount + s.serviceCount);
    expect(exported.impactSummary.serviceCount).toBe(s.serviceCount);
    const [pngDownload] = await Promise.all([page.waitForEvent('download'), page.click('#export-png')]);
    const png = fs.readFileSync((await pngDownload.path()) as string);
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(pngDownload.suggestedFilename()).toBe('dstack-graph-bundid-impact.png');

    // Filters: hiding the label Service hides every service node.
    await page.uncheck('#filters input[data-filter="label"][value="Service"]');
    await page.waitForFunction(() => /hidden by filters/.test(document.querySelector('#status')?.textContent ?? ''));
    await page.close();
  });

  it('explorer: stays usable with about 3,000 elements (pan, zoom, click)', async () => {
    const page = await context.newPage();
    const started = Date.now();
    await page.goto(`${server.origin}/explore?node=stack:germany&depth=3`);
    await page.waitForFunction(() => /\d+ nodes/.test(document.querySelector('#status')?.textContent ?? '') && document.querySelector('#details-name')?.textContent === 'Deutschland Stack', undefined, { timeout: 120_000 });
    const drawnMs = Date.now() - started;
    const truth = (await api(server.origin, '{ subgraph(ids: ["stack:germany"], depth: 3) { nodes { id } edges { id } } }')).subgraph;
    const drawn = await drawnCounts(page);
    expect(drawn).toEqual({ nodes: truth.nodes.length, edges: truth.edges.length });
    expect(drawn.nodes + drawn.edges).toBeGreaterThan(2000);

    // Another node in the side panel first (it is in sight, so the view stays where it is).
    await page.click('#relationships summary:has-text("INCLUDES")');
    await page.locator('#relationships button[data-id]').first().click();
    await page.waitForFunction(() => document.querySelector('#details-name')?.textContent !== 'Deutschland Stack');

    // Count animation frames while panning and zooming: the page keeps drawing.
    await page.evaluate(() => {
      const w = window as unknown as { frames_: number };
      w.frames_ = 0;
      const tick = (): void => {
        w.frames_++;
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    const box = (await page.locator('#canvas').boundingBox())!;
    const centre = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    const moved = { x: centre.x + 150, y: centre.y + 80 };
    const panStart = Date.now();
    // Pan: drag the empty background at the top left corner by (150, 80); the origin (in the centre
    // of the concentric layout) moves along. Then zoom in with the pointer on it.
    await page.mouse.move(box.x + 20, box.y + 20);
    await page.mouse.down();
    await page.mouse.move(box.x + 170, box.y + 100, { steps: 30 });
    await page.mouse.up();
    await page.mouse.move(moved.x, moved.y);
    for (let i = 0; i < 5; i++) await page.mouse.wheel(0, -120);
    const panMs = Date.now() - panStart;
    const frames = await page.evaluate(() => (window as unknown as { frames_: number }).frames_);
    // Then a click on the canvas where the origin went selects it again.
    const clickStart = Date.now();
    await page.mouse.click(moved.x, moved.y);
    await page.waitForFunction(() => document.querySelector('#details-name')?.textContent === 'Deutschland Stack', undefined, { timeout: 30_000 });
    const clickMs = Date.now() - clickStart;
    expect(frames).toBeGreaterThan(5);
    console.log(`explorer with ${drawn.nodes} nodes and ${drawn.edges} edges: drawn ${drawnMs} ms after navigation; pan + 5 zoom steps ${panMs} ms at ${Math.round((frames * 1000) / panMs)} frames/s; click to side panel ${clickMs} ms`);
    await screenshot(page, 'explorer-large');
    await page.close();
  });

  it('explorer: an unknown id says so instead of drawing nothing', async () => {
    const page = await context.newPage();
    await page.goto(`${server.origin}/explore?node=no-such-node`);
    await page.waitForSelector('#error:not([hidden])');
    expect(await page.textContent('#error')).toContain('NOT_FOUND');
    await page.close();
  });
});
