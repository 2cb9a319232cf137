import http from 'node:http';
import type { GraphQLRequest } from './mix';

/** One keep-alive connection pool shared by the API and the peer, so both pay the same client costs. */
const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });

/** Thrown when a GraphQL answer carries errors or is not JSON. */
export class GraphQLRequestError extends Error {
  override readonly name = 'GraphQLRequestError';

  /** The HTTP status and the `extensions.code` of each GraphQL error (none when the answer was not JSON). */
  constructor(
    message: string,
    readonly status: number | undefined = undefined,
    readonly codes: readonly string[] = [],
  ) {
    super(message);
  }
}

/** How one request is sent. */
export interface PostOptions {
  /** Send `Cache-Control: no-cache`, so that a server with a response cache computes the answer. */
  readonly noCache?: boolean;
  /** Receives the response headers (e.g. to read a cache header). */
  readonly onHeaders?: (headers: http.IncomingHttpHeaders) => void;
}

/** POSTs a GraphQL request as JSON and resolves with its `data`; rejects on HTTP or GraphQL errors. */
export function postGraphQL(url: string, request: GraphQLRequest, options: PostOptions = {}): Promise<unknown> {
  const body = JSON.stringify(request);
  const target = new URL(url);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        agent,
        host: target.hostname,
        port: target.port,
        path: target.pathname,
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/json',
          'content-length': Buffer.byteLength(body),
          ...(options.noCache ? { 'cache-control': 'no-cache' } : {}),
        },
      },
      (res) => {
        options.onHeaders?.(res.headers);
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json: { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] };
          try {
            json = JSON.parse(text) as typeof json;
          } catch {
            reject(new GraphQLRequestError(`${url} answered HTTP ${res.statusCode} with no JSON: ${text.slice(0, 300)}`, res.statusCode));
            return;
          }
          if (json.errors && json.errors.length > 0) {
            const errs = json.errors.map((e) => `${e.extensions?.code ?? 'ERROR'}: ${e.message}`).join('; ');
            reject(new GraphQLRequestError(`${url} answered HTTP ${res.statusCode} with errors: ${errs}`, res.statusCode, json.errors.map((e) => e.extensions?.code ?? 'ERROR')));
            return;
          }
          resolve(json.data);
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** Closes the idle keep-alive sockets (at the end of the benchmark). */
export function closeHttpAgent(): void {
  agent.destroy();
}
