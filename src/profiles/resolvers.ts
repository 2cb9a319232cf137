import type { Context } from '../context';
import { InputError, NotFoundError } from '../errors';
import type { ChangeFilter, RankingFilter, Resolvers, ResolversParentTypes } from '../generated/graphql';
import { onEveryNodeType } from '../generated/model';
import { loadAll } from '../graph/loadAll';
import type { NodeRecord } from '../graph/records';
import { checkRange, decodeCursor, encodeCursor, fromGraphQLEnum } from '../graph/validate';
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
import { evidenceOf, type EvidenceValue } from '../provenance/records';
import { EVIDENCE, isOpenLicenceClass, readConflicts, stewardTypeOf } from '../model';
import { citations } from '../provenance/resolvers';
import { applicable, rank } from './ranking';
import {
  assessmentLevelOf,
  licenceClassOf,
  lifecycleStageOf,
  listOf,
  operatingModelOf,
  textOf,
  type AccessibilityFactRecord,
  type AssessmentRecord,
  type AttestationFactRecord,
  type DateFactRecord,
  type EndedRecord,
  type EditionFactRecord,
  type InclusionRecord,
  type JurisdictionRecord,
  type LicenceFactRecord,
  type ObtainFactRecord,
  type OperatingModelFactRecord,
  type StewardFactRecord,
} from './records';
import type { AssessmentRow, InclusionRow, ProfileRow } from './repository';

/** The rationale the D-Stack data set gives every item alike. */
const GENERIC_RATIONALES = new Set(['Integriert in den Deutschland Stack', 'Integrated into Germany Stack']);

/** A fact's citations: a stored list (`id (locator)`) or one text of several (`a ; b`). */
function citationList(stored: unknown): string[] {
  if (Array.isArray(stored)) return stored.map(String);
  if (typeof stored !== 'string' || stored === '') return [];
  const parsed = parseCitations(stored);
  return 'citations' in parsed ? parsed.citations.map(formatCitation) : [];
}

/** The entry `i` of a parallel list ('' where a fact leaves the field out), or null. */
const at = (xs: readonly string[], i: number): string | null => {
  const v = xs[i];
  return v === undefined || v === '' ? null : v;
};

/** The stored evidence of a fact; a fact states its sources unless it says otherwise ('' in a parallel list: not stated). */
const factEvidence = (v: unknown): EvidenceValue => (v === '' ? 'sourced' : (evidenceOf(v) ?? 'sourced'));

/** The Profile answer of one item (organisations by id; their fields resolve through the node loader). */
function profileOf(row: ProfileRow, today: string): ResolversParentTypes['Profile'] {
  const p = row.item;
  const licence: LicenceFactRecord | null =
    typeof p.licence === 'string' && typeof p.licenceClass === 'string'
      ? { spdx: p.licence, class: licenceClassOf(p.licenceClass), evidence: factEvidence(p.licenceEvidence), sources: citationList(p.licenceSources) }
      : null;
  const steward: StewardFactRecord | null = row.steward
    ? { organization: row.steward.org, via: 'STEWARDS', evidence: factEvidence(row.steward.evidence), sources: row.steward.sources }
    : row.maintainer
      ? { organization: row.maintainer.org, via: 'MAINTAINS', evidence: 'inferred', sources: row.maintainer.sources }
      : null;
  const org = steward?.organization;
  const checksTrue = listOf(p.checksTrue);
  const checksFalse = listOf(p.checksFalse);
  const jurisdiction: JurisdictionRecord | null =
    org && typeof org.country === 'string'
      ? {
          country: org.country,
          inEu: inEu(org.country),
          basis: org.countryEvidence === 'inferred' ? `the steward ${org.name} is ${String(org.countryNote ?? 'assumed to sit in this country')}` : `the stated seat of the steward ${org.name}`,
          stewardType: stewardTypeOf(org.level, org.kind),
          evidence: weakestEvidence([steward?.evidence ?? 'sourced', factEvidence(org.countryEvidence)]),
          sources: citationList(org.countrySources),
        }
      : checksTrue.includes('euHeadquartered') || checksFalse.includes('euHeadquartered')
        ? {
            country: null,
            inEu: checksTrue.includes('euHeadquartered'),
            basis: "the D-Stack landscape's sovereignty check euHeadquartered",
            stewardType: null,
            evidence: 'sourced',
            sources: [`dstack-landscape (items/${String(p.id)}.json)`],
          }
        : null;
  const models = listOf(p.operatingModels);
  const modelBy = listOf(p.operatingModelBy);
  const modelSources = listOf(p.operatingModelSources);
  const modelEvidence = listOf(p.operatingModelEvidence);
  const channels = listOf(p.obtainChannels);
  const obtainBy = listOf(p.obtainBy);
  const obtainUrls = listOf(p.obtainUrls);
  const obtainSources = listOf(p.obtainSources);
  const obtainEvidence = listOf(p.obtainEvidence);
  const schemes = listOf(p.attestations);
  const holders = listOf(p.attestationHolders);
  const scopes = listOf(p.attestationScopes);
  const dates = listOf(p.attestationDates);
  const attSources = listOf(p.attestationSources);
  const attEvidence = listOf(p.attestationEvidence);
  const operatingModels = models.map((m, i): OperatingModelFactRecord => ({ model: operatingModelOf(m), by: at(modelBy, i), evidence: factEvidence(modelEvidence[i]), sources: citationList(modelSources[i]) }));
  const obtain = channels.map((c, i): ObtainFactRecord => ({ channel: c, by: at(obtainBy, i), url: at(obtainUrls, i), evidence: factEvidence(obtainEvidence[i]), sources: citationList(obtainSources[i]) }));
  const attestations = schemes.map((s, i): AttestationFactRecord => ({ scheme: s, holder: at(holders, i), scope: at(scopes, i), date: at(dates, i), evidence: factEvidence(attEvidence[i]), sources: citationList(attSources[i]) }));
  const accessibility: AccessibilityFactRecord | null =
    typeof p.accessibility === 'string'
      ? { standard: p.accessibility, level: textOf(p.accessibilityLevel), conformance: textOf(p.accessibilityConformance), evidence: factEvidence(p.accessibilityEvidence), sources: citationList(p.accessibilitySources) }
      : null;
  const endOfSupport: DateFactRecord | null =
    typeof p.endOfSupport === 'string'
      ? { date: p.endOfSupport, version: textOf(p.endOfSupportVersion), evidence: factEvidence(p.endOfSupportEvidence), sources: citationList(p.endOfSupportSources) }
      : null;
  const standardKind =
    typeof p.standardKind === 'string'
      ? { kind: p.standardKind, binding: textOf(p.binding), bindingFor: listOf(p.bindingFor).slice(0, 5), evidence: factEvidence(p.standardKindEvidence), sources: citationList(p.standardKindSources) }
      : null;
  const security =
    p.securitySources !== undefined
      ? {
          policy: textOf(p.securityPolicy),
          advisories: textOf(p.securityAdvisories),
          csaf: typeof p.csaf === 'boolean' ? p.csaf : null,
          sbom: typeof p.sbom === 'boolean' ? p.sbom : null,
          evidence: factEvidence(p.securityEvidence),
          sources: citationList(p.securitySources),
        }
      : null;
  const ended = endedOf(p, row, today);
  const editionNames = listOf(p.editionNames);
  const editionLicences = listOf(p.editionLicences);
  const editionClasses = listOf(p.editionClasses);
  const editionSources = listOf(p.editionSources);
  const editionEvidence = listOf(p.editionEvidence);
  const editions = editionNames.slice(0, 10).map((name, i): EditionFactRecord => ({ name, spdx: editionLicences[i] ?? '', class: licenceClassOf(editionClasses[i]), evidence: factEvidence(editionEvidence[i]), sources: citationList(editionSources[i]) }));
  const openClasses = new Set(editionClasses.map((c) => isOpenLicenceClass(c as never)));
  const stated: [string, boolean][] = [
    ['licence', licence !== null],
    ['steward', steward !== null],
    ['jurisdiction', jurisdiction !== null],
    ['operatingModels', operatingModels.length > 0],
    ['obtain', obtain.length > 0],
    ['attestations', attestations.length > 0],
    ['accessibility', accessibility !== null],
  ];
  return {
    licence,
    openSource: typeof p.openSource === 'boolean' ? p.openSource : null,
    licenceConflict: typeof p.licenceConflict === 'string' ? p.licenceConflict : null,
    steward,
    jurisdiction,
    operatingModels,
    obtain,
    attestations,
    accessibility,
    endOfSupport,
    editions,
    openCore: editions.length === 0 ? null : openClasses.size > 1,
    standardKind,
    security,
    ended,
    conflicts: readConflicts(p.conflicts).slice(0, 50),
    unknown: stated.filter(([, known]) => !known).map(([fact]) => fact),
  };
}

/** The weakest of several evidence values (sourced, secondary, reported, inferred: surest first). */
function weakestEvidence(values: readonly EvidenceValue[]): EvidenceValue {
  return values.reduce<EvidenceValue>((w, v) => (EVIDENCE.indexOf(v) > EVIDENCE.indexOf(w) ? v : w), 'sourced');
}

/**
 * Whether an item has ended on `today`: its end of support for the item as a whole (no version)
 * passed, an end-of-life event took effect, or the Deutschland-Stack retired it; the earliest counts.
 */
function endedOf(p: Readonly<Record<string, unknown>>, row: ProfileRow, today: string): EndedRecord | null {
  const candidates: { on: string; basis: string }[] = [];
  if (typeof p.endOfSupport === 'string' && p.endOfSupportVersion === undefined && p.endOfSupport <= today) candidates.push({ on: p.endOfSupport, basis: 'end of support' });
  for (const e of row.endEvents ?? []) if (typeof e.date === 'string' && e.date <= today) candidates.push({ on: e.date, basis: `end-of-life event ${e.id}` });
  if (row.stage === 'retire') candidates.push({ on: today, basis: 'retired in the Deutschland-Stack' });
  if (candidates.length === 0) return null;
  const first = candidates.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0))[0] as { on: string; basis: string };
  return { ...first, successors: row.successors ?? [] };
}

function assessmentOf(a: AssessmentRow): AssessmentRecord {
  return {
    criterion: a.criterion,
    level: assessmentLevelOf(a.level),
    evidence: evidenceOf(a.evidence) ?? 'inferred',
    mapping: a.mapping,
    decision: a.decision,
    indicators: a.indicators.map((s) => {
      const [indicator = s, value = 'unknown'] = s.split('=');
      return { indicator, value: value === 'true' ? true : value === 'false' ? false : null, description: INDICATORS[indicator]?.description ?? '' };
    }),
    sources: a.sources,
  };
}

function inclusionOf(stack: NodeRecord, r: Readonly<Record<string, unknown>>): InclusionRecord {
  const rationale = textOf(r.rationale);
  return {
    stack,
    status: textOf(r.status),
    stage: r.stage === undefined || r.stage === null ? null : lifecycleStageOf(r.stage),
    stageBasis: textOf(r.stageBasis),
    since: textOf(r.since),
    until: textOf(r.until),
    maturityDate: textOf(r.maturityDate),
    role: textOf(r.role),
    rationale,
    rationaleIsGeneric: rationale === null || GENERIC_RATIONALES.has(rationale.trim()),
    listedIn: textOf(r.listedIn),
    sources: listOf(r.sources),
  };
}

/** An ISO 8601 date or date-time as the change log stores it (UTC, milliseconds). */
function isoTime(name: string, v: string): string {
  const t = /^\d{4}-\d{2}-\d{2}$/.test(v) ? Date.parse(`${v}T00:00:00Z`) : /^\d{4}-\d{2}-\d{2}T/.test(v) ? Date.parse(v) : Number.NaN;
  if (Number.isNaN(t)) throw new InputError(`${name} must be an ISO 8601 date or date-time (2026-12-01 or 2026-12-01T10:00:00Z), got "${v}"`, { argument: name });
  return new Date(t).toISOString();
}

/** The node an optional fact names (an organisation, a decision), through the request's node loader. */
const byId = (id: string | null, ctx: Context): Promise<NodeRecord | null> | null => (id === null ? null : ctx.loaders.graph.nodeById.load(id));
/** The citations of a profile fact. */
const sourcesOf = (fact: { readonly sources: readonly string[] }, _a: unknown, ctx: Context) => citations(fact.sources, ctx);
const nodeOf = (id: string, ctx: Context) => ctx.loaders.graph.nodeById.load(id);

/**
 * The node of an id the answer names (a criterion of the model, a ranked item) for a non-null field:
 * one the graph does not hold fails the field with a message, never a null.
 */
async function namedNode(id: string, ctx: Context): Promise<NodeRecord> {
  const node = await nodeOf(id, ctx);
  if (!node) throw new Error(`the node "${id}" is not in the graph`);
  return node;
}

/** The change log of a node (any node type), newest first. */
const history = (n: NodeRecord, args: { first?: number | null }, ctx: Context) => ctx.loaders.profiles.history(n.id, checkRange('first', args.first, 1, 100, 20));

/** Resolvers of schema/profiles.graphql and the `history` field of every node type. */
export function profileResolvers(): Resolvers {
  // The profile fields of components and standards.
  const item = {
    profile: async (n: NodeRecord, _a: unknown, ctx: Context) => {
      const row = await ctx.loaders.profiles.profileById.load(n.id);
      return profileOf(row ?? { item: { id: n.id }, steward: null, maintainer: null }, ctx.now().toISOString().slice(0, 10));
    },
    conflicts: async (n: NodeRecord, _a: unknown, ctx: Context) => readConflicts((await ctx.loaders.profiles.profileById.load(n.id))?.item.conflicts).slice(0, 50),
    criteriaAssessments: async (n: NodeRecord, _a: unknown, ctx: Context) => (await ctx.loaders.profiles.assessmentsById.load(n.id)).map(assessmentOf),
    lifecycle: async (n: NodeRecord, _a: unknown, ctx: Context) => (await ctx.loaders.profiles.inclusionsById.load(n.id)).map((i: InclusionRow) => inclusionOf(i.stack, i.props)),
  };
  return {
    ...onEveryNodeType({ history }),
    Query: {
      criteriaMapping: () => ({
        id: ASSESSMENT_MAPPING_ID,
        rule: LEVEL_RULE,
        points: ASSESSMENT_LEVELS.map((l) => ({ level: assessmentLevelOf(l), points: LEVEL_POINTS[l] })),
        criteria: DSTACK_CRITERIA.map((c) => ({ criterion: c, indicators: CRITERIA_INDICATORS[c] ?? [] })),
        indicators: Object.entries(INDICATORS).map(([indicator, d]) => ({ indicator, description: d.description, appliesTo: d.appliesTo ?? null })),
      }),
      ranking: async (_p, args, ctx) => {
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
        const f: RankingFilter = args.filter ?? {};
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
        const { ranked: assessed, excluded } = applicable(candidates);
        const ranked = rank(assessed, weights);
        const page = ranked.slice(skip, skip + first);
        const total = Object.values(weights).reduce((a, b) => a + b, 0);
        return {
          totalCount: ranked.length,
          excludedCount: excluded.length,
          excluded: excluded.slice(0, 50).map((x) => ({ node: x.id, reason: x.reason })),
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
            breakdown: r.breakdown.map((b) => ({ ...b, level: assessmentLevelOf(b.level), evidence: evidenceOf(b.evidence) ?? 'inferred' })),
            unknown: r.unknown,
          })),
          pageInfo: { hasNextPage: skip + page.length < ranked.length, endCursor: page.length > 0 ? encodeCursor(skip + page.length - 1) : null },
        };
      },
      inclusion: async (_p, args, ctx) => {
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
          parts.push(`Published decisions about it for this stack: ${scoped.map((d) => `${String(d.decision.name)} (${String(d.decision.date ?? 'date not stated')})${d.decision.request ? `, on ${String(d.decision.request)}, because: ${String(d.decision.rationale ?? 'no reason stated')}` : ''}`).join('; ')}.`);
        } else {
          parts.push(`No published decision ${inclusion ? 'explains its inclusion' : 'rejects or defers it'} for this stack${facts.stack.id === 'stack:germany' ? ' (the D-Stack has published no rejections)' : ''}.`);
        }
        const elsewhere = others.filter((d) => !d.scoped);
        if (elsewhere.length > 0) parts.push(`Other decisions about it: ${elsewhere.map((d) => `${String(d.decision.name)} (${String(d.decision.date ?? 'date not stated')})`).join('; ')}.`);
        return { item: facts.item, stack: facts.stack, included: inclusion !== null, inclusion, decisions, published, explanation: parts.join(' ') };
      },
      changes: async (_p, args, ctx) => {
        const first = checkRange('first', args.first, 1, 500, 100);
        const skip = args.after ? decodeCursor(args.after) + 1 : 0;
        const since = isoTime('since', args.since);
        // A date as `until` means the whole day.
        const until = args.until ? (/^\d{4}-\d{2}-\d{2}$/.test(args.until) ? isoTime('until', args.until).replace('T00:00:00.000Z', 'T23:59:59.999Z') : isoTime('until', args.until)) : null;
        const f: ChangeFilter = args.filter ?? {};
        const { total, changes } = await ctx.loaders.profiles.changes({ since, until, entity: f.entity ?? null, op: f.op ?? null, label: f.label ?? null, node: f.node ?? null }, skip, first);
        return {
          totalCount: total,
          edges: changes.map((node, i) => ({ cursor: encodeCursor(skip + i), node })),
          pageInfo: { hasNextPage: skip + changes.length < total, endCursor: changes.length > 0 ? encodeCursor(skip + changes.length - 1) : null },
        };
      },
      loads: (_p, args, ctx) => ctx.loaders.profiles.recentLoads(checkRange('first', args.first, 1, 100, 20)),
    },
    Component: { ...item, history },
    Standard: { ...item, history },
    StewardFact: { sources: sourcesOf },
    Jurisdiction: { sources: sourcesOf },
    LicenceFact: { sources: sourcesOf },
    OperatingModelFact: { by: (f, _a, ctx) => byId(f.by, ctx), sources: sourcesOf },
    ObtainFact: { by: (f, _a, ctx) => byId(f.by, ctx), sources: sourcesOf },
    AttestationFact: { holder: (f, _a, ctx) => byId(f.holder, ctx), sources: sourcesOf },
    AccessibilityFact: { sources: sourcesOf },
    DateFact: { sources: sourcesOf },
    StandardKindFact: { sources: sourcesOf },
    EditionFact: { sources: sourcesOf },
    SecurityFact: { sources: sourcesOf },
    Assessment: { decision: (a, _a, ctx) => byId(a.decision, ctx), sources: sourcesOf },
    Inclusion: { sources: sourcesOf },
    CriterionIndicators: { criterion: (c, _a, ctx) => namedNode(c.criterion, ctx) },
    AppliedWeight: { criterion: (c, _a, ctx) => namedNode(c.criterion, ctx) },
    CriterionScore: { criterion: (c, _a, ctx) => namedNode(c.criterion, ctx) },
    RankingExclusion: { node: (e, _a, ctx) => namedNode(e.node, ctx) },
    RankingEdge: {
      node: (e, _a, ctx) => namedNode(e.node, ctx),
      // A criterion id the graph does not hold is left out; a failed load fails the list.
      unknown: async (e, _a, ctx) => (await loadAll(ctx.loaders.graph.nodeById, e.unknown)).filter((n) => n !== null),
    },
    Change: {
      load: async (c, _a, ctx) => {
        const load = await ctx.loaders.profiles.loadById.load(c.load);
        if (!load) throw new Error(`the load "${c.load}" of a change is not recorded`);
        return load;
      },
      node: (c, _a, ctx) => (c.entity === 'node' && c.op !== 'removed' ? nodeOf(c.key, ctx) : null),
    },
  };
}
