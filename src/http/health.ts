import type { Request, Response, Router } from 'express';
import express from 'express';
import type { Db } from '../neo4j/db';

/** `/healthz`: the process is up. `/readyz`: Neo4j answers (503 when it does not). */
export function healthRouter(db: Db, readyTimeoutMs = 2000): Router {
  const router = express.Router();
  router.get('/healthz', (_req: Request, res: Response) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (_req: Request, res: Response) => {
    const t0 = Date.now();
    try {
      await db.ping(readyTimeoutMs);
      res.json({ status: 'ready', neo4j: 'up', ms: Date.now() - t0 });
    } catch (e) {
      res.status(503).json({ status: 'unavailable', neo4j: 'down', reason: (e as Error).message });
    }
  });
  return router;
}
