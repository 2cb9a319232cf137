import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createLogger } from '../../src/logger';
import { dstackRealmFile, findJava21 } from '../../src/keycloak/keycloakDist';
import { freeLocalPort, spawnKeycloak, type KeycloakProcess } from '../../src/keycloak/startKeycloak';

/** The password of every user of keycloak/realm-dstack.json. */
export const TEST_USER_PASSWORD = 'dstack-test-1';

/** What globalSetup's Keycloak left for the workers (a JSON file in os.tmpdir()). */
export interface KeycloakState {
  readonly port: number;
  readonly issuer: string;
  /** Date.now() when globalSetup asked for Keycloak. */
  readonly requestedAt: number;
  /** Date.now() when kc.sh was spawned (after a first-time Maven download and dev build). */
  readonly startedAt?: number;
  readonly pid?: number;
  /** Date.now() when the realm's discovery document first answered. */
  readonly readyAt?: number;
  /** Why the start failed, so that workers fail at once instead of polling. */
  readonly error?: string;
}

/** The Keycloak of this run as tests use it. */
export interface TestKeycloak {
  readonly issuer: string;
  /** An access token of `username` (password grant, client dstack-graph-cli), cached for 60 s. */
  tokenFor(username: string): Promise<string>;
  /** ms from spawning Keycloak to its first answer, when known. */
  readonly startMs: number | undefined;
}

const READY_TIMEOUT_MS = 240_000;
const TOKEN_CACHE_MS = 60_000;

function stateFile(): string | undefined {
  return process.env.DSG_TEST_KEYCLOAK_STATE;
}

function readState(file = stateFile()): KeycloakState | undefined {
  if (!file) return undefined;
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as KeycloakState;
  } catch {
    return undefined;
  }
}

/** Merges `patch` into the state file (write + rename, so readers never see half a file). */
function updateState(patch: Partial<KeycloakState>, file = stateFile()): void {
  if (!file) return;
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify({ ...readState(file), ...patch }));
  fs.renameSync(tmp, file);
}

/** The ms from spawning globalSetup's Keycloak to its first answer, or undefined when not (yet) known. */
export function keycloakStartMs(): number | undefined {
  const s = readState();
  return s?.readyAt !== undefined && s.startedAt !== undefined ? s.readyAt - s.startedAt : undefined;
}

/** A password grant against `issuer` (client dstack-graph-cli): the HTTP status and the JSON answer. */
export async function passwordGrant(issuer: string, username: string, password = TEST_USER_PASSWORD): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${issuer}/protocol/openid-connect/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'password', client_id: 'dstack-graph-cli', username, password, scope: 'openid' }),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

/** The payload of a JWT, not verified (tests compare its claims). */
export function decodeJwt(token: string): Record<string, unknown> {
  const payload = token.split('.')[1];
  if (!payload) throw new Error('not a JWT');
  return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
}

async function isReady(issuer: string): Promise<boolean> {
  try {
    return (await fetch(`${issuer}/.well-known/openid-configuration`, { signal: AbortSignal.timeout(2000) })).status === 200;
  } catch {
    return false;
  }
}

let forTests: Promise<TestKeycloak> | undefined;

/**
 * The Keycloak that globalSetup started (DSG_TEST_KEYCLOAK_ISSUER), once it answers (polls up to
 * 240 s), memoised per jest worker; throws at once when DSG_TEST_KEYCLOAK=off or its start failed.
 */
export function keycloakForTests(): Promise<TestKeycloak> {
  forTests ??= (async () => {
    if (process.env.DSG_TEST_KEYCLOAK === 'off') throw new Error('Keycloak is switched off for this run (DSG_TEST_KEYCLOAK=off); this test needs it');
    const issuer = process.env.DSG_TEST_KEYCLOAK_ISSUER;
    if (!issuer) throw new Error('DSG_TEST_KEYCLOAK_ISSUER is not set: test/support/globalSetup.ts starts Keycloak with startKeycloakInBackground() (run through `npx jest`)');
    const deadline = Date.now() + READY_TIMEOUT_MS;
    while (!(await isReady(issuer))) {
      const error = readState()?.error;
      if (error) throw new Error(`globalSetup could not start Keycloak: ${error}`);
      if (Date.now() > deadline) throw new Error(`Keycloak at ${issuer} did not answer within ${READY_TIMEOUT_MS / 1000} s (state: ${JSON.stringify(readState())})`);
      await new Promise((r) => setTimeout(r, 500));
    }
    if (readState()?.readyAt === undefined) updateState({ readyAt: Date.now() });
    const cache = new Map<string, { token: string; until: number }>();
    const tokenFor = async (username: string): Promise<string> => {
      const hit = cache.get(username);
      if (hit && hit.until > Date.now()) return hit.token;
      const { status, body } = await passwordGrant(issuer, username);
      if (status !== 200 || typeof body.access_token !== 'string') throw new Error(`no token for ${username}: HTTP ${status} ${JSON.stringify(body)}`);
      cache.set(username, { token: body.access_token, until: Date.now() + TOKEN_CACHE_MS });
      return body.access_token;
    };
    return { issuer, tokenFor, startMs: keycloakStartMs() };
  })();
  return forTests;
}

let background: { stateFile: string; task: Promise<{ kc: KeycloakProcess; ready: Promise<void> } | undefined> } | undefined;

/**
 * For globalSetup: picks a port, sets DSG_TEST_KEYCLOAK_ISSUER and DSG_TEST_KEYCLOAK_STATE and
 * starts Keycloak with the repository's realm in the background (does not wait for it); no-op when
 * DSG_TEST_KEYCLOAK=off.
 */
export async function startKeycloakInBackground(): Promise<void> {
  if (process.env.DSG_TEST_KEYCLOAK === 'off' || background) return;
  const port = await freeLocalPort();
  const issuer = `http://127.0.0.1:${port}/realms/dstack`;
  const file = path.join(os.tmpdir(), `dstack-graph-test-keycloak-${process.pid}.json`);
  fs.rmSync(file, { force: true });
  updateState({ port, issuer, requestedAt: Date.now() }, file);
  process.env.DSG_TEST_KEYCLOAK_ISSUER = issuer;
  process.env.DSG_TEST_KEYCLOAK_STATE = file;
  const log = createLogger({ logLevel: 'info', logFormat: 'pretty' }, 'jest-keycloak');
  const task = (async () => {
    try {
      const kc = await spawnKeycloak({ port, realmFile: dstackRealmFile, javaHome: findJava21(process.env.JAVA21_HOME), log, startTimeoutMs: READY_TIMEOUT_MS });
      updateState({ pid: kc.pid, startedAt: kc.spawnedAt }, file);
      // Still in the background: note the exact ready time for keycloakStartMs().
      const ready = kc.waitReady(READY_TIMEOUT_MS).then(
        (ms) => updateState({ readyAt: kc.spawnedAt + ms }, file),
        (err: Error) => updateState({ error: err.message }, file),
      );
      return { kc, ready };
    } catch (err) {
      updateState({ error: (err as Error).message }, file);
      return undefined;
    }
  })();
  background = { stateFile: file, task };
}

/** For globalTeardown: stops the Keycloak of startKeycloakInBackground (waits for a start still under way) and removes its state file. */
export async function stopKeycloak(): Promise<void> {
  if (!background) return;
  const { stateFile: file, task } = background;
  background = undefined;
  const started = await task;
  if (started) {
    await started.kc.stop();
    await started.ready; // ends at once after stop(); then nothing writes the state file any more
  }
  fs.rmSync(file, { force: true });
}
