import { Kind, parse, type OperationDefinitionNode } from 'graphql';
import type { RequestHandler } from 'express';
import { errorBody } from './jsonErrors';

/**
 * The guard of POST /graphql/import, the endpoint that takes bodies up to IMPORT_MAX_BYTES: only a
 * document whose one operation is a mutation selecting `importReports` alone passes (HTTP 400
 * otherwise), so the larger body limit buys nothing for any other operation.
 */
export function importOnly(): RequestHandler {
  return (req, res, next) => {
    const query = (req.body as { query?: unknown } | undefined)?.query;
    let ok = false;
    if (req.method === 'POST' && typeof query === 'string' && query.length <= 20_000) {
      try {
        const doc = parse(query, { maxTokens: 2000 });
        const ops = doc.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
        const fields = ops[0]?.selectionSet.selections ?? [];
        ok = ops.length === 1 && ops[0]?.operation === 'mutation' && fields.length === 1 && fields[0]?.kind === Kind.FIELD && fields[0].name.value === 'importReports';
      } catch {
        ok = false;
      }
    }
    if (!ok) {
      res.status(400).json(errorBody('POST /graphql/import takes one mutation that selects importReports only; send other operations to /graphql.', 'BAD_REQUEST'));
      return;
    }
    next();
  };
}
