import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { deniedEntry, hostOf, SOURCE_ID, SOURCE_KINDS, type DeniedDomain, type SourceEntry, type SourceKind } from '../../model';
import { isMap, type SeedIssue } from '../graph';
import { seedSections } from './seedSections';

/** The source registry as read from the seed files: every entry once, and the deny-list. */
export interface SourceRegistry {
  readonly entries: ReadonlyMap<string, SourceEntry>;
  readonly denied: readonly DeniedDomain[];
}

/** The seed files in `dir` and its `links/` folder, sorted; the loader reads them in this order. */
export function seedFilePaths(dir: string): string[] {
  const list = (d: string): string[] =>
    fs.existsSync(d)
      ? fs
          .readdirSync(d)
          .filter((f) => f.endsWith('.yaml') || f.endsWith('.yml'))
          .sort()
          .map((f) => path.join(d, f))
      : [];
  return [...list(dir), ...list(path.join(dir, 'links')), ...list(path.join(dir, 'profiles'))];
}

const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;
const FIELDS = new Set(['id', 'url', 'publisher', 'title', 'kind', 'language', 'published', 'retrieved', 'via', 'note', 'titleFromAddress']);

/**
 * Reads the deny-list (`deny-list.yaml`) and every `sources:` section of the seed files. An entry
 * needs an id (unique across files), a kind, and an http(s) address (except internal notes) that is
 * on no denied domain and belongs to no other entry. Problems name file, entry and field.
 */
export function readSourceRegistry(dir: string, displayRoot: string = path.dirname(dir)): { registry: SourceRegistry; issues: SeedIssue[] } {
  const issues: SeedIssue[] = [];
  const denied = readDenyList(path.join(dir, 'deny-list.yaml'), displayRoot, issues);
  const entries = new Map<string, SourceEntry>();
  const where = new Map<string, string>();
  const byUrl = new Map<string, string>();
  for (const { file, list } of seedSections(dir, displayRoot, 'sources', issues)) {
    list.forEach((raw: unknown, index) => {
      const entry = `sources[${index}]${isMap(raw) && typeof raw.id === 'string' ? ` (id "${raw.id}")` : ''}`;
      const problem = (field: string, message: string): void => {
        issues.push({ file, entry, field, message });
      };
      const checked = checkSourceEntry(raw, denied);
      for (const p of checked.problems) problem(p.field, p.message);
      const e = checked.entry;
      if (!e) return;
      const id = e.id;
      if (e.url !== null) {
        const other = byUrl.get(normalizeUrl(e.url));
        if (other !== undefined && other !== id) problem('url', `"${e.url}" is already the address of source "${other}"; cite that id`);
        else byUrl.set(normalizeUrl(e.url), id);
      }
      const first = where.get(id);
      if (first !== undefined) return problem('id', `"${id}" is already defined at ${first}`);
      where.set(id, `${file}: ${entry}`);
      entries.set(id, e);
    });
  }
  return { registry: { entries, denied }, issues };
}

/**
 * The one check of a source registry entry (seed files' `sources:` sections and proposals' new
 * sources): known fields, an id, a kind, an http(s) address at the publisher (except internal notes)
 * that is on no denied domain, dates, and `via`. Uniqueness across entries is the caller's.
 */
export function checkSourceEntry(raw: unknown, denied: readonly DeniedDomain[]): { entry: SourceEntry | null; problems: { field: string; message: string }[] } {
  const problems: { field: string; message: string }[] = [];
  const problem = (field: string, message: string): void => {
    problems.push({ field, message });
  };
  if (!isMap(raw)) return { entry: null, problems: [{ field: '(entry)', message: 'must be a mapping' }] };
  for (const k of Object.keys(raw)) if (!FIELDS.has(k)) problem(k, `is no field of a source; allowed: ${[...FIELDS].join(', ')}`);
  const id = raw.id;
  if (typeof id !== 'string' || !SOURCE_ID.test(id)) return { entry: null, problems: [...problems, { field: 'id', message: `is required: lower case, digits and "-", got "${String(id ?? '')}"` }] };
  const kind = String(raw.kind ?? '');
  if (!(SOURCE_KINDS as readonly string[]).includes(kind)) problem('kind', `must be one of ${SOURCE_KINDS.join(', ')}, got "${kind}"`);
  const text = (k: string): string | null => (raw[k] === undefined || raw[k] === null || raw[k] === '' ? null : raw[k] instanceof Date ? (raw[k] as Date).toISOString().slice(0, 10) : String(raw[k]));
  const url = text('url');
  if (url === null) {
    if (kind !== 'internal') problem('url', 'is required (the canonical address at the original publisher)');
  } else {
    const host = hostOf(url);
    if (host === null) problem('url', `must be an http(s) address, got "${url}"`);
    else {
      const deny = deniedEntry(url, denied);
      if (deny) problem('url', `"${url}" is on the deny-list (${deny.domain}${deny.path ?? ''} copies ${deny.copies}); cite the original publisher's address`);
    }
  }
  for (const k of ['published', 'retrieved']) {
    const v = text(k);
    if (v !== null && !DATE.test(v)) problem(k, `must be YYYY, YYYY-MM or YYYY-MM-DD, got "${v}"`);
  }
  const via = text('via');
  if (via !== null) {
    const viaHost = hostOf(/^https?:/.test(via) ? via : `https://${via.split(/\s/)[0]}`);
    if (viaHost === null) problem('via', `must name the copy's address, got "${via}"`);
  }
  return {
    entry: { id, url, publisher: text('publisher'), title: text('title'), kind: kind as SourceKind, language: text('language'), published: text('published'), retrieved: text('retrieved'), via, note: text('note'), titleFromAddress: raw.titleFromAddress === true },
    problems,
  };
}

/** Reads the deny-list of `dir` (seeds/deny-list.yaml); problems go to `issues`. */
export function readDenyListOf(dir: string, displayRoot: string, issues: SeedIssue[]): DeniedDomain[] {
  return readDenyList(path.join(dir, 'deny-list.yaml'), displayRoot, issues);
}

function readDenyList(full: string, displayRoot: string, issues: SeedIssue[]): DeniedDomain[] {
  const file = path.relative(displayRoot, full);
  if (!fs.existsSync(full)) return [];
  let doc: unknown;
  try {
    doc = YAML.parse(fs.readFileSync(full, 'utf8'), { uniqueKeys: true });
  } catch (e) {
    issues.push({ file, entry: 'document', field: '(yaml)', message: `is not valid YAML: ${(e as Error).message.split('\n')[0]}` });
    return [];
  }
  const list = isMap(doc) ? doc.denied : undefined;
  if (!Array.isArray(list)) {
    issues.push({ file, entry: 'denied', field: '(section)', message: 'must be a list of {domain, copies}' });
    return [];
  }
  const out: DeniedDomain[] = [];
  list.forEach((raw: unknown, index) => {
    const entry = `denied[${index}]`;
    if (!isMap(raw) || typeof raw.domain !== 'string' || !/^[a-z0-9.-]+\.[a-z]{2,}$/i.test(raw.domain)) {
      issues.push({ file, entry, field: 'domain', message: 'must be a domain name such as example.com' });
      return;
    }
    if (raw.path !== undefined && (typeof raw.path !== 'string' || !/^\/[^\s?#]*[^/\s?#]$/.test(raw.path))) {
      issues.push({ file, entry, field: 'path', message: 'must be a path such as /some-user (no trailing "/")' });
      return;
    }
    if (typeof raw.copies !== 'string' || raw.copies.trim() === '') {
      issues.push({ file, entry, field: 'copies', message: 'is required: what the domain copies, or whose content it is not the publisher of' });
      return;
    }
    out.push({ domain: raw.domain.toLowerCase(), ...(typeof raw.path === 'string' ? { path: raw.path.toLowerCase() } : {}), copies: raw.copies });
  });
  return out;
}

/** Two addresses that differ only in scheme, "www.", the host's case or a trailing slash are one address. */
export function normalizeUrl(url: string): string {
  const m = /^https?:\/\/(?:www\.)?([^/?#]*)(.*)$/i.exec(url);
  return m ? `${(m[1] as string).toLowerCase()}${(m[2] as string).replace(/\/$/, '')}` : url;
}
