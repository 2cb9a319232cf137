import { checkpoint } from '../cpu/checkpoint';
import { inEu, type StewardType } from '../model';
import type { UseGraph } from './engine';

/** Kinds of risk a component or standard passes on to what depends on it. */
export const RISK_KINDS = ['lifecycle_hold', 'lifecycle_retire', 'end_of_support_passed', 'end_of_support_near', 'licence_source_available', 'licence_proprietary', 'steward_outside_eu', 'criterion_not_met', 'licence_changed'] as const;
export type RiskKind = (typeof RISK_KINDS)[number];

/** What the graph says about an item that may make it a risk. */
export interface ItemRiskFacts {
  readonly id: string;
  readonly stage: string | null;
  readonly endOfSupport: string | null;
  readonly licenceClass: string | null;
  readonly licence: string | null;
  readonly label: 'Component' | 'Standard';
  readonly steward: string | null;
  readonly stewardCountry: string | null;
  /** vendor, body (standards body, foundation, community) or public-body; null without a steward. */
  readonly stewardType: StewardType | null;
  readonly euCheck: boolean | null;
  readonly notMet: readonly string[];
  /** Dated licence and price-model changes of the item (Event ids with their dates). */
  readonly licenceChanges?: readonly string[];
}

/** One risk of one item, with what it rests on. */
export interface ItemRisk {
  readonly kind: RiskKind;
  readonly item: string;
  readonly detail: string;
}

/** An end of support within this many days counts as near. */
export const NEAR_DAYS = 365;

/** The risks of an item on `today` (YYYY-MM-DD). */
export function risksOf(f: ItemRiskFacts, today: string): ItemRisk[] {
  const out: ItemRisk[] = [];
  const add = (kind: RiskKind, detail: string): void => {
    out.push({ kind, item: f.id, detail });
  };
  if (f.stage === 'hold') add('lifecycle_hold', 'stage hold in the Deutschland-Stack');
  if (f.stage === 'retire') add('lifecycle_retire', 'stage retire in the Deutschland-Stack');
  if (f.endOfSupport) {
    const near = new Date(Date.parse(`${today}T00:00:00Z`) + NEAR_DAYS * 86_400_000).toISOString().slice(0, 10);
    if (f.endOfSupport <= today) add('end_of_support_passed', `end of support ${f.endOfSupport}`);
    else if (f.endOfSupport <= near) add('end_of_support_near', `end of support ${f.endOfSupport} (within ${NEAR_DAYS} days)`);
  }
  if (f.licenceClass === 'source-available') add('licence_source_available', `licence ${String(f.licence)} (source-available)`);
  if (f.licenceClass === 'proprietary') add('licence_proprietary', `licence ${String(f.licence)} (proprietary)`);
  // A vendor outside the EU is a risk; a standards body's or foundation's seat is not (it controls no
  // product), and a standard without a vendor steward has none. Without a steward's stated seat, a
  // component falls back to the landscape's euHeadquartered check.
  if (f.stewardCountry && f.stewardType === 'vendor') {
    if (!inEu(f.stewardCountry)) add('steward_outside_eu', `vendor ${String(f.steward)} (${f.stewardCountry})`);
  } else if (!f.stewardCountry && f.stewardType !== 'body' && f.stewardType !== 'public-body' && f.label === 'Component' && f.euCheck === false) {
    add('steward_outside_eu', "outside the EU by the landscape's euHeadquartered check");
  }
  for (const c of f.notMet) add('criterion_not_met', `D-Stack criterion not met: ${c}`);
  if (f.licenceChanges && f.licenceChanges.length > 0) add('licence_changed', `licence or price model changed: ${f.licenceChanges.join(', ')}`);
  return out;
}

/** Items lost today for a what-if: retired in the Deutschland-Stack or past their end of support. */
export function lostToday(facts: readonly ItemRiskFacts[], today: string): Set<string> {
  return new Set(facts.filter((f) => f.stage === 'retire' || (f.endOfSupport !== null && f.endOfSupport <= today)).map((f) => f.id));
}

/**
 * The shortest chain from a consumer to each item it depends on: over its uses, then DEPENDS_ON and
 * IMPLEMENTS, up to `maxDepth` hops. The chain starts at the consumer and ends at the item.
 */
export function chainsFrom(graph: UseGraph, start: string, maxDepth: number): Map<string, string[]> {
  const prev = new Map<string, string>();
  const seen = new Set([start]);
  let frontier = [start];
  const out = new Map<string, string[]>();
  for (let d = 1; d <= maxDepth && frontier.length > 0; d++) {
    const next: string[] = [];
    for (const x of frontier) {
      for (const e of [...(graph.usesOf.get(x) ?? [])].sort((a, b) => (a.to < b.to ? -1 : 1))) {
        checkpoint();
        if (seen.has(e.to)) continue;
        seen.add(e.to);
        prev.set(e.to, x);
        next.push(e.to);
      }
    }
    frontier = next;
  }
  for (const id of seen) {
    if (id === start) continue;
    const chain = [id];
    let x = id;
    while (prev.has(x)) {
      x = prev.get(x) as string;
      chain.unshift(x);
    }
    out.set(id, chain);
  }
  return out;
}

/**
 * The services that depend on any of `items` within `maxDepth` hops, each with its shortest chain
 * (service first, the item last): a breadth-first search backwards from the items.
 */
export function servicesReaching(graph: UseGraph, items: readonly string[], maxDepth: number): Map<string, string[]> {
  const next = new Map<string, string>();
  const seen = new Set(items);
  let frontier = [...items].sort();
  const services = new Map<string, string[]>();
  for (let d = 1; d <= maxDepth && frontier.length > 0; d++) {
    const level: string[] = [];
    for (const x of frontier) {
      for (const e of graph.consumersOf.get(x) ?? []) {
        checkpoint();
        if (seen.has(e.from)) continue;
        seen.add(e.from);
        next.set(e.from, x);
        if (e.fromLabel === 'Service') {
          const chain = [e.from];
          let y = e.from;
          while (next.has(y)) {
            y = next.get(y) as string;
            chain.push(y);
          }
          services.set(e.from, chain);
        } else level.push(e.from);
      }
    }
    frontier = level.sort();
  }
  return services;
}
