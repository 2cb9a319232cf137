import { compareSignatures, formatDiffs, type Signature } from './compare';
import type { MixParams, MixQuery } from './mix';

/** The three ways the mix is read. */
export const TARGETS = ['api', 'raw', 'peer'] as const;
export type TargetName = (typeof TARGETS)[number];

/**
 * Runs one query of the mix on one target and returns its answer (GraphQL data, or raw rows).
 * `cacheable` is false for every timed query except the repeated read: a server's response cache
 * is then bypassed (Cache-Control: no-cache), so the rows compare computed answers.
 */
export type Executor = (target: TargetName, query: MixQuery, params: MixParams, cacheable: boolean) => Promise<unknown>;

/** Timings in ms per query key and target. */
export type Timings = Record<string, Record<TargetName, number[]>>;

/** The key of the extra row: query 1 run twice in a row, the second one timed. */
export const REPEATED_READ = 'repeatedRead';

/**
 * The order of the targets in iteration `i` for the query at `k`: rotated by i + k, so each target
 * runs first, second and third equally often and noise hits all three alike.
 */
export function rotation(i: number, k: number): TargetName[] {
  const s = (i + k) % TARGETS.length;
  return [...TARGETS.slice(s), ...TARGETS.slice(0, s)];
}

/** Signature of one target's answer. */
function signatureOf(target: TargetName, query: MixQuery, answer: unknown): Signature {
  return target === 'raw' ? query.signature.raw(answer as unknown[]) : query.signature[target](answer);
}

/** One failed agreement check: which query, which target, and the readable diff or error. */
export interface Mismatch {
  readonly query: string;
  readonly target: TargetName;
  /** `diff`: the target answered other ids than raw Cypher; `error`: it did not answer. */
  readonly kind: 'diff' | 'error';
  readonly text: string;
}

/** The key of a (query, target) pair, e.g. in the set of pairs a timed run skips. */
export const pairKey = (query: string, target: TargetName): string => `${query}:${target}`;

/** Receives each query's signatures (a target that failed has none), in the order of the mix. */
export type OnSignatures = (query: string, signatures: Partial<Record<TargetName, Signature>>) => void;

/** Runs one query on the three targets (one after the other) and compares the API and the peer with raw Cypher. */
async function verifyQuery(q: MixQuery, params: MixParams, exec: Executor): Promise<{ sigs: Partial<Record<TargetName, Signature>>; mismatches: Mismatch[] }> {
  const out: Mismatch[] = [];
  const sigs: Partial<Record<TargetName, Signature>> = {};
  for (const t of TARGETS) {
    try {
      sigs[t] = signatureOf(t, q, await exec(t, q, params, false));
    } catch (e) {
      out.push({ query: q.key, target: t, kind: 'error', text: `${q.key}: ${t} failed: ${(e as Error).message}` });
    }
  }
  const raw = sigs.raw;
  if (raw && out.length === 0) {
    for (const t of ['api', 'peer'] as const) {
      const diffs = compareSignatures(raw, sigs[t] as Signature);
      if (diffs.length > 0) out.push({ query: q.key, target: t, kind: 'diff', text: formatDiffs(q.key, 'raw', t, diffs) });
    }
  }
  return { sigs, mismatches: out };
}

/**
 * Runs every query once on every target, one request at a time, and compares the API and the peer
 * with the raw baseline; failures count as mismatches.
 */
export async function verifyMix(mix: readonly MixQuery[], params: MixParams, exec: Executor, onSignatures?: OnSignatures): Promise<Mismatch[]> {
  const out: Mismatch[] = [];
  for (const q of mix) {
    const { sigs, mismatches } = await verifyQuery(q, params, exec);
    onSignatures?.(q.key, sigs);
    out.push(...mismatches);
  }
  return out;
}

/** Options of a timed run. */
export interface TimeOptions {
  readonly runs: number;
  readonly warmup: number;
  /** The query whose second of two back-to-back reads is the "repeated read" row (absent: no row). */
  readonly repeated?: MixQuery;
  /** (query, target) pairs not run (they failed the check); their timings stay empty. */
  readonly skip?: ReadonlySet<string>;
  readonly now?: () => number;
  readonly onIteration?: (done: number, total: number) => void;
}

/**
 * Warm-up iterations (untimed), then `runs` iterations; in each, every query runs on every target in
 * the rotated order, timed one by one (sequential: one request at a time). The repeated read runs
 * its query twice, cacheable, and times the second.
 */
export async function timeMix(mix: readonly MixQuery[], params: MixParams, exec: Executor, options: TimeOptions): Promise<Timings> {
  const now = options.now ?? (() => performance.now());
  const entries: { key: string; query: MixQuery; repeat: boolean }[] = mix.map((q) => ({ key: q.key, query: q, repeat: false }));
  if (options.repeated) entries.push({ key: REPEATED_READ, query: options.repeated, repeat: true });
  const timings: Timings = {};
  for (const e of entries) timings[e.key] = { api: [], raw: [], peer: [] };
  const total = options.warmup + options.runs;
  for (let i = 0; i < total; i++) {
    for (const [k, e] of entries.entries()) {
      for (const t of rotation(i, k)) {
        if (options.skip?.has(pairKey(e.query.key, t))) continue;
        if (e.repeat) await exec(t, e.query, params, true);
        const t0 = now();
        await exec(t, e.query, params, e.repeat);
        const ms = now() - t0;
        if (i >= options.warmup) timings[e.key]![t].push(ms);
      }
    }
    options.onIteration?.(i + 1, total);
  }
  return timings;
}
