/** Where the API's Neo4j stands, as a supervisor sees it. */
export interface Neo4jStatus {
  /**
   * `up`: answering; `down`: not answering, being watched (external) or about to be restarted;
   * `restarting`: the embedded Neo4j is starting again; `failed`: the restart limit is spent, the
   * process cannot heal itself (a process supervisor should restart it).
   */
  readonly state: 'up' | 'down' | 'restarting' | 'failed';
  /** Epoch ms of the last change of state. */
  readonly since: number;
  /** Restarts of the embedded Neo4j so far. */
  readonly restarts: number;
}

/** Reads the current status; implemented by the supervisor (src/neo4j/supervisor.ts). */
export interface Neo4jHealth {
  status(): Neo4jStatus;
}
