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
}

export function readPageConfig(): PageConfig {
  const el = document.getElementById('page-config');
  const parsed = el?.textContent ? (JSON.parse(el.textContent) as Partial<PageConfig>) : {};
  return { endpoint: parsed.endpoint ?? '/graphql', assets: parsed.assets ?? '/assets', version: parsed.version ?? '', files: parsed.files ?? {} };
}
