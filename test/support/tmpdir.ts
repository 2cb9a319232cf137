import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Makes a temporary folder with the given files (path → content); returns its path. */
export function tmpTree(files: Record<string, string>, prefix = 'dsg-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
  return dir;
}
