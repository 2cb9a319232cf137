import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';

/** The codes clients can rely on in `extensions.code`. */
export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'FORBIDDEN'
  | 'UNAUTHENTICATED'
  | 'SERVICE_UNAVAILABLE';

/** A domain error whose message is safe to show to clients; everything else is masked. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = new.target.name;
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

/** The graph database cannot be reached right now. */
export class DatabaseUnavailableError extends AppError {
  constructor(message = 'The graph database is not reachable right now; try again shortly.') {
    super('SERVICE_UNAVAILABLE', message);
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
 * request errors pass, anything else becomes INTERNAL_SERVER_ERROR (details only when `exposeDetails`).
 */
export function createFormatError(options: { exposeDetails: boolean; onMasked?: MaskedErrorSink }) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (original instanceof AppError) {
      return {
        message: original.message,
        ...(formatted.locations ? { locations: formatted.locations } : {}),
        ...(formatted.path ? { path: formatted.path } : {}),
        extensions: { code: original.code, ...original.details },
      };
    }
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && REQUEST_ERROR_CODES.has(code)) {
      return formatted;
    }
    options.onMasked?.(original, formatted);
    return {
      message: 'Internal server error',
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: {
        code: 'INTERNAL_SERVER_ERROR',
        ...(options.exposeDetails && original instanceof Error ? { detail: original.message } : {}),
      },
    };
  };
}
