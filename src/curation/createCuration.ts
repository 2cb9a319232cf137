import path from 'node:path';
import type { AuthConfig } from '../config';
import type { Logger } from '../logger';
import { MODEL } from '../model';
import { projectRoot } from '../paths';
import { formatIssue, type SeedIssue } from '../seed/graph';
import { readDenyListOf } from '../seed/sources/registry';
import { Curation } from './Curation';
import type { Notifier } from './Notifier';
import { WriteLimiter } from './WriteLimiter';

/** The write side of one process: the model, the seeds' deny-list, and the write limits of `auth`. */
export function createCuration(auth: AuthConfig | undefined, log: Logger, notifier?: Notifier): Curation {
  const issues: SeedIssue[] = [];
  const denied = readDenyListOf(path.join(projectRoot, 'seeds'), projectRoot, issues);
  for (const i of issues) log.warn({ issue: formatIssue(i) }, 'the deny-list has a problem; new sources are checked against what could be read');
  return new Curation({ model: MODEL, denied, maxOperations: auth?.proposalMaxOperations ?? 500, limiter: new WriteLimiter(auth?.writeRatePerMinute ?? 30), notifier });
}
