import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { Neo4jGraphQL } from '@neo4j/graphql';
import type { Driver } from 'neo4j-driver';
import { readRawCypher } from '../raw/rawCypher';
import { loadPeerTypeDefs } from './typeDefs';

/** The peer: @neo4j/graphql over the same Neo4j, served by its own ApolloServer on a loopback port. */
export interface PeerServer {
  readonly url: string;
  stop(): Promise<void>;
}

/** Builds the @neo4j/graphql schema and serves it on 127.0.0.1 (a free port); resolves with its URL. */
export async function startPeerServer(driver: Driver, database: string): Promise<PeerServer> {
  const neoSchema = new Neo4jGraphQL({ typeDefs: loadPeerTypeDefs(readRawCypher), driver });
  const schema = await neoSchema.getSchema();
  const apollo = new ApolloServer({ schema, introspection: false });
  const { url } = await startStandaloneServer(apollo, {
    listen: { host: '127.0.0.1', port: 0 },
    context: async () => ({ sessionConfig: { database } }),
  });
  return { url, stop: () => apollo.stop() };
}

