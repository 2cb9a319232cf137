/** One answer the probe saw: when it was asked (epoch ms), how long it took, what came back. */
export interface Sample {
  readonly what: string;
  readonly start: number;
  readonly end: number;
  readonly ms: number;
  /** HTTP status; 0 when no answer came (connection refused, the probe's own 30 s timeout). */
  readonly status: number;
  /** `errors[0].extensions.code` of a GraphQL answer, if any. */
  readonly code: string | undefined;
}

/** A loop asking the API again and again; `stop()` ends it after the request under way. */
export interface Probe {
  readonly graphql: Sample[];
  readonly healthz: Sample[];
  readonly readyz: Sample[];
  stop(): Promise<void>;
}

/** The GraphQL requests of the loop, in turn: one reads the database's counts, one looks up a node. */
export const PROBE_QUERIES = ['{ about { database { nodeCount } } }', '{ node(id: "probe-no-such-id") { id } }'];

/**
 * Sends one GraphQL request (taking turns among PROBE_QUERIES), then GET /healthz and /readyz, one
 * after the other, with `pauseMs` between rounds, until stopped.
 */
export function startProbe(graphqlUrl: string, pauseMs = 50): Probe {
  const origin = new URL(graphqlUrl).origin;
  const probe = { graphql: [] as Sample[], healthz: [] as Sample[], readyz: [] as Sample[] };
  let running = true;
  const loop = (async () => {
    for (let i = 0; running; i += 1) {
      const query = PROBE_QUERIES[i % PROBE_QUERIES.length] as string;
      probe.graphql.push(await ask(query, graphqlUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) }));
      probe.healthz.push(await ask('/healthz', `${origin}/healthz`, {}));
      probe.readyz.push(await ask('/readyz', `${origin}/readyz`, {}));
      await new Promise((r) => setTimeout(r, pauseMs));
    }
  })();
  return {
    ...probe,
    async stop() {
      running = false;
      await loop;
    },
  };
}

async function ask(what: string, url: string, init: RequestInit): Promise<Sample> {
  const start = Date.now();
  let status = 0;
  let code: string | undefined;
  try {
    const res = await fetch(url, { ...init, signal: AbortSignal.timeout(30_000) });
    status = res.status;
    const body = (await res.json()) as { errors?: { extensions?: { code?: string } }[] };
    code = body.errors?.[0]?.extensions?.code;
  } catch (e) {
    code = `no answer: ${(e as Error).message}`;
  }
  const end = Date.now();
  return { what, start, end, ms: end - start, status, code };
}

/** Samples asked strictly after `from` and answered strictly before `to` (epoch ms). */
export function within(samples: readonly Sample[], from: number, to: number): Sample[] {
  return samples.filter((s) => s.start > from && s.end < to);
}

/** The latency figures of some samples, for the test output. */
export function latency(samples: readonly Sample[]): { n: number; medianMs: number; maxMs: number } {
  const ms = samples.map((s) => s.ms).sort((a, b) => a - b);
  return { n: ms.length, medianMs: ms[Math.floor(ms.length / 2)] ?? NaN, maxMs: ms[ms.length - 1] ?? NaN };
}
