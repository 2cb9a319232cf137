import type { Context } from '../context';
import { changeRecord } from '../curation/loaders';
import type { AdoptionStatus, AssessmentLevel, InclusionOutcome, Resolvers } from '../generated/graphql';
import { toGraphQLEnum } from '../graph/validate';
import { requireLabel, requireNode } from '../engine/requireNode';
import type { CriterionResultRecord } from './requestRecord';

const node = (ctx: Context, id: string | null) => (id === null ? null : ctx.loaders.graph.nodeById.load(id));
const level = (v: string): AssessmentLevel => (toGraphQLEnum(v) ?? 'unknown') as AssessmentLevel;
const days = (from: string, to: string): number => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/** Resolvers of schema/participation.graphql: inputs in, records out, through the per-request participation loaders. */
export function participationResolvers(): Resolvers {
  return {
    Mutation: {
      requestInclusion: (_p, { input }, ctx) => ctx.loaders.participation.requestInclusion(input),
      reviseInclusionRequest: (_p, { id, input }, ctx) => ctx.loaders.participation.reviseInclusion(id, input),
      commentOnRequest: (_p, { id, text }, ctx) => ctx.loaders.participation.comment(id, text),
      requestChanges: (_p, { id, reason }, ctx) => ctx.loaders.participation.requestChanges(id, reason),
      decideInclusion: (_p, { id, input }, ctx) => ctx.loaders.participation.decideInclusion(id, { ...input, reference: input.reference ?? null }),
      withdrawInclusionRequest: (_p, { id }, ctx) => ctx.loaders.participation.withdrawInclusion(id),
      requestException: (_p, { input }, ctx) => ctx.loaders.participation.requestException(input),
      grantException: (_p, { id, reason }, ctx) => ctx.loaders.participation.grantException(id, reason ?? null),
      refuseException: (_p, { id, reason }, ctx) => ctx.loaders.participation.refuseException(id, reason),
      reportAdoption: (_p, { input }, ctx) => ctx.loaders.participation.reportAdoption(input),
      reportUse: (_p, { input }, ctx) => ctx.loaders.participation.reportUse(input),
      importReports: (_p, { input }, ctx) => ctx.loaders.participation.importReports(input),
    },
    Query: {
      inclusionRequests: (_p, a, ctx) => ctx.loaders.participation.inclusionRequests({ status: a.status ?? null, stack: a.stack ?? null, item: a.item ?? null, organization: a.organization ?? null, first: a.first ?? 50, before: a.before ?? null }),
      inclusionRequest: (_p, { id }, ctx) => ctx.loaders.participation.inclusionRequest(id),
      notIncluded: (_p, a, ctx) => ctx.loaders.participation.notIncluded(a.stack ?? null, a.first ?? 100),
      exceptionRequests: (_p, a, ctx) => ctx.loaders.participation.exceptionRequests({ status: a.status ?? null, requirement: a.requirement ?? null, organization: a.organization ?? null, first: a.first ?? 50, before: a.before ?? null }),
      adoptionReports: (_p, a, ctx) => ctx.loaders.participation.adoptionReports({ item: a.item ?? null, organization: a.organization ?? null, first: a.first ?? 100 }),
      adoptionProgress: async (_p, a, ctx) => {
        const item = await requireNode(ctx.loaders.graph, a.item, 'item');
        requireLabel(item, ['Component', 'Standard'], 'item');
        return ctx.loaders.participation.adoptionProgress({ item, level: a.level ?? null, from: a.from, to: a.to, interval: a.interval ?? 'month' });
      },
      webhookDeliveries: (_p, a, ctx) => ctx.loaders.participation.webhookDeliveries(a.status ?? null, a.first ?? 100),
    },
    Requirement: {
      exemptions: (r, _a, ctx) => ctx.loaders.participation.exemptions.load(r.id),
    },
    InclusionRequest: {
      status: (r) => r.status,
      item: (r, _a, ctx) => node(ctx, r.itemId),
      newItem: (r) => r.newItem,
      stack: async (r, _a, ctx) => requireNode(ctx.loaders.graph, r.stack, 'stack'),
      author: (r) => r.authorName,
      selfAssessment: (r) => [...r.selfAssessment],
      timeline: (r) => [...r.timeline],
    },
    InclusionDecision: {
      outcome: (d) => d.outcome as InclusionOutcome,
      criteria: (d) => [...d.criteria],
      reviewer: (d) => d.reviewerName,
      node: (d, _a, ctx) => node(ctx, d.decisionId),
    },
    CriterionResult: {
      criterion: async (c: CriterionResultRecord, _a, ctx) => requireNode(ctx.loaders.graph, c.criterion, 'criterion'),
      level: (c) => level(c.level),
      sources: (c) => [...c.sources],
    },
    ExceptionRequest: {
      requirement: (r, _a, ctx) => node(ctx, r.requirementId),
      grantedFor: (r, _a, ctx) => node(ctx, r.grantedForId),
      exception: (r, _a, ctx) => node(ctx, r.exceptionId),
      author: (r) => r.authorName,
      sources: (r) => [...r.sources],
      timeline: (r) => [...r.timeline],
      daysLeft: (r, _a, ctx) => days(ctx.loaders.participation.today(), r.until),
    },
    ReportResult: {
      diff: async (r, _a, ctx) => (await ctx.loaders.curation.diff(r.proposal)).slice(0, 1000),
    },
    ReportImport: {
      problems: (r) => [...r.problems],
      diff: (r) => r.diff.map((d) => changeRecord(d, null)),
    },
    AdoptionReport: {
      organization: (r, _a, ctx) => node(ctx, r.organizationId),
      item: (r, _a, ctx) => node(ctx, r.itemId),
      status: (r) => (toGraphQLEnum(r.status) ?? 'planned') as AdoptionStatus,
      services: (r) => [...r.services],
    },
    AdoptionProgress: {
      periods: (p) => [...p.periods],
      series: (p) => [...p.series],
      total: (p) => [...p.total],
    },
  };
}
