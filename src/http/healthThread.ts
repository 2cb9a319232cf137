import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { parentPort, workerData } from 'node:worker_threads';
import { BEAT, STATE, STATES } from './healthShared';

/**
 * The health thread (see healthBeacon.ts): answers GET /healthz and /readyz from the shared state,
 * never touching the event loop of the API.
 */
const { shared, host, port, stallMs } = workerData as { shared: SharedArrayBuffer; host: string; port: number; stallMs: number };
const state = new Float64Array(shared);

const send = (res: http.ServerResponse, status: number, body: Record<string, unknown>): void => {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), 'cache-control': 'no-store' });
  res.end(text);
};

const server = http.createServer((req, res) => {
  const neo4j = STATES[state[STATE] ?? 0] ?? 'up';
  const sinceBeatMs = Date.now() - (state[BEAT] ?? 0);
  const stalled = sinceBeatMs > stallMs;
  const path = (req.url ?? '').split('?')[0];
  if (req.method !== 'GET' && req.method !== 'HEAD') send(res, 405, { error: 'method not allowed', allow: 'GET' });
  else if (path === '/healthz') {
    if (neo4j === 'failed') send(res, 503, { status: 'failed', neo4j });
    else if (stalled) send(res, 503, { status: 'stalled', eventLoopSilentMs: sinceBeatMs, limitMs: stallMs });
    else send(res, 200, { status: 'ok', neo4j, eventLoopSilentMs: sinceBeatMs });
  } else if (path === '/readyz') {
    if (neo4j === 'up' && !stalled) send(res, 200, { status: 'ready', neo4j });
    else send(res, 503, { status: 'unavailable', neo4j, ...(stalled ? { eventLoopSilentMs: sinceBeatMs } : {}) });
  } else send(res, 404, { error: 'not found', routes: ['/healthz', '/readyz'] });
});
server.headersTimeout = 5_000;
server.requestTimeout = 5_000;
server.keepAliveTimeout = 5_000;
server.on('clientError', (_e, socket) => socket.destroy());
server.on('error', (e) => parentPort?.postMessage({ error: (e as Error).message }));
server.listen(port, host, () => {
  const a = server.address() as AddressInfo;
  parentPort?.postMessage({ listening: `http://${host}:${a.port}` });
});
