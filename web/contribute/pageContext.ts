import type { CriterionRef } from './criteria';
import type { Session } from './signIn';

/** What every section of the page gets from the page: the API, the session, the criteria. */
export interface PageContext {
  /** Runs a query without a token (everything public reads). */
  read<T>(query: string, variables?: Record<string, unknown>): Promise<T>;
  /**
   * Runs an operation with the session's token; a refused token also shows the page's "sign in
   * again" notice. `import`: to the endpoint for large CSV files (/graphql/import, importReports only).
   */
  write<T>(query: string, variables?: Record<string, unknown>, options?: { readonly import?: boolean }): Promise<T>;
  /** The signed-in session, or null. */
  session(): Session | null;
  /** The six D-Stack criteria (from the API, else the built-in list). */
  criteria(): readonly CriterionRef[];
  /** Says `text` in the page's polite live region (for screen readers and the status line). */
  announce(text: string): void;
}
