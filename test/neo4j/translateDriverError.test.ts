import { describe, expect, it } from '@jest/globals';
import { error as driverCodes } from 'neo4j-driver';
import { ConflictError, DatabaseUnavailableError, QueryTimeoutError, QueryTooLargeError } from '../../src/errors';
import { translateDriverError } from '../../src/neo4j/db';

const driverError = (code: string, message = 'x'): Error => Object.assign(new Error(message), { code });

describe('translateDriverError', () => {
  it('turns every way of losing the server into SERVICE_UNAVAILABLE, never an internal error', () => {
    for (const code of [driverCodes.SERVICE_UNAVAILABLE, driverCodes.SESSION_EXPIRED, driverCodes.PROTOCOL_ERROR, 'Neo.TransientError.General.DatabaseUnavailable']) {
      expect(translateDriverError(driverError(code))).toBeInstanceOf(DatabaseUnavailableError);
    }
    expect(translateDriverError(new Error('Connection acquisition timed out in 10000 ms.'))).toBeInstanceOf(DatabaseUnavailableError);
  });

  it('keeps timeouts, memory limits and conflicts apart', () => {
    expect(translateDriverError(driverError('Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration'), 100)).toBeInstanceOf(QueryTimeoutError);
    expect(translateDriverError(driverError('Neo.TransientError.General.MemoryPoolOutOfMemoryError'))).toBeInstanceOf(QueryTooLargeError);
    expect(translateDriverError(driverError('Neo.ClientError.Schema.ConstraintValidationFailed', 'Node(1) already exists\nmore'))).toEqual(new ConflictError('Node(1) already exists'));
    const other = driverError('Neo.ClientError.Statement.SyntaxError');
    expect(translateDriverError(other)).toBe(other);
  });
});
