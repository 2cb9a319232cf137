import type { Neo4jStatus } from '../neo4j/health';

/** Slots of the memory the API's event loop shares with the health thread. */
export const BEAT = 0;
/** The slot of Neo4j's state, as an index into STATES. */
export const STATE = 1;
/** Neo4j's states in the order the shared memory numbers them. */
export const STATES: readonly Neo4jStatus['state'][] = ['up', 'down', 'restarting', 'failed'];
