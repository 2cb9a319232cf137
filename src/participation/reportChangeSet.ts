import type { GraphView, Operation } from '../curation/changeSet';

/** One adoption an organisation reports: the item, its status and the date it holds from, and the services (graph ids) it covers. */
export interface AdoptionFact {
  readonly item: string;
  /** planned, piloting, in-use or retired (the model's spelling). */
  readonly status: string;
  readonly date: string;
  readonly services: readonly string[];
}

/** One use an organisation reports: a service it offers (graph id) uses an item. */
export interface UseFact {
  readonly service: string;
  readonly item: string;
}

/**
 * The links a report states, as additions (pure): ADOPTS from the organisation to each item with the
 * status of its latest report (by date; the earlier ones are history), OFFERS to each service named
 * and USES from the service to the item. Each link once.
 */
export function reportCandidates(org: string, adoptions: readonly AdoptionFact[], uses: readonly UseFact[]): Operation[] {
  const ops = new Map<string, Operation>();
  const add = (type: string, from: string, to: string, properties: Record<string, string>): void => {
    const key = `${type}|${from}|${to}`;
    if (!ops.has(key)) ops.set(key, { op: 'addLink', type, from, to, properties });
  };
  const latest = new Map<string, AdoptionFact>();
  for (const a of adoptions) {
    const seen = latest.get(a.item);
    if (!seen || a.date >= seen.date) latest.set(a.item, a);
  }
  for (const a of latest.values()) add('ADOPTS', org, a.item, { status: a.status, since: a.date });
  for (const a of adoptions) {
    for (const s of a.services) {
      add('OFFERS', org, s, {});
      add('USES', s, a.item, {});
    }
  }
  for (const u of uses) {
    add('OFFERS', org, u.service, {});
    add('USES', u.service, u.item, {});
  }
  return [...ops.values()];
}

/**
 * The change set of a report against the graph (pure): a link that exists already is left as it is,
 * except ADOPTS, whose status and date change when the report says otherwise; the rest are added.
 */
export function reportChangeSet(candidates: readonly Operation[], view: GraphView): Operation[] {
  const out: Operation[] = [];
  for (const op of candidates) {
    if (op.op !== 'addLink') {
      out.push(op);
      continue;
    }
    const existing = view.link(op.type, op.from, op.to);
    if (existing === null) {
      out.push(op);
      continue;
    }
    if (op.type !== 'ADOPTS') continue;
    const set = Object.fromEntries(Object.entries(op.properties).filter(([k, v]) => existing[k] !== v));
    if (Object.keys(set).length > 0) out.push({ op: 'changeLink', type: op.type, from: op.from, to: op.to, set, unset: [] });
  }
  return out;
}
