import { spawn } from 'node:child_process';

/** One answer seen by the outside poller. */
export interface Poll {
  /** Epoch ms when it came. */
  readonly at: number;
  readonly ms: number;
  readonly status: number;
  /** The answer's JSON `status`, or the error. */
  readonly body: string;
}

/** The poller's code: GET `url` every 10 ms on one kept-alive connection for `ms`, then print the answers as JSON. */
const POLLER = `
const http = require('node:http');
const [url, ms] = [process.argv[1], Number(process.argv[2])];
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
const out = [];
const end = Date.now() + ms;
let stopped = false;
process.on('SIGTERM', () => (stopped = true));
const one = () => new Promise((resolve) => {
  const t0 = performance.now();
  http.get(url, { agent }, (res) => {
    let body = '';
    res.on('data', (c) => (body += c));
    res.on('end', () => { let s = body; try { s = JSON.parse(body).status; } catch {} resolve({ at: Date.now(), ms: performance.now() - t0, status: res.statusCode, body: s }); });
  }).on('error', (e) => resolve({ at: Date.now(), ms: performance.now() - t0, status: 0, body: e.message }));
});
(async () => {
  while (Date.now() < end && !stopped) {
    out.push(await one());
    await new Promise((r) => setTimeout(r, 10));
  }
  process.stdout.write(JSON.stringify(out));
  agent.destroy();
})();
`;

/** A poller under way: `done` resolves with its answers when it ends (after `ms`, or at `stop()`). */
export interface OutsidePoller {
  readonly done: Promise<Poll[]>;
  stop(): void;
}

/**
 * Polls `url` from a process of its own for at most `ms`: the test's process runs the API, so a
 * poller in it would wait for the same event loop it measures.
 */
export function pollOutside(url: string, ms: number): OutsidePoller {
  const child = spawn(process.execPath, ['-e', POLLER, url, String(ms)], { stdio: ['ignore', 'pipe', 'inherit'] });
  const done = new Promise<Poll[]>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString('utf8')));
    child.on('error', reject);
    child.on('exit', () => resolve(JSON.parse(out || '[]') as Poll[]));
  });
  return { done, stop: () => void child.kill('SIGTERM') };
}
