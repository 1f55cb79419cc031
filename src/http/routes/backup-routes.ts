import { Hono } from 'hono';
import * as z from 'zod';
import type { BackupListing, BackupService } from '../../backups/backup-service.js';
import { InvalidRequestError, NotFoundError } from '../../errors.js';
import { requireAccess, type AccessEnv } from '../access.js';
import type { HttpServices } from '../http-deps.js';

const runBody = z.strictObject({ database: z.string().min(1).optional() });
const verifyBody = z.union([
  z.strictObject({ id: z.string().min(1), database: z.string().min(1).optional() }),
  z.strictObject({ latest: z.literal(true), database: z.string().min(1).optional() }),
]);

/**
 * Backups and drills, the same operations as `guardia backup` and `guardia dr`:
 * `GET /backups[?env=&database=]` (`{backups}` with status verified, unverified or failed),
 * `GET /backups/running` (progress of running operations), `GET /backups/:env/:id`,
 * `GET /drills[?env=&limit=]`, and (operator) `POST /backups/:env/run` with `{database?}` and
 * `POST /backups/:env/verify` with `{id}` or `{latest: true}`. Writes answer when the work is
 * done; meanwhile `/backups/running` shows its progress.
 */
export function backupRoutes(services: HttpServices, options: { loopback: boolean }): Hono<AccessEnv> {
  const app = new Hono<AccessEnv>();
  const read = requireAccess(services, { loopback: options.loopback, write: false });
  const write = requireAccess(services, { loopback: options.loopback, write: true });
  const backups = () => {
    if (!services.backups) throw new NotFoundError('no environment has backups: add backups: to an environment in guardia.yaml');
    return services.backups;
  };
  const environments = (env: string | undefined) => (env ? [env] : backups().environments);

  app.get('/backups', read, async (c) => {
    const { service } = backups();
    const database = c.req.query('database');
    const list: BackupListing[] = [];
    for (const env of environments(c.req.query('env'))) list.push(...(await service.list(env, database ? { database } : {})));
    return c.json({ backups: list });
  });
  app.get('/backups/running', read, async (c) => c.json({ running: await backups().service.running() }));
  app.get('/backups/:env/:id', read, async (c) => c.json(await backups().service.show(c.req.param('env'), c.req.param('id'))));
  app.get('/drills', read, async (c) => {
    const { service } = backups();
    const limit = parseLimit(c.req.query('limit'));
    const drills = [];
    for (const env of environments(c.req.query('env'))) drills.push(...(await service.drills(env, { limit })));
    return c.json({ drills: drills.sort((a, b) => b.startedAt.localeCompare(a.startedAt)).slice(0, limit) });
  });
  app.post('/backups/:env/run', write, async (c) => {
    const body = await parseBody(c.req.raw, runBody, 'expected {database?: "name"}');
    return c.json({ backups: await backups().service.run(c.req.param('env'), body.database ? { database: body.database } : {}) });
  });
  app.post('/backups/:env/verify', write, async (c) => {
    const target = await parseBody(c.req.raw, verifyBody, 'expected {id: "backup id"} or {latest: true}, with an optional database');
    return c.json(await verify(backups().service, c.req.param('env'), target));
  });
  return app;
}

function verify(service: BackupService, env: string, target: z.output<typeof verifyBody>) {
  const database = target.database === undefined ? {} : { database: target.database };
  return service.verify(env, 'id' in target ? { id: target.id, ...database } : { latest: true, ...database });
}

async function parseBody<T extends z.ZodType>(request: Request, schema: T, expected: string): Promise<z.output<T>> {
  const text = await request.text();
  let json: unknown = {};
  try {
    if (text.trim() !== '') json = JSON.parse(text);
  } catch {
    throw new InvalidRequestError(`${expected}: the body is not JSON`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new InvalidRequestError(`${expected}: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

function parseLimit(text: string | undefined): number {
  if (text === undefined) return 20;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > 1000) throw new InvalidRequestError(`limit must be a whole number from 1 to 1000, got "${text}"`);
  return n;
}
