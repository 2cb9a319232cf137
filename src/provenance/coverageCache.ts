import { VersionCache } from '../cache/VersionCache';
import type { CoverageRecord } from './records';

/**
 * The coverage of the last graph version this process computed, shared across requests: computing it
 * is a pass over every service.
 */
export class CoverageCache extends VersionCache<CoverageRecord> {}

/** The process's cache (one graph per process). */
export const coverageCache = new CoverageCache();
