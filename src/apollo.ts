import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { Config, OidcConfig } from './config';
import type { Context } from './context';
import { createFormatError } from './errors';
import { requestLoggerPlugin } from './http/requestLogger';
import { statusForJsonPlugin } from './http/statusForJson';
import { knownOperationTypesRule } from './limits/knownOperationTypes';
import type { WorkSizes } from './limits/cost';
import { limitsPlugin } from './limits/limitsPlugin';
import type { Logger } from './logger';
import { createResolvers } from './resolvers';
import { authPlugin } from './auth/authPlugin';
import { writeAccessOf } from './curation/writeAccess';
import { loadTypeDefs } from './schema';
import type { AboutRecord } from './system/records';

export interface ApolloDeps {
  readonly config: Pick<Config, 'env' | 'introspection' | 'limits'> & Partial<Pick<Config, 'auth'>>;
  readonly log: Logger;
  readonly about: AboutRecord;
  readonly plugins?: readonly ApolloServerPlugin<Context>[];
  /** The issuer whose tokens are accepted (default: the configured one), for `about { writes }`. */
  readonly oidc?: OidcConfig | null;
  /** The sizes the CPU prices follow (default: the seed graph's). */
  readonly work?: WorkSizes;
}

/**
 * The GraphQL server with every rule of this API: limits priced before execution, queries only,
 * introspection as configured, errors formatted in one place, each request logged. The HTTP server
 * and the tests use this same factory, so what the tests pass is what clients get.
 */
export function createApollo({ config, log, about, plugins = [], work, oidc }: ApolloDeps): ApolloServer<Context> {
  return new ApolloServer<Context>({
    typeDefs: loadTypeDefs(),
    resolvers: createResolvers(about, writeAccessOf(config.auth, oidc === undefined ? (config.auth?.oidc ?? null) : oidc)),
    introspection: config.introspection,
    // A backstop for callers that do not pass the HTTP guard (which counts tokens exactly).
    parseOptions: { maxTokens: config.limits.maxTokens },
    validationRules: [knownOperationTypesRule],
    formatError: createFormatError({
      hideSuggestions: config.env === 'production',
      onMasked: (error) => log.error({ err: error }, 'unexpected error in a GraphQL operation (masked for the client)'),
    }),
    includeStacktraceInErrorResponses: false,
    stopOnTerminationSignals: false,
    csrfPrevention: true,
    // Apollo's cache-control plugin computes a cache hint for every field resolved (a per-field hook
    // that was a fifth of the CPU of a large answer); answers are cached by graph version instead
    // (src/cache), so it is off.
    plugins: [ApolloServerPluginLandingPageDisabled(), ApolloServerPluginCacheControlDisabled(), authPlugin(config.auth?.readAccess ?? 'public'), limitsPlugin(config.limits, work), statusForJsonPlugin(), requestLoggerPlugin(), ...plugins],
  });
}
