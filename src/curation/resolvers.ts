import type { Resolvers } from '../generated/graphql';
import type { SourceRecord } from '../provenance/records';
import type { PropValue } from '../seed/graph';
import type { WriteAccessRecord } from './proposalRecord';
import { PropertiesScalar } from './propertiesScalar';

/** Resolvers of schema/curation.graphql; `access` is what `about { writes }` says. */
export function curationResolvers(access: WriteAccessRecord): Resolvers {
  return {
    Properties: PropertiesScalar,
    Mutation: {
      propose: (_p, args, ctx) => ctx.loaders.curation.propose(args.input),
      acceptProposal: (_p, args, ctx) => ctx.loaders.curation.accept(args.id),
      rejectProposal: (_p, args, ctx) => ctx.loaders.curation.reject(args.id, args.reason),
      withdrawProposal: (_p, args, ctx) => ctx.loaders.curation.withdraw(args.id),
      registerSource: async (_p, args, ctx) => sourceRecord(await ctx.loaders.curation.registerSource(args.input)),
    },
    Query: {
      proposals: (_p, args, ctx) =>
        ctx.loaders.curation.proposals({ status: args.status ?? null, author: args.author ?? null, organization: args.organization ?? null, touches: args.touches ?? null, before: args.before ?? null, first: args.first ?? 50 }),
      proposal: (_p, args, ctx) => ctx.loaders.curation.proposal(args.id),
      curationConflicts: (_p, _args, ctx) => ctx.loaders.curation.conflicts(),
      auditLog: (_p, args, ctx) => ctx.loaders.curation.auditLog({ subject: args.filter?.subject ?? null, outcome: args.filter?.outcome ?? null, operation: args.filter?.operation ?? null, after: args.after ?? 0, first: args.first ?? 100 }),
    },
    About: {
      writes: () => access,
    },
    Proposal: {
      author: (p) => p.authorName,
      reviewer: (p) => p.reviewerName,
      operations: (p) => [...p.changes],
      diff: (p, _args, ctx) => ctx.loaders.curation.diff(p),
    },
  };
}

/** A registry entry as `Source` resolves it (a new entry: no facts cite it yet). */
function sourceRecord(e: Record<string, PropValue | null>): SourceRecord {
  const text = (k: string): string | null => (e[k] === null || e[k] === undefined ? null : String(e[k]));
  const kind = String(e.kind) as SourceRecord['kind'];
  return {
    id: String(e.id),
    url: text('url'),
    publisher: text('publisher'),
    title: text('title'),
    kind,
    language: text('language'),
    published: text('published'),
    retrieved: text('retrieved'),
    via: text('via'),
    note: text('note'),
    titleFromAddress: e.titleFromAddress === true,
    secondary: kind === 'secondary' || kind === 'internal',
    nodeCount: 0,
    relationshipCount: 0,
    factCount: 0,
  };
}
