import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { tempDir, writeConfig } from '../support/temp-dir.js';
import { STAND_IN_APP_SOURCE } from './stand-in-app-source.js';

/** A stand-in app in a temp dir: versions `v1`, `v2`… (each a folder), `current` linked to one, served by a real process. */
export interface StandInApp {
  dir: string;
  url: string;
  /** What the app serves now (the deployed version). */
  serving(): Promise<string>;
  stop(): void;
}

/**
 * Creates versions (`broken` ones fail /healthz; `health` ones answer those statuses to
 * their health checks in turn, the last repeating), deploys `current`, and starts the server process.
 */
export async function startStandInApp(versions: Record<string, { broken?: boolean; health?: number[] }>, current: string): Promise<StandInApp> {
  const dir = tempDir('guardia-release-');
  for (const [version, { broken, health }] of Object.entries(versions)) {
    mkdirSync(join(dir, version));
    writeFileSync(join(dir, version, 'version.txt'), `${version}\n`);
    if (broken) writeFileSync(join(dir, version, 'broken'), '');
    if (health) writeFileSync(join(dir, version, 'health'), `${health.join(' ')}\n`);
  }
  symlinkSync(current, join(dir, 'current'));
  const child: ChildProcess = spawn(process.execPath, ['--input-type=module', '-e', STAND_IN_APP_SOURCE, dir], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<string>((resolve) => createInterface({ input: child.stdout as NodeJS.ReadableStream }).once('line', resolve));
  const url = `http://127.0.0.1:${port}`;
  return {
    dir,
    url,
    serving: async () => (await (await fetch(url)).text()).trim(),
    stop: () => child.kill(),
  };
}

/** Writes guardia.yaml for environment `production` of the app, with `release` given as YAML lines (indented 4). */
export function releaseConfig(app: StandInApp, release: string, extra = ''): string {
  return writeConfig(
    app.dir,
    `project: stand-in
environments:
  production:
    url: ${app.url}
    probes:
      healthz: { http: /healthz, every: 1m }
    release:
      versions: '^v[0-9.]+$'
${release}
${extra}`,
  );
}

/** The deploy step of the stand-in app: switch `current` to `$VERSION`. */
export const DEPLOY = 'ln -sfn "$VERSION" current.new && mv -T current.new current';
/** The rollback step: switch `current` back to `$PREVIOUS_VERSION`. */
export const ROLLBACK = 'ln -sfn "$PREVIOUS_VERSION" current.new && mv -T current.new current';
