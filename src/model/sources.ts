/**
 * Kinds of sources in the registry (seeds/sources.yaml). `secondary` marks blogs, aggregators and
 * encyclopedias: citable, but a primary source is preferred; `internal` is this project's own
 * research notes, cited only by inferences.
 */
export const SOURCE_KINDS = ['law', 'official', 'standards-body', 'operator', 'vendor', 'dataset', 'press', 'secondary', 'internal'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

/** What each kind means, for the SDL and the README. */
export const SOURCE_KIND_MEANING: Readonly<Record<SourceKind, string>> = {
  law: 'a law or regulation in its official publication',
  official: 'an official publication of an authority or body (ministry, IT-Planungsrat, FITKO, a Land)',
  'standards-body': 'a standard published by its maintainer (KoSIT, IETF, W3C, OpenID Foundation, ETSI, ...)',
  operator: "the operator's own description of a service it runs",
  vendor: "a vendor's or project's own documentation",
  dataset: 'a published data set',
  press: 'a news report',
  secondary: 'a secondary source: an encyclopedia, a blog, an aggregator',
  internal: "this project's own research notes (cited by inferences only)",
};

/** Kinds of primary sources: a fact that cites none of these rests on press or secondary sources only. */
export const PRIMARY_SOURCE_KINDS: ReadonlySet<SourceKind> = new Set(['law', 'official', 'standards-body', 'operator', 'vendor', 'dataset']);

/**
 * The evidence of a fact as its sources bear it: a fact stated as `sourced` whose sources include no
 * primary one (only press, secondary or internal notes) is `secondary`; any other evidence stays.
 */
export function evidenceBySources(stated: string, kinds: readonly SourceKind[]): string {
  return stated === 'sourced' && !kinds.some((k) => PRIMARY_SOURCE_KINDS.has(k)) ? 'secondary' : stated;
}

/** Source ids: lower case, digits and "-", starting with a letter or digit. */
export const SOURCE_ID = /^[a-z0-9][a-z0-9-]*$/;

/** One citation: a registry id and where in the source, e.g. `heise-11225804 (page 2)`. */
export interface Citation {
  readonly id: string;
  readonly locator: string | null;
}

const CITATION = /^([a-z0-9][a-z0-9-]*)(?:\s*\((.+)\))?$/s;

/**
 * Parses the `source` text of a seed entry: citations separated by " ; ", each a registry id with an
 * optional locator in parentheses. Returns the citations, or the first part that is not one.
 */
export function parseCitations(text: string): { citations: Citation[] } | { error: string } {
  const parts = splitOutsideParentheses(text)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  if (parts.length === 0) return { error: 'names no source' };
  const citations: Citation[] = [];
  for (const part of parts) {
    const m = CITATION.exec(part);
    if (!m) return { error: `"${part}" is not a source id (lower case, digits, "-"), optionally followed by a locator in parentheses` };
    citations.push({ id: m[1] as string, locator: m[2]?.trim() || null });
  }
  return { citations };
}

/** Splits at ";" outside parentheses, so a locator may hold one: `ozg-1a (Abs. 1; Abs. 3) ; ozg-1`. */
function splitOutsideParentheses(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of text) {
    if (ch === '(') depth++;
    else if (ch === ')') depth = Math.max(0, depth - 1);
    if (ch === ';' && depth === 0) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  parts.push(current);
  return parts;
}

/** The form stored on nodes and relationships (property `sources`): `id` or `id (locator)`. */
export function formatCitation(c: Citation): string {
  return c.locator ? `${c.id} (${c.locator})` : c.id;
}

/** Reads a stored citation back; `null` for a value that is not one. */
export function readCitation(stored: string): Citation | null {
  const m = CITATION.exec(stored.trim());
  return m ? { id: m[1] as string, locator: m[2]?.trim() || null } : null;
}

/** The host of an address in lower case without a leading "www.", or null when it is no http(s) URL. */
export function hostOf(url: string): string | null {
  try {
    const u = new URL(url);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    return u.hostname.toLowerCase().replace(/^www\./, '');
  } catch {
    return null;
  }
}

/** True when `host` is `domain` or one of its subdomains. */
export function hostMatches(host: string, domain: string): boolean {
  const d = domain.toLowerCase().replace(/^www\./, '');
  return host === d || host.endsWith(`.${d}`);
}

/** One entry of the source registry, as the loader validated it and the graph stores it. */
export interface SourceEntry {
  readonly id: string;
  /** The canonical address at the original publisher; absent only for `internal` notes. */
  readonly url: string | null;
  readonly publisher: string | null;
  readonly title: string | null;
  readonly kind: SourceKind;
  readonly language: string | null;
  readonly published: string | null;
  readonly retrieved: string | null;
  /** The copy the document was read from, when it was not read at its original address. */
  readonly via: string | null;
  readonly note: string | null;
  /** The title was not recorded and repeats the address. */
  readonly titleFromAddress: boolean;
}

/**
 * A domain on the deny-list of copy and scraper sites, and what it copies; with `path`, only addresses
 * under that path of the domain (an individual's repository on a code host).
 */
export interface DeniedDomain {
  readonly domain: string;
  readonly path?: string;
  readonly copies: string;
}

/** The deny-list entry an address falls under, or undefined. */
export function deniedEntry(url: string, denied: readonly DeniedDomain[]): DeniedDomain | undefined {
  const host = hostOf(url);
  if (host === null) return undefined;
  let pathname = '/';
  try {
    pathname = new URL(url).pathname.toLowerCase();
  } catch {
    return undefined;
  }
  return denied.find((d) => hostMatches(host, d.domain) && (d.path === undefined || pathname === d.path || pathname.startsWith(`${d.path}/`)));
}
