import type { Context } from '../context';
import { InputError, NotFoundError } from '../errors';
import type { Resolvers } from '../generated/graphql';
import { loadAll } from '../graph/loadAll';
import type { NodeRecord } from '../graph/records';
import { RELATION_FIELDS } from '../graph/relations';
import { checkRange, decodeCursor, encodeCursor, fromGraphQLEnum, toGraphQLEnum } from '../graph/validate';
import {
  ASSESSMENT_LEVELS,
  ASSESSMENT_MAPPING_ID,
  CRITERIA_INDICATORS,
  DSTACK_CRITERIA,
  INDICATORS,
  LEVEL_POINTS,
  LEVEL_RULE,
  formatCitation,
  inEu,
  parseCitations,
} from '../model';
import { citations } from '../provenance/resolvers';
import { rank } from './ranking';
import type { AssessmentRow, ChangeRecord, InclusionRow, ProfileRow } from './repository';


/** The rationale the D-Stack data set gives every item alike. */
const GENERIC_RATIONALES = new Set(['Integriert in den Deutschland Stack', 'Integrated into Germany Stack']);

/** A fact's citations: a stored list (`id (locator)`) or one text of several (`a ; b`). */
function citationList(stored: unknown): string[] {
  if (Array.isArray(stored)) return stored.map(String);
  if (typeof stored !== 'string' || stored === '') return [];
  const parsed = parseCitations(stored);
  return 'citations' in parsed ? parsed.citations.map(formatCitation) : [];
}

const list = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : []);
const at = (xs: string[], i: number): string | null => (xs[i] === undefined || xs[i] === '' ? null : (xs[i] as string));

/** The Profile answer of one item (organisations by id; their fields resolve through the node loader). */
function profileOf(row: ProfileRow) {
  const p = row.item;
  const licence = typeof p.licence === 'string' && typeof p.licenceClass === 'string'
    ? { spdx: p.licence, class: toGraphQLEnum(p.licenceClass), evidence: String(p.licenceEvidence ?? 'sourced'), sources: citationList(p.licenceSources) }
    : null;
  const steward = row.steward
    ? { organization: row.steward.org, via: 'STEWARDS', evidence: row.steward.evidence, sources: row.steward.sources }
    : row.maintainer
      ? { organization: row.maintainer.org, via: 'MAINTAINS', evidence: 'inferred', sources: row.maintainer.sources }
      : null;
  const org = steward?.organization;
  const checksTrue = list(p.checksTrue);
  const checksFalse = list(p.checksFalse);
  const jurisdiction =
    org && typeof org.country === 'string'
      ? {
          country: org.country,
          inEu: inEu(org.country),
          basis: org.countryEvidence === 'inferred' ? `the steward ${org.name} is ${String(org.countryNote ?? 'assumed to sit in this country')}` : `the stated seat of the steward ${org.name}`,
          evidence: steward?.evidence === 'inferred' || org.countryEvidence === 'inferred' ? 'inferred' : 'sourced',
          sources: citationList(org.countrySources),
        }
      : checksTrue.includes('euHeadquartered') || checksFalse.includes('euHeadquartered')
        ? {
            country: null,
            inEu: checksTrue.includes('euHeadquartered'),
            basis: "the D-Stack landscape's sovereignty check euHeadquartered",
            evidence: 'sourced',
            sources: [`dstack-landscape (items/${String(p.id)}.json)`],
          }
        : null;
  const models = list(p.operatingModels);
  const modelBy = list(p.operatingModelBy);
  const modelSources = list(p.operatingModelSources);
  const modelEvidence = list(p.operatingModelEvidence);
  const channels = list(p.obtainChannels);
  const obtainBy = list(p.obtainBy);
  const obtainUrls = list(p.obtainUrls);
  const obtainSources = list(p.obtainSources);
  const obtainEvidence = list(p.obtainEvidence);
  const schemes = list(p.attestations);
  const holders = list(p.attestationHolders);
  const scopes = list(p.attestationScopes);
  const dates = list(p.attestationDates);
  const attSources = list(p.attestationSources);
  const attEvidence = list(p.attestationEvidence);
  const profile = {
    licence,
    openSource: typeof p.openSource === 'boolean' ? p.openSource : null,
    licenceConflict: typeof p.licenceConflict === 'string' ? p.licenceConflict : null,
    steward,
    jurisdiction,
    operatingModels: models.map((m, i) => ({ model: toGraphQLEnum(m), by: at(modelBy, i), evidence: modelEvidence[i] ?? 'sourced', sources: citationList(modelSources[i]) })),
    obtain: channels.map((c, i) => ({ channel: c, by: at(obtainBy, i), url: at(obtainUrls, i), evidence: obtainEvidence[i] ?? 'sourced', sources: citationList(obtainSources[i]) })),
    attestations: schemes.map((s, i) => ({ scheme: s, holder: at(holders, i), scope: at(scopes, i), date: at(dates, i), evidence: attEvidence[i] ?? 'sourced', sources: citationList(attSources[i]) })),
    accessibility:
      typeof p.accessibility === 'string'
        ? { standard: p.accessibility, level: p.accessibilityLevel ?? null, conformance: p.accessibilityConformance ?? null, evidence: String(p.accessibilityEvidence ?? 'sourced'), sources: citationList(p.accessibilitySources) }
        : null,
    endOfSupport: typeof p.endOfSupport === 'string' ? { date: p.endOfSupport, evidence: String(p.endOfSupportEvidence ?? 'sourced'), sources: citationList(p.endOfSupportSources) } : null,
  };
  const unknown = [
    ['licence', profile.licence],
    ['steward', profile.steward],
    ['jurisdiction', profile.jurisdiction],
    ['operatingModels', profile.operatingModels.length > 0],
    ['obtain', profile.obtain.length > 0],
    ['attestations', profile.attestations.length > 0],
    ['accessibility', profile.accessibility],
  ]
    .filter(([, v]) => !v)
    .map(([k]) => k as string);
  return { ...profile, unknown };
}

function assessmentOf(a: AssessmentRow) {
  return {
    criterion: a.criterion,
    level: toGraphQLEnum(a.level),
    evidence: a.evidence,
    mapping: a.mapping,
    decision: a.decision,
    indicators: a.indicators.map((s) => {
      const [indicator = s, value = 'unknown'] = s.split('=');
      return { indicator, value: value === 'true' ? true : value === 'false' ? false : null, description: INDICATORS[indicator]?.description ?? '' };
    }),
    sources: a.sources,
  };
}

function inclusionOf(stack: NodeRecord, r: Record<string, unknown>) {
  const rationale = typeof r.rationale === 'string' ? r.rationale : null;
  return {
    stack,
    status: r.status ?? null,
    stage: r.stage ?? null,
    stageBasis: r.stageBasis ?? null,
    since: r.since ?? null,
    until: r.until ?? null,
    role: r.role ?? null,
    rationale,
    rationaleIsGeneric: rationale === null || GENERIC_RATIONALES.has(rationale.trim()),
    listedIn: r.listedIn ?? null,
    sources: list(r.sources),
  };
}

/** An ISO 8601 date or date-time as the change log stores it (UTC, milliseconds). */
function isoTime(name: string, v: string): string {
  const t = /^\d{4}-\d{2}-\d{2}$/.test(v) ? Date.parse(`${v}T00:00:00Z`) : /^\d{4}-\d{2}-\d{2}T/.test(v) ? Date.parse(v) : Number.NaN;
  if (Number.isNaN(t)) throw new InputError(`${name} must be an ISO 8601 date or date-time (2026-12-01 or 2026-12-01T10:00:00Z), got "${v}"`, { argument: name });
  return new Date(t).toISOString();
}

/** The node an optional fact names (an organisation, a decision), through the request's node loader. */
const byId = (id: unknown, ctx: Context): Promise<NodeRecord | null> | null => (typeof id === 'string' ? ctx.loaders.graph.nodeById.load(id) : null);
const sourcesOf = (x: { sources?: unknown }, _a: unknown, ctx: Context) => citations(x.sources, ctx);
const nodeOf = (id: string, ctx: Context) => ctx.loaders.graph.nodeById.load(id);

type RankingArgs = {
  weights: { criterion: string; weight: number }[];
  filter?: { labels?: string[] | null; layer?: string | null; stack?: string | null; licenceClass?: string[] | null; operatingModel?: string[] | null; stage?: string[] | null } | null;
  first?: number | null;
  after?: string | null;
};

/** Resolvers of schema/profiles.graphql and the `history` field of every node type. */
export function profileResolvers(): Resolvers {
  const item = {
    profile: async (n: NodeRecord, _a: unknown, ctx: Context) => {
      const row = await ctx.loaders.profiles.profileById.load(n.id);
      return profileOf(row ?? { item: { id: n.id }, steward: null, maintainer: null });
    },
    criteriaAssessments: async (n: NodeRecord, _a: unknown, ctx: Context) => (await ctx.loaders.profiles.assessmentsById.load(n.id)).map(assessmentOf),
    lifecycle: async (n: NodeRecord, _a: unknown, ctx: Context) => (await ctx.loaders.profiles.inclusionsById.load(n.id)).map((i: InclusionRow) => inclusionOf(i.stack, i.props)),
  };
  const resolvers: Record<string, Record<string, unknown>> = {
    Query: {
      criteriaMapping: () => ({
        id: ASSESSMENT_MAPPING_ID,
        rule: LEVEL_RULE,
        points: ASSESSMENT_LEVELS.map((l) => ({ level: toGraphQLEnum(l), points: LEVEL_POINTS[l] })),
        criteria: DSTACK_CRITERIA.map((c) => ({ criterion: c, indicators: CRITERIA_INDICATORS[c] })),
        indicators: Object.entries(INDICATORS).map(([indicator, d]) => ({ indicator, description: d.description, appliesTo: d.appliesTo ?? null })),
      }),
      ranking: async (_p: unknown, args: RankingArgs, ctx: Context) => {
        const first = checkRange('first', args.first, 1, 300, 20);
        const skip = args.after ? decodeCursor(args.after) + 1 : 0;
        const weights: Record<string, number> = {};
        for (const w of args.weights) {
          if (!DSTACK_CRITERIA.includes(w.criterion)) throw new InputError(`weights: "${w.criterion}" is no D-Stack criterion; use ${DSTACK_CRITERIA.join(', ')}`, { argument: 'weights' });
          if (!Number.isFinite(w.weight) || w.weight < 0 || w.weight > 1000) throw new InputError(`weights: the weight of ${w.criterion} must be from 0 to 1000, got ${w.weight}`, { argument: 'weights' });
          if (w.criterion in weights) throw new InputError(`weights: ${w.criterion} is given twice`, { argument: 'weights' });
          weights[w.criterion] = w.weight;
        }
        if (!Object.values(weights).some((w) => w > 0)) throw new InputError('weights: at least one criterion needs a weight above 0', { argument: 'weights' });
        const f = args.filter ?? {};
        const labels = f.labels ?? ['Component', 'Standard'];
        const bad = labels.filter((l) => l !== 'Component' && l !== 'Standard');
        if (bad.length > 0 || labels.length === 0) throw new InputError(`filter.labels must be Component and/or Standard, got ${labels.join(', ') || 'nothing'}`, { argument: 'filter.labels' });
        const candidates = await ctx.loaders.profiles.candidates(
          {
            labels,
            layer: f.layer ?? null,
            stack: f.stack ?? null,
            licenceClasses: f.licenceClass ? f.licenceClass.map(fromGraphQLEnum) : null,
            operatingModels: f.operatingModel ? f.operatingModel.map(fromGraphQLEnum) : null,
            stages: f.stage ?? null,
          },
          Object.keys(weights),
        );
        const ranked = rank(candidates, weights);
        const page = ranked.slice(skip, skip + first);
        const total = Object.values(weights).reduce((a, b) => a + b, 0);
        return {
          totalCount: ranked.length,
          weights: Object.entries(weights)
            .filter(([, w]) => w > 0)
            .sort(([a], [b]) => (a < b ? -1 : 1))
            .map(([criterion, w]) => ({ criterion, weight: w / total })),
          edges: page.map((r, i) => ({
            cursor: encodeCursor(skip + i),
            rank: skip + i + 1,
            node: r.id,
            score: r.score,
            unknownWeight: r.unknownWeight,
            breakdown: r.breakdown.map((b) => ({ ...b, level: toGraphQLEnum(b.level) })),
            unknown: r.unknown,
          })),
          pageInfo: { hasNextPage: skip + page.length < ranked.length, endCursor: page.length > 0 ? encodeCursor(skip + page.length - 1) : null },
        };
      },
      inclusion: async (_p: unknown, args: { item: string; stack: string }, ctx: Context) => {
        const facts = await ctx.loaders.profiles.inclusion(args.item, args.stack);
        if (!facts.item) throw new NotFoundError(`No node has the id "${args.item}"`, { argument: 'item' });
        if (!facts.stack) throw new NotFoundError(`No stack has the id "${args.stack}"; the stacks list has them all`, { argument: 'stack' });
        const inclusion = facts.inclusion ? inclusionOf(facts.stack, facts.inclusion) : null;
        const decisions = facts.decisions.map((d) => d.decision);
        // A decision beyond the data set's own stack definition (ids decision:stack-...).
        const published = facts.decisions.some((d) => d.scoped && !d.decision.id.startsWith('decision:stack-'));
        const others = facts.decisions.filter((d) => !d.decision.id.startsWith('decision:stack-'));
        const name = `${facts.item.name} (${facts.item.id})`;
        const parts: string[] = [];
        if (inclusion) {
          parts.push(`${name} is in ${facts.stack.name}${inclusion.status ? ` with status ${String(inclusion.status)}` : ''}${inclusion.stage ? `, lifecycle stage ${String(inclusion.stage)} (${String(inclusion.stageBasis)})` : ''}.`);
          parts.push(
            inclusion.rationale === null
              ? 'No rationale is recorded for this inclusion.'
              : inclusion.rationaleIsGeneric
                ? `The stack definition${inclusion.listedIn ? ` ${String(inclusion.listedIn)}` : ''} gives no reason for this item beyond its generic text ("${inclusion.rationale}").`
                : `The stack definition gives as rationale: "${inclusion.rationale}".`,
          );
        } else {
          parts.push(`${name} is not in ${facts.stack.name}.`);
        }
        if (published) {
          const scoped = others.filter((d) => d.scoped);
          parts.push(`Published decisions about it for this stack: ${scoped.map((d) => `${String(d.decision.name)} (${String(d.decision.date ?? 'date not stated')})`).join('; ')}.`);
        } else {
          parts.push(`No published decision ${inclusion ? 'explains its inclusion' : 'rejects or defers it'} for this stack${facts.stack.id === 'stack:germany' ? ' (the D-Stack has published no rejections)' : ''}.`);
        }
        const elsewhere = others.filter((d) => !d.scoped);
        if (elsewhere.length > 0) parts.push(`Other decisions about it: ${elsewhere.map((d) => `${String(d.decision.name)} (${String(d.decision.date ?? 'date not stated')})`).join('; ')}.`);
        return { item: facts.item, stack: facts.stack, included: inclusion !== null, inclusion, decisions, published, explanation: parts.join(' ') };
      },
      changes: async (_p: unknown, args: { since: string; until?: string | null; filter?: { entity?: string | null; op?: string | null; label?: string | null; node?: string | null } | null; first?: number | null; after?: string | null }, ctx: Context) => {
        const first = checkRange('first', args.first, 1, 500, 100);
        const skip = args.after ? decodeCursor(args.after) + 1 : 0;
        const since = isoTime('since', args.since);
        // A date as `until` means the whole day.
        const until = args.until ? (/^\d{4}-\d{2}-\d{2}$/.test(args.until) ? isoTime('until', args.until).replace('T00:00:00.000Z', 'T23:59:59.999Z') : isoTime('until', args.until)) : null;
        const f = args.filter ?? {};
        const { total, changes } = await ctx.loaders.profiles.changes({ since, until, entity: f.entity ?? null, op: f.op ?? null, label: f.label ?? null, node: f.node ?? null }, skip, first);
        return {
          totalCount: total,
          edges: changes.map((node, i) => ({ cursor: encodeCursor(skip + i), node })),
          pageInfo: { hasNextPage: skip + changes.length < total, endCursor: changes.length > 0 ? encodeCursor(skip + changes.length - 1) : null },
        };
      },
      loads: (_p: unknown, args: { first?: number | null }, ctx: Context) => ctx.loaders.profiles.recentLoads(checkRange('first', args.first, 1, 100, 20)),
    },
    Component: item,
    Standard: item,
    StewardFact: { sources: sourcesOf },
    Jurisdiction: { sources: sourcesOf },
    LicenceFact: { sources: sourcesOf },
    OperatingModelFact: { by: (f: { by: unknown }, _a: unknown, ctx: Context) => byId(f.by, ctx), sources: sourcesOf },
    ObtainFact: { by: (f: { by: unknown }, _a: unknown, ctx: Context) => byId(f.by, ctx), sources: sourcesOf },
    AttestationFact: { holder: (f: { holder: unknown }, _a: unknown, ctx: Context) => byId(f.holder, ctx), sources: sourcesOf },
    AccessibilityFact: { sources: sourcesOf },
    DateFact: { sources: sourcesOf },
    Assessment: { decision: (a: { decision: unknown }, _a: unknown, ctx: Context) => byId(a.decision, ctx), sources: sourcesOf },
    Inclusion: { sources: sourcesOf },
    CriterionIndicators: { criterion: (c: { criterion: string }, _a: unknown, ctx: Context) => nodeOf(c.criterion, ctx) },
    AppliedWeight: { criterion: (c: { criterion: string }, _a: unknown, ctx: Context) => nodeOf(c.criterion, ctx) },
    CriterionScore: { criterion: (c: { criterion: string }, _a: unknown, ctx: Context) => nodeOf(c.criterion, ctx) },
    RankingEdge: {
      node: (e: { node: string }, _a: unknown, ctx: Context) => nodeOf(e.node, ctx),
      // A criterion id the graph does not hold is left out; a failed load fails the list.
      unknown: async (e: { unknown: string[] }, _a: unknown, ctx: Context) => (await loadAll(ctx.loaders.graph.nodeById, e.unknown)).filter((n) => n !== null),
    },
    Change: {
      fields: (c: ChangeRecord) => list(c.fields),
      from: (c: ChangeRecord) => (typeof c.from === 'string' ? c.from : null),
      to: (c: ChangeRecord) => (typeof c.to === 'string' ? c.to : null),
      load: (c: ChangeRecord, _a: unknown, ctx: Context) => ctx.loaders.profiles.loadById.load(c.load),
      node: (c: ChangeRecord, _a: unknown, ctx: Context) => (c.entity === 'node' && c.op !== 'removed' ? nodeOf(String(c.key), ctx) : null),
    },
    Load: { datasets: (l: Record<string, unknown>) => list(l.datasets), initial: (l: Record<string, unknown>) => l.initial === true, itemised: (l: Record<string, unknown>) => l.itemised !== false },
  };
  for (const label of Object.keys(RELATION_FIELDS)) {
    resolvers[label] = {
      ...resolvers[label],
      history: (n: NodeRecord, args: { first?: number | null }, ctx: Context) => ctx.loaders.profiles.history(n.id, checkRange('first', args.first, 1, 100, 20)),
    };
  }
  return resolvers as Resolvers;
}
