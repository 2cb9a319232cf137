import { readCuratedEntry } from '../../curation/curatedFile';
import type { OverlayEntry } from '../../curation/overlay';
import { isMap, type SeedIssue } from '../graph';
import { seedSections } from './seedSections';

/** A curated entry with where it was read, for messages. */
export interface LocatedOverlayEntry extends OverlayEntry {
  readonly file: string;
  readonly entry: string;
}

/** Reads every `curation:` section of the seed files (an export of accepted proposals), in file order. */
export function readCuratedSections(dir: string, displayRoot: string): { entries: LocatedOverlayEntry[]; issues: SeedIssue[] } {
  const entries: LocatedOverlayEntry[] = [];
  const issues: SeedIssue[] = [];
  for (const { file, list } of seedSections(dir, displayRoot, 'curation', issues)) {
    list.forEach((raw: unknown, i) => {
      const entry = `curation[${i}]${isMap(raw) && typeof raw.proposal === 'string' ? ` (${raw.proposal})` : ''}`;
      const r = readCuratedEntry(raw);
      for (const p of r.problems) issues.push({ file, entry, field: p.field, message: p.message });
      if (r.entry) entries.push({ ...r.entry, file, entry });
    });
  }
  return { entries, issues };
}
