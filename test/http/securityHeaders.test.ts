import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import helmet, { type HelmetOptions } from 'helmet';
import { securityHeaders } from '../../src/http/securityHeaders';

const OPTIONS: HelmetOptions = {
  contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"], baseUri: ["'none'"], formAction: ["'none'"] } },
  strictTransportSecurity: false,
};

/** The headers of GET / from an express app with `middleware` in front of a plain answer. */
async function headersWith(middleware: express.RequestHandler): Promise<Record<string, string | string[] | undefined>> {
  const app = express();
  app.use(middleware);
  app.get('/', (_req, res) => {
    res.json({ ok: true });
  });
  const server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    await res.arrayBuffer();
    const out: Record<string, string> = {};
    res.headers.forEach((v, k) => {
      if (k !== 'date' && k !== 'connection' && k !== 'keep-alive') out[k] = v;
    });
    return out;
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}

describe('securityHeaders', () => {
  it('sets exactly the headers helmet sets with the same options, and removes X-Powered-By as it does', async () => {
    const ours = await headersWith(securityHeaders(OPTIONS));
    const theirs = await headersWith(helmet(OPTIONS));
    expect(ours).toEqual(theirs);
    expect(ours['content-security-policy']).toBe("default-src 'none';frame-ancestors 'none';base-uri 'none';form-action 'none'");
    expect(ours['x-content-type-options']).toBe('nosniff');
    expect(ours['x-powered-by']).toBeUndefined();
    expect(ours['strict-transport-security']).toBeUndefined();
  });

  it('refuses options that helmet cannot work out once for every request', () => {
    const withNonce: HelmetOptions = { contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'none'"], scriptSrc: [(_req, _res) => "'nonce-x'"] } } };
    // A directive computed per request reads the request and response: not a constant header.
    expect(() => securityHeaders(withNonce)).toThrow();
  });
});
