import type { Database } from '../neo4j/db';
import { curatedSeedFile } from './curatedFile';
import { overlayEntryOf } from './readOverlay';
import { acceptedProposals, curatedSources } from './repository';

/** The accepted overlay and the registry entries it added, as the seed file `curated.yaml`. */
export async function exportCurated(db: Pick<Database, 'read'>, exportedAt = new Date().toISOString()): Promise<{ text: string; proposals: number; sources: number }> {
  const [accepted, sources] = await db.read(async (tx) => [await acceptedProposals(tx), await curatedSources(tx)] as const);
  const entries = accepted.map((p) => ({ ...overlayEntryOf(p), reason: String(p.reason ?? '') }));
  return { text: curatedSeedFile(entries, sources, exportedAt), proposals: entries.length, sources: sources.length };
}
