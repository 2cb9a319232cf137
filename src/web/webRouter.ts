import fs from 'node:fs';
import path from 'node:path';
import express from 'express';
import { errorBody } from '../http/jsonErrors';
import { refreshWebAssets, type WebAssets } from './webAssets';
import { pageHtml } from './pageHtml';

/**
 * The pages' Content-Security-Policy: everything from this origin only (no CDN, fonts, telemetry),
 * no inline scripts; Monaco and Cytoscape set inline styles, fonts come as data: URLs, exports are
 * blob: downloads, and Monaco's workers load from /assets.
 */
export const PAGE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * The CSP of /contribute: PAGE_CSP, except that the page may also fetch from the identity provider
 * (its discovery document and token endpoint; the sign-in itself is a full-page redirect).
 */
export function contributeCsp(issuer: string | null | undefined): string {
  let origin: string | null = null;
  try {
    origin = issuer ? new URL(issuer).origin : null;
  } catch {
    origin = null;
  }
  if (!origin || origin === 'null') return PAGE_CSP;
  return PAGE_CSP.replace("connect-src 'self'", `connect-src 'self' ${origin}`);
}

/** Whether a GET asks for a page rather than a GraphQL answer (the browser's Accept prefers HTML). */
export function wantsHtml(req: express.Request): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  return req.accepts(['application/graphql-response+json', 'application/json', 'text/html']) === 'text/html';
}

export interface WebRouterOptions {
  readonly assets: WebAssets;
  readonly version: string;
  /** The OpenID Connect issuer and public client the /contribute page signs in with; null: the server is read-only. */
  readonly signIn?: { readonly issuer: string; readonly clientId: string } | null;
}

/**
 * The browser pages: GraphiQL at /graphql (for Accept: text/html), the explorer at /explore, the
 * page to take part at /contribute, and their bundles at /assets (hashed names, cached for a year,
 * pre-compressed when the client takes gzip). Everything else at /graphql stays GraphQL over HTTP.
 */
export function webRouter({ assets: initial, version, signIn = null }: WebRouterOptions): express.Router {
  const router = express.Router();
  let assets = initial;
  const page = (title: string, name: string, extra: { csp?: string; config?: Record<string, unknown> } = {}): express.RequestHandler => (_req, res) => {
    assets = refreshWebAssets(assets);
    const config = { endpoint: '/graphql', assets: '/assets', version, files: assets.files, ...extra.config };
    if (assets.problem) {
      res.status(503).type('text/plain; charset=utf-8').send(`The ${name} page is not available: ${assets.problem}.\nThe GraphQL API answers POST requests at /graphql.\n`);
      return;
    }
    res.set('content-security-policy', extra.csp ?? PAGE_CSP);
    res.set('cache-control', 'no-cache');
    res.set('vary', 'accept');
    res.type('html').send(
      pageHtml({
        title,
        script: `/assets/${assets.files[`${name}.js`]}`,
        style: `/assets/${assets.files[`${name}.css`]}`,
        config,
      }),
    );
  };
  const playground = page('dstack-graph · GraphQL playground', 'playground');
  // A middleware, not a route: a route would also answer OPTIONS /graphql itself, before CORS.
  router.use((req, res, next) => ((req.path === '/graphql' || req.path === '/graphql/') && wantsHtml(req) ? playground(req, res, next) : next()));
  router.get('/explore', page('dstack-graph · Explorer', 'explorer'));
  const signInConfig = signIn ? { issuer: signIn.issuer, clientId: signIn.clientId } : null;
  router.get('/contribute', page('dstack-graph · Take part', 'contribute', { csp: contributeCsp(signIn?.issuer), config: { signIn: signInConfig } }));

  // Bundles: immutable (their names carry a hash); a .gz twin is sent to clients that accept gzip.
  router.get('/assets/*file', (req, res) => {
    const rel = (req.params as { file?: string[] }).file?.join('/') ?? '';
    const file = path.resolve(assets.dir, rel);
    if (rel === '' || !file.startsWith(assets.dir + path.sep) || rel.endsWith('.gz') || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.status(404).json(errorBody(`No asset "${rel.slice(0, 200)}".`, 'NOT_FOUND'));
      return;
    }
    res.set('cache-control', 'public, max-age=31536000, immutable');
    res.set('vary', 'accept-encoding');
    res.type(path.extname(file));
    if (req.acceptsEncodings('gzip') === 'gzip' && fs.existsSync(`${file}.gz`)) {
      res.set('content-encoding', 'gzip');
      res.sendFile(`${file}.gz`, { headers: { 'content-type': res.get('content-type') ?? 'application/octet-stream' } });
      return;
    }
    res.sendFile(file);
  });
  return router;
}
