import { Hono } from 'hono';
import type { BackupListing } from '../../backups/backup-service.js';
import type { HttpServices } from '../../http/http-deps.js';
import { renderPage } from '../layout/ops-page.js';
import type { DashboardEnv } from '../dashboard-env.js';
import { BackupManifestView, BackupTable, LastDrill, RunningOperations } from './backup-views.js';

/**
 * `GET /backups` (per environment and database: backups with their verified state, sizes,
 * measured RTO and newest backup age against the objectives, the last drill, running
 * operations) and `GET /backups/:env/:id` (manifest summary, verifications, restore command).
 * Reads `HttpServices.backups`, the service `guardia backup` and `/api/v1/backups` use.
 */
export function backupPages(services: HttpServices): Hono<DashboardEnv> {
  const app = new Hono<DashboardEnv>();
  app.get('/backups', async (c) => {
    if (!services.backups) return renderPage(c, { title: 'Backups', section: 'backups', body: <p class="empty">No environment has backups: add backups: to an environment in guardia.yaml.</p> });
    const { service, environments } = services.backups;
    const settings = new Map((services.environmentSettings?.() ?? []).map((s) => [s.name, s.backups]));
    const now = services.now();
    const sections = [];
    for (const env of environments) {
      const [listings, drills] = await Promise.all([service.list(env), service.drills(env, { limit: 1 })]);
      const envSettings = settings.get(env) ?? null;
      const databases = [...new Set([...(envSettings?.databases ?? []), ...listings.map((b) => b.database)])];
      sections.push(
        <section aria-labelledby={`env-${env}`} data-env={env}>
          <h2 id={`env-${env}`}>{env}</h2>
          {databases.map((database) => (
            <BackupTable env={env} database={database} backups={listings.filter((b: BackupListing) => b.database === database)} settings={envSettings} now={now} />
          ))}
          <LastDrill drill={drills[0]} />
        </section>,
      );
    }
    const body = (
      <>
        <RunningOperations running={await service.running()} />
        {sections}
      </>
    );
    return renderPage(c, { title: 'Backups', section: 'backups', body });
  });
  app.get('/backups/:env/:id', async (c) => {
    if (!services.backups) return renderPage(c, { title: 'Backups', section: 'backups', body: <p class="empty">No environment has backups.</p> }, 404);
    const backup = await services.backups.service.show(c.req.param('env'), c.req.param('id'));
    return renderPage(c, { title: `Backup ${backup.id}`, section: 'backups', body: <BackupManifestView backup={backup} /> });
  });
  return app;
}
