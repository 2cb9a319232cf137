import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { deniedEntry, hostMatches, hostOf, type DeniedDomain } from '../model';
import type { CitedSource } from './citations';
import { isMap, type SeedIssue } from './graph';

/** A host whose registry entries were reviewed: it publishes what it is cited for. */
export interface ReviewedHost {
  readonly host: string;
  /** Who publishes there, as the review found it. */
  readonly publisher: string;
}

/** A registry host nobody has reviewed yet, with how much rests on it. */
export interface UnreviewedHost {
  readonly host: string;
  readonly entries: number;
  /** Nodes and relationships citing its entries. */
  readonly facts: number;
}

/** The file of reviewed hosts inside the seeds folder. */
export const HOSTS_FILE = 'hosts.yaml';

/**
 * Reads `seeds/hosts.yaml` (`reviewed: [{host, publisher}]`). A host given twice, or one that is also
 * on the deny-list, is a problem naming file, entry and field.
 */
export function readReviewedHosts(seedsDir: string, displayRoot: string, denied: readonly DeniedDomain[]): { hosts: ReviewedHost[]; issues: SeedIssue[] } {
  const full = path.join(seedsDir, HOSTS_FILE);
  const file = path.relative(displayRoot, full);
  const issues: SeedIssue[] = [];
  if (!fs.existsSync(full)) return { hosts: [], issues };
  let doc: unknown;
  try {
    doc = YAML.parse(fs.readFileSync(full, 'utf8'), { uniqueKeys: true });
  } catch (e) {
    return { hosts: [], issues: [{ file, entry: 'document', field: '(yaml)', message: `is not valid YAML: ${(e as Error).message.split('\n')[0]}` }] };
  }
  const list = isMap(doc) ? doc.reviewed : undefined;
  if (!Array.isArray(list)) return { hosts: [], issues: [{ file, entry: 'reviewed', field: '(section)', message: 'must be a list of {host, publisher}' }] };
  const hosts: ReviewedHost[] = [];
  const seen = new Set<string>();
  list.forEach((raw: unknown, index) => {
    const entry = `reviewed[${index}]${isMap(raw) && typeof raw.host === 'string' ? ` ("${raw.host}")` : ''}`;
    if (!isMap(raw) || typeof raw.host !== 'string' || !/^[a-z0-9.-]+\.[a-z]{2,}$/.test(raw.host)) return void issues.push({ file, entry, field: 'host', message: 'must be a host name in lower case without "www.", such as bsi.bund.de' });
    if (typeof raw.publisher !== 'string' || raw.publisher.trim() === '') return void issues.push({ file, entry, field: 'publisher', message: 'is required: who publishes on that host' });
    if (seen.has(raw.host)) return void issues.push({ file, entry, field: 'host', message: `"${raw.host}" is reviewed twice` });
    const deny = deniedEntry(`https://${raw.host}/`, denied);
    if (deny && deny.path === undefined) return void issues.push({ file, entry, field: 'host', message: `"${raw.host}" is on the deny-list (${deny.domain}); a denied host is not reviewed` });
    seen.add(raw.host);
    hosts.push({ host: raw.host, publisher: raw.publisher.trim() });
  });
  return { hosts, issues };
}

/**
 * The hosts of registry entries that no review covers (a reviewed host covers its subdomains), the
 * ones most cited first: the lint of `npm run seed -- --check`.
 */
export function unreviewedHosts(sources: readonly CitedSource[], reviewed: readonly ReviewedHost[]): UnreviewedHost[] {
  const byHost = new Map<string, { entries: number; facts: number }>();
  for (const s of sources) {
    const host = s.url ? hostOf(s.url) : null;
    if (host === null || reviewed.some((r) => hostMatches(host, r.host))) continue;
    const h = byHost.get(host) ?? { entries: 0, facts: 0 };
    h.entries += 1;
    h.facts += s.nodeCount + s.relationshipCount;
    byHost.set(host, h);
  }
  return [...byHost.entries()].map(([host, h]) => ({ host, ...h })).sort((a, b) => b.facts - a.facts || a.host.localeCompare(b.host));
}

/** The lint as lines for a terminal: how many hosts are not reviewed, and the first `max` of them. */
export function formatHostReview(hosts: readonly UnreviewedHost[], total: number, max = 40): string {
  if (hosts.length === 0) return `hosts: all ${total} hosts of the registry are reviewed (seeds/${HOSTS_FILE})\n`;
  const lines = [`hosts: ${hosts.length} of ${total} hosts of the registry are not reviewed yet; check each publishes what it is cited for, then add it to seeds/${HOSTS_FILE} (or to seeds/deny-list.yaml):`];
  for (const h of hosts.slice(0, max)) lines.push(`  ${h.host.padEnd(44)} ${String(h.entries).padStart(3)} entries ${String(h.facts).padStart(6)} facts`);
  if (hosts.length > max) lines.push(`  ... and ${hosts.length - max} more`);
  return `${lines.join('\n')}\n`;
}
