import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { readCuratedEntry } from '../../curation/curatedFile';
import type { OverlayEntry } from '../../curation/overlay';
import { isMap, type SeedIssue } from '../graph';
import { seedFilePaths } from './registry';

/** A curated entry with where it was read, for messages. */
export interface LocatedOverlayEntry extends OverlayEntry {
  readonly file: string;
  readonly entry: string;
}

/** Reads every `curation:` section of the seed files (an export of accepted proposals), in file order. */
export function readCuratedSections(dir: string, displayRoot: string): { entries: LocatedOverlayEntry[]; issues: SeedIssue[] } {
  const entries: LocatedOverlayEntry[] = [];
  const issues: SeedIssue[] = [];
  for (const full of seedFilePaths(dir)) {
    const file = path.relative(displayRoot, full);
    let doc: unknown;
    try {
      doc = YAML.parse(fs.readFileSync(full, 'utf8'), { uniqueKeys: true });
    } catch {
      continue; // readSeedFiles reports the YAML error
    }
    const list = isMap(doc) ? doc.curation : undefined;
    if (list === undefined || list === null) continue;
    if (!Array.isArray(list)) {
      issues.push({ file, entry: 'curation', field: '(section)', message: 'must be a list' });
      continue;
    }
    list.forEach((raw: unknown, i) => {
      const entry = `curation[${i}]${isMap(raw) && typeof raw.proposal === 'string' ? ` (${raw.proposal})` : ''}`;
      const r = readCuratedEntry(raw);
      for (const p of r.problems) issues.push({ file, entry, field: p.field, message: p.message });
      if (r.entry) entries.push({ ...r.entry, file, entry });
    });
  }
  return { entries, issues };
}
