import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { readAbout } from '../../src/app';
import { loadConfig } from '../../src/config';
import { createServer } from '../../src/server';
import { loadWebAssets, webDistDir } from '../../src/web/webAssets';
import { openTestDb, silentLog, type TestDb } from '../support/db';
import { startApi, type RunningApi } from '../support/http';

const html = { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' };

/** The browser pages over real HTTP: content negotiation at /graphql, /explore, /assets, WEB_UI=off. */
describe('web pages', () => {
  let api: RunningApi;
  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(async () => {
    await api.stop();
  });

  it('the bundles are built (npm test builds them first)', () => {
    expect(loadWebAssets().problem).toBeNull();
  });

  it('GET /graphql for a browser is the playground, with a CSP that allows only this origin', async () => {
    const res = await fetch(`${api.origin}/graphql`, { headers: html });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).not.toMatch(/https?:|\*/);
    const body = await res.text();
    expect(body).toMatch(/<script defer src="\/assets\/playground-[A-Z0-9]+\.js"><\/script>/);
    // No address of another host in the page.
    expect(body).not.toMatch(/(src|href)="(https?:)?\/\//);
  });

  it('every other request to /graphql stays GraphQL over HTTP', async () => {
    const json = await fetch(`${api.origin}/graphql?query=${encodeURIComponent('{ __typename }')}`, { headers: { accept: 'application/json', 'apollo-require-preflight': 'true' } });
    expect(json.status).toBe(200);
    expect(await json.json()).toEqual({ data: { __typename: 'Query' } });
    const any = await fetch(`${api.origin}/graphql`, { method: 'POST', headers: { accept: '*/*', 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ __typename }' }) });
    expect(await any.json()).toEqual({ data: { __typename: 'Query' } });
    // A GET without text/html keeps Apollo's CSRF answer.
    const plain = await fetch(`${api.origin}/graphql?query=${encodeURIComponent('{ __typename }')}`, { headers: { accept: '*/*' } });
    expect(plain.status).toBe(400);
  });

  it('GET /explore is the explorer; / links both for browsers and stays JSON for clients', async () => {
    const explore = await fetch(`${api.origin}/explore?node=bundid&mode=impact`, { headers: html });
    expect(explore.status).toBe(200);
    expect(await explore.text()).toMatch(/\/assets\/explorer-[A-Z0-9]+\.js/);
    const index = await fetch(`${api.origin}/`, { headers: html });
    const page = await index.text();
    expect(page).toContain('href="/graphql"');
    expect(page).toContain('href="/explore"');
    const indexJson = await fetch(`${api.origin}/`);
    expect(await indexJson.json()).toMatchObject({ graphql: '/graphql', playground: '/graphql', explorer: '/explore' });
  });

  it('serves the bundles immutable, gzip-compressed to clients that take gzip, and nothing outside them', async () => {
    const files = loadWebAssets().files;
    const raw = await new Promise<http.IncomingMessage & { size: number }>((resolve, reject) => {
      http
        .get(`${api.origin}/assets/${files['explorer.js']}`, { headers: { 'accept-encoding': 'gzip' } }, (res) => {
          let size = 0;
          res.on('data', (c: Buffer) => (size += c.length));
          res.on('end', () => resolve(Object.assign(res, { size })));
        })
        .on('error', reject);
    });
    expect(raw.statusCode).toBe(200);
    expect(raw.headers['content-encoding']).toBe('gzip');
    expect(raw.headers['content-type']).toMatch(/javascript/);
    expect(raw.headers['cache-control']).toContain('immutable');
    expect(raw.size).toBeLessThan(fs.statSync(path.join(webDistDir, files['explorer.js'] as string)).size / 2);
    const identity = await fetch(`${api.origin}/assets/${files['explorer.css']}`, { headers: { 'accept-encoding': 'identity' } });
    expect(identity.headers.get('content-encoding')).toBeNull();
    expect(identity.headers.get('content-type')).toMatch(/text\/css/);
    for (const bad of ['/assets/nothing.js', '/assets/..%2fmanifest.json', '/assets/%2e%2e/package.json', '/assets/../package.json', `/assets/${files['explorer.js']}.gz`]) {
      const res = await fetch(`${api.origin}${bad}`);
      expect([400, 404]).toContain(res.status);
      expect(await res.text()).not.toContain('"dependencies"');
    }
  });

  describe('with WEB_UI=off', () => {
    let t: TestDb;
    let origin: string;
    let stop: () => Promise<void>;
    beforeAll(async () => {
      t = openTestDb();
      const server = createServer({ config: loadConfig({ PORT: '0', NODE_ENV: 'test', WEB_UI: 'off' }, false), db: t.db, log: silentLog, about: readAbout() });
      origin = new URL(await server.listen()).origin;
      stop = async () => {
        await server.stop();
        await t.close();
      };
    });
    afterAll(async () => {
      await stop();
    });

    it('serves no page: /explore and /assets are 404, /graphql keeps its GraphQL answer', async () => {
      expect((await fetch(`${origin}/explore`, { headers: html })).status).toBe(404);
      expect((await fetch(`${origin}/assets/${loadWebAssets().files['explorer.js']}`)).status).toBe(404);
      const gql = await fetch(`${origin}/graphql`, { headers: html });
      expect(gql.headers.get('content-type')).not.toMatch(/text\/html/);
      expect(await (await fetch(`${origin}/`)).json()).not.toHaveProperty('explorer');
    });
  });
});
