import type { ApolloServerPlugin } from '@apollo/server';
import { Kind, type OperationDefinitionNode } from 'graphql';
import type { Context } from '../context';
import type { Database } from '../neo4j/db';
import { AppError } from '../errors';
import { auditRefusal } from './audit';

/**
 * Audits a mutation refused before any resolver ran (the limits: depth, aliases, cost, size; an
 * invalid document): its resolvers never saw it, so they could not record it. A mutation that ran is
 * audited by its resolvers (src/curation/Curation.ts).
 */
export function auditRefusedMutationsPlugin(db: Database): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors(rc) {
          if (rc.errors.some((e) => e.path !== undefined)) return;
          const op = rc.operation ?? (rc.document?.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION && (rc.request.operationName ? d.name?.value === rc.request.operationName : true)) as OperationDefinitionNode | undefined);
          if (op?.operation !== 'mutation') return;
          const fields = [...new Set(op.selectionSet.selections.flatMap((s) => (s.kind === Kind.FIELD ? [s.name.value] : [])))];
          const first = rc.errors[0];
          const original = first?.originalError instanceof AppError ? first.originalError : new AppError((first?.extensions?.code as never) ?? 'BAD_USER_INPUT', first?.message ?? 'refused');
          await auditRefusal(db, rc.contextValue.actor, { operation: fields.join(',') || 'mutation', ids: [] }, original).catch((e: unknown) => rc.contextValue.log.error({ err: e }, 'could not audit a refused mutation'));
        },
      };
    },
  };
}
