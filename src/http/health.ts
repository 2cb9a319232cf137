import type { Request, Response, Router } from 'express';
import express from 'express';
import type { Db } from '../neo4j/db';
import type { Neo4jHealth } from '../neo4j/health';

/**
 * `/healthz` (liveness): 200 while the process can serve or heal itself; 503 once a dead embedded
 * Neo4j could not be restarted within its limit (then only a restart of the process helps).
 * `/readyz` (readiness): 200 when Neo4j answers (as the supervisor last saw it, else by a ping), 503
 * when it does not. Neither shows internals.
 */
export function healthRouter(db: Db, health?: Neo4jHealth, readyTimeoutMs = 2000): Router {
  const router = express.Router();
  router.get('/healthz', (_req: Request, res: Response) => {
    const state = health?.status().state ?? 'up';
    if (state === 'failed') res.status(503).json({ status: 'failed', neo4j: state });
    else res.json({ status: 'ok', neo4j: state });
  });
  router.get('/readyz', async (_req: Request, res: Response) => {
    const t0 = Date.now();
    if (health) {
      // The supervisor's watchdog pings every 2 s on its own connection; asking it keeps /readyz
      // cheap and true under load, when the request pool may be busy.
      const state = health.status().state;
      if (state === 'up') res.json({ status: 'ready', neo4j: 'up', ms: Date.now() - t0 });
      else res.status(503).json({ status: 'unavailable', neo4j: state });
      return;
    }
    try {
      await db.ping(readyTimeoutMs);
      res.json({ status: 'ready', neo4j: 'up', ms: Date.now() - t0 });
    } catch {
      res.status(503).json({ status: 'unavailable', neo4j: 'down' });
    }
  });
  return router;
}
