/**
 * `npm run keycloak` — a local Keycloak 26 (from Maven Central, no Docker) with the repository's
 * realm `dstack` on http://127.0.0.1:8180 (KEYCLOAK_PORT overrides), for trying writes by hand.
 * Prints the issuer, the users, a curl line for a token and the settings for the API; runs until
 * Ctrl-C. Data lives in a fresh temporary folder (KEYCLOAK_DATA_DIR keeps it across runs).
 * Needs Java 21+ (JAVA21_HOME, or found under /usr/lib/jvm) and Maven.
 */
import fs from 'node:fs';
import { createLogger } from '../src/logger';
import { dstackRealmFile, findJava21 } from '../src/keycloak/keycloakDist';
import { startKeycloak } from '../src/keycloak/startKeycloak';

interface RealmUser {
  username: string;
  realmRoles?: string[];
  attributes?: { organization?: string[] };
}

async function main(): Promise<void> {
  const log = createLogger({ logLevel: 'info', logFormat: 'pretty' }, 'keycloak');
  const port = Number(process.env.KEYCLOAK_PORT ?? 8180);
  const kc = await startKeycloak({
    port,
    dataDir: process.env.KEYCLOAK_DATA_DIR,
    realmFile: dstackRealmFile,
    javaHome: findJava21(process.env.JAVA21_HOME),
    log,
    startTimeoutMs: 300_000,
  });
  const users = (JSON.parse(fs.readFileSync(dstackRealmFile, 'utf8')) as { users: RealmUser[] }).users;
  const rows = users.map((u) => `  ${u.username.padEnd(8)} ${(u.realmRoles ?? []).filter((r) => !r.startsWith('default-roles')).join(',').padEnd(21)} ${(u.attributes?.organization ?? []).join(',')}`);
  process.stdout.write(
    [
      '',
      `Keycloak is ready in ${kc.startMs} ms: ${kc.issuer}`,
      `  admin console: http://127.0.0.1:${kc.port}/admin/ (admin / admin), log: ${kc.logFile}`,
      '',
      "Users (password 'dstack-test-1'):",
      ...rows,
      '',
      'A token (password grant, client dstack-graph-cli):',
      `  curl -s -d grant_type=password -d client_id=dstack-graph-cli -d username=alice -d password=dstack-test-1 ${kc.issuer}/protocol/openid-connect/token | jq -r .access_token`,
      '',
      'The API against it:',
      `  OIDC_ISSUER=${kc.issuer} OIDC_AUDIENCE=dstack-graph npm start`,
      '',
      'Ctrl-C stops Keycloak.',
      '',
    ].join('\n'),
  );
  let stopping = false;
  const shutdown = (): void => {
    if (stopping) return;
    stopping = true;
    log.info('stopping Keycloak');
    kc.stop().then(
      () => process.exit(0),
      (err: unknown) => {
        log.error({ err }, 'could not stop Keycloak');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
