import type { PropValue } from '../seed/graph';

/**
 * The evidence of the facts an accepted proposal writes: `reported` for what an organisation states
 * through the API itself (its reports, its inclusion decisions and granted exceptions), else `sourced`.
 */
export function evidenceOf(p: Readonly<Record<string, PropValue | null>>): 'sourced' | 'reported' {
  return p.kind === 'change' || p.kind === undefined || p.kind === null ? 'sourced' : 'reported';
}
