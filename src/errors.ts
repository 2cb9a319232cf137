import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';

/** The codes clients can rely on in `extensions.code`. */
export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'FORBIDDEN'
  | 'UNAUTHENTICATED'
  | 'SERVICE_UNAVAILABLE'
  | 'QUERY_TIMEOUT'
  | 'RESULT_TOO_LARGE'
  | 'QUERY_TOO_LARGE'
  | 'RATE_LIMITED'
  | LimitCode;

/** Codes of the refusals before execution, one per limit (see src/limits/). */
export type LimitCode =
  | 'DOCUMENT_TOO_LARGE'
  | 'TOKEN_LIMIT_EXCEEDED'
  | 'DEPTH_LIMIT_EXCEEDED'
  | 'ALIAS_LIMIT_EXCEEDED'
  | 'DIRECTIVE_LIMIT_EXCEEDED'
  | 'COST_LIMIT_EXCEEDED';

/** A domain error whose message is safe to show to clients; everything else is masked. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
    /** The HTTP status the whole answer gets when this error is in it (Apollo reads `extensions.http`). */
    readonly httpStatus?: number,
    /** HTTP headers the answer gets with it (Retry-After). */
    readonly httpHeaders?: Readonly<Record<string, string>>,
  ) {
    super(message);
    this.name = new.target.name;
  }

  /** What graphql-js copies onto the GraphQLError that wraps this one; `http` never reaches clients. */
  get extensions(): Record<string, unknown> {
    const headers = this.httpHeaders ? { headers: new Map(Object.entries(this.httpHeaders)) } : {};
    return { code: this.code, ...this.details, ...(this.httpStatus ? { http: { status: this.httpStatus, ...headers } } : {}) };
  }
}

/** Input that breaks a documented rule (a range, a format); the message restates the rule. */
export class InputError extends AppError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super('BAD_USER_INPUT', message, details);
  }
}

/** A referenced id that does not exist. */
export class NotFoundError extends AppError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super('NOT_FOUND', message, details);
  }
}

/** A write that clashes with existing data (a unique id taken, a stale version). */
export class ConflictError extends AppError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super('CONFLICT', message, details);
  }
}

/** An authenticated caller without the right to do this. */
export class ForbiddenError extends AppError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super('FORBIDDEN', message, details);
  }
}

/** A caller who has not proven who they are. */
export class AuthenticationError extends AppError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super('UNAUTHENTICATED', message, details);
  }
}

/** The graph database cannot be reached right now (HTTP 503: a client or proxy may retry). */
export class DatabaseUnavailableError extends AppError {
  constructor(message = 'The graph database is not reachable right now; try again shortly.') {
    super('SERVICE_UNAVAILABLE', message, {}, 503);
  }
}

/**
 * A client used up its share: too many requests at once, or more cost than its budget per minute
 * (HTTP 429 with Retry-After). The message says which share and when to come back.
 */
export class RateLimitedError extends AppError {
  constructor(message: string, retryAfterSeconds: number, details: Record<string, unknown> = {}) {
    const retry = Math.max(1, Math.ceil(retryAfterSeconds));
    super('RATE_LIMITED', message, { retryAfterSeconds: retry, ...details }, 429, { 'retry-after': String(retry) });
  }
}

/** The request ran past its deadline or a Neo4j transaction past its timeout. */
export class QueryTimeoutError extends AppError {
  constructor(limitMs: number, what: 'request' | 'database query') {
    super(
      'QUERY_TIMEOUT',
      `The ${what} took longer than its limit of ${limitMs} ms and was stopped; ask for less (smaller first or maxDepth, fewer fields) or split the query.`,
      { limitMs },
    );
  }
}

/** The request loaded more values from the graph than one answer may hold. */
export class ResultTooLargeError extends AppError {
  constructor(limit: number, found: number) {
    super(
      'RESULT_TOO_LARGE',
      `The answer would hold more than ${limit} values (at least ${found} loaded so far); ask for less (smaller first or maxDepth, fewer nested lists) or page through it.`,
      { limit, found },
    );
  }
}

/** The database refused a query that needs more memory than it allows one query (or all together). */
export class QueryTooLargeError extends AppError {
  constructor() {
    super(
      'QUERY_TOO_LARGE',
      'The query needs more memory than the database allows one query; ask for less (a smaller maxDepth or first, fewer summary parts or nested lists), or give the database more heap (NEO4J_HEAP).',
      {},
    );
  }
}

/** A request refused before it ran because it breaks one of the documented limits (HTTP 400). */
export class LimitError extends AppError {
  constructor(code: LimitCode, message: string, limit: number, found: number | string) {
    super(code, message, { limit, found }, 400);
  }
}

/** Codes that graphql-js and Apollo attach to request errors; their messages are safe to pass. */
const REQUEST_ERROR_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
]);

/** Called with every error that is masked, so it can be logged with its stack. */
export type MaskedErrorSink = (error: unknown, formatted: GraphQLFormattedError) => void;

/**
 * The one place where errors become client-visible: domain errors keep their code and message,
 * request errors pass, anything else becomes INTERNAL_SERVER_ERROR with no detail in any mode
 * (the sink logs it with its stack).
 */
export function createFormatError(options: { hideSuggestions: boolean; onMasked?: MaskedErrorSink }) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const unwrapped = unwrapResolverError(error);
    // Errors thrown in plugin hooks arrive wrapped without a path; look inside them too.
    const original = unwrapped instanceof GraphQLError && unwrapped.originalError instanceof AppError ? unwrapped.originalError : unwrapped;
    if (original instanceof AppError) {
      return {
        message: original.message,
        ...(formatted.locations ? { locations: formatted.locations } : {}),
        ...(formatted.path ? { path: formatted.path } : {}),
        extensions: { code: original.code, ...original.details },
      };
    }
    // Apollo's own refusals of a malformed request (a bad persistedQuery extension, ...) carry an HTTP
    // status of 4xx and, at times, no code; their messages describe the request, not the server.
    const httpStatus = (error instanceof GraphQLError ? (error.extensions?.http as { status?: number } | undefined)?.status : undefined) ?? 0;
    if (httpStatus >= 400 && httpStatus < 500 && (formatted.extensions?.code === undefined || formatted.extensions.code === 'INTERNAL_SERVER_ERROR')) {
      return { message: formatted.message, extensions: { code: 'BAD_REQUEST' } };
    }
    // graphql-js's own errors about arguments and variables met during execution (an explicit null for
    // a variable whose default fills a non-null argument, ...) describe the request, not the server.
    if (unwrapped instanceof GraphQLError && !unwrapped.originalError && /^(Argument|Variable) "/.test(unwrapped.message)) {
      return { message: unwrapped.message, ...(formatted.locations ? { locations: formatted.locations } : {}), ...(formatted.path ? { path: formatted.path } : {}), extensions: { code: 'BAD_USER_INPUT' } };
    }
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && REQUEST_ERROR_CODES.has(code)) {
      // graphql-js proposes field and type names ("Did you mean ...?"); in production that would map
      // the schema for someone who cannot introspect it.
      if (options.hideSuggestions && / Did you mean /.test(formatted.message)) {
        return { ...formatted, message: formatted.message.replace(/ Did you mean .*$/s, '') };
      }
      return formatted;
    }
    options.onMasked?.(original, formatted);
    return {
      message: 'Internal server error',
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}
