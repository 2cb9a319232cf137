import fs from 'node:fs';
import path from 'node:path';

/** What `restrictToOwner` changed, and what it could not change (with the reason). */
export interface OwnerOnlyResult {
  readonly tightened: readonly string[];
  readonly failed: readonly { readonly path: string; readonly reason: string }[];
}

/**
 * Takes every group and other permission bit off `dir` and everything under it (folders become
 * 0700, files 0600, as long as the owner had those bits), so that the store files, transaction
 * logs and the system database with its hashed credential are the owner's alone, also when an
 * older version wrote them 0755/0644. Symbolic links are not followed; a missing `dir` is no error.
 */
export function restrictToOwner(dir: string): OwnerOnlyResult {
  const tightened: string[] = [];
  const failed: { path: string; reason: string }[] = [];
  const visit = (p: string, stat: fs.Stats): void => {
    if ((stat.mode & 0o077) !== 0) {
      try {
        fs.chmodSync(p, stat.mode & 0o700);
        tightened.push(p);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'ENOENT') failed.push({ path: p, reason: (e as Error).message });
      }
    }
    if (!stat.isDirectory()) return;
    let names: string[];
    try {
      names = fs.readdirSync(p);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') failed.push({ path: p, reason: (e as Error).message });
      return;
    }
    for (const name of names) {
      const child = path.join(p, name);
      let childStat: fs.Stats;
      try {
        childStat = fs.lstatSync(child);
      } catch {
        continue; // gone meanwhile
      }
      if (!childStat.isSymbolicLink()) visit(child, childStat);
    }
  };
  let root: fs.Stats;
  try {
    root = fs.statSync(dir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { tightened, failed };
    throw e;
  }
  visit(dir, root);
  return { tightened, failed };
}
