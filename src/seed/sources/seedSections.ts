import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { isMap, type SeedIssue } from '../graph';
import { seedFilePaths } from './registry';

/**
 * The lists under the top-level key `key` of every seed file, in file order, with the file's path
 * relative to `displayRoot`; a value that is no list is an issue. A file that is no valid YAML is
 * left out (readSeedFiles reports it).
 */
export function seedSections(dir: string, displayRoot: string, key: string, issues: SeedIssue[]): { file: string; list: unknown[] }[] {
  const out: { file: string; list: unknown[] }[] = [];
  for (const full of seedFilePaths(dir)) {
    const file = path.relative(displayRoot, full);
    let doc: unknown;
    try {
      doc = YAML.parse(fs.readFileSync(full, 'utf8'), { uniqueKeys: true });
    } catch {
      continue;
    }
    const list = isMap(doc) ? doc[key] : undefined;
    if (list === undefined || list === null) continue;
    if (!Array.isArray(list)) {
      issues.push({ file, entry: key, field: '(section)', message: 'must be a list' });
      continue;
    }
    out.push({ file, list });
  }
  return out;
}
