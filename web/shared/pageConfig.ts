/** The identity provider a page signs in with (OpenID Connect, authorization code with PKCE). */
export interface SignInConfig {
  /** The issuer, e.g. http://127.0.0.1:8180/realms/dstack (its discovery document lives below it). */
  readonly issuer: string;
  /** The public client of the page, e.g. dstack-graph-web. */
  readonly clientId: string;
}

/** What the server tells a page in `<script id="page-config" type="application/json">`. */
export interface PageConfig {
  /** The GraphQL endpoint, same origin, e.g. /graphql. */
  readonly endpoint: string;
  /** Where the bundles live, e.g. /assets (Monaco's workers load from there). */
  readonly assets: string;
  /** The API's version, shown in the page. */
  readonly version: string;
  /** Bundled files by name, e.g. "graphql.worker.js" -> "graphql.worker-ABCD1234.js". */
  readonly files: Record<string, string>;
  /** How /contribute signs in; null when the server is read-only (no sign-in configured). */
  readonly signIn?: SignInConfig | null;
}

export function readPageConfig(): PageConfig {
  const el = document.getElementById('page-config');
  const parsed = el?.textContent ? (JSON.parse(el.textContent) as Partial<PageConfig>) : {};
  const signIn = parsed.signIn && typeof parsed.signIn.issuer === 'string' && typeof parsed.signIn.clientId === 'string' ? { issuer: parsed.signIn.issuer, clientId: parsed.signIn.clientId } : null;
  return { endpoint: parsed.endpoint ?? '/graphql', assets: parsed.assets ?? '/assets', version: parsed.version ?? '', files: parsed.files ?? {}, signIn };
}
