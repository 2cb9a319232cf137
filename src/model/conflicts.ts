/**
 * A fact two statements give different values for, and how the loader resolved it: the value that
 * holds, the value it overrode, where each was stated, and why the one holds.
 */
export interface FactConflict {
  /** The fact: a profile field (licence, steward, endOfSupport, ...) or a property of the item. */
  readonly field: string;
  readonly value: string;
  readonly overridden: string;
  /** Where the value that holds was stated (file and entry, or the data set). */
  readonly statedAt: string;
  /** Where the overridden value was stated. */
  readonly overriddenAt: string;
  /** Why the value holds: the override's stated reason, or the rule that researched facts beat a data set's value. */
  readonly reason: string;
}

/** The reason recorded when a seed file's researched value replaces a data set's. */
export const RESEARCH_OVER_DATASET = "a researched fact of the seed files replaces the data set's value";

/** Reads the stored conflicts of an item back (texts that are not a conflict are skipped). */
export function readConflicts(stored: unknown): FactConflict[] {
  if (!Array.isArray(stored)) return [];
  const out: FactConflict[] = [];
  for (const s of stored) {
    try {
      const c = JSON.parse(String(s)) as FactConflict;
      if (typeof c.field === 'string' && typeof c.value === 'string') out.push(c);
    } catch {
      // not a conflict record
    }
  }
  return out;
}

/** Item properties whose differing values between a data set and a seed file are conflicts of fact (not wording). */
export function isFactProperty(key: string): boolean {
  return !/^(id|name|nameEn|description|descriptionEn|note|source|sources|evidence|tags|aliases|conflicts|origin|kind|enrichable)$/.test(key);
}
