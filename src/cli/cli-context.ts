import { isAbsolute, join, resolve } from 'node:path';
import { systemClock, type Clock } from '../clock/index.js';
import { loadConfig, type ListenAddress, type ResolvedConfig } from '../config/index.js';
import type { Guardia } from '../engine/index.js';
import { UsageError } from '../errors.js';
import { sqlitePathFromUrl, storePathInDataDir } from '../store/index.js';
import type { CliIo, GlobalOptions } from './cli-io.js';
import { parseListen } from './parse-listen.js';

export const DEFAULT_CONFIG_FILE = 'guardia.yaml';
export const DEFAULT_LISTEN: ListenAddress = { host: '127.0.0.1', port: 4680 };

/**
 * What a command needs, resolved with the precedence flag > environment variable >
 * config file > default, and opened only when asked.
 */
export class CliContext {
  constructor(
    readonly io: CliIo,
    readonly options: GlobalOptions,
    readonly clock: Clock = systemClock,
  ) {}

  /** The config file path as the user would recognise it (relative stays relative). */
  configPath(): string {
    return this.options.config ?? (this.io.env.GUARDIA_CONFIG || DEFAULT_CONFIG_FILE);
  }

  loadConfig(): Promise<ResolvedConfig> {
    return loadConfig(this.absolute(this.configPath()), { env: this.io.env, displayPath: this.configPath() });
  }

  /** The SQLite file: --data-dir, GUARDIA_DATA_DIR, the config's `store:`, or `.guardia/` beside the config. */
  storePath(config?: ResolvedConfig): string {
    const dataDir = this.options.dataDir ?? (this.io.env.GUARDIA_DATA_DIR || undefined);
    if (dataDir !== undefined) return storePathInDataDir(this.absolute(dataDir));
    if (config?.store) return sqlitePathFromUrl(config.store, config.dir);
    if (config) return storePathInDataDir(join(config.dir, '.guardia'));
    throw new UsageError('no config file and no --data-dir: say where the state is (-c FILE or --data-dir DIR)');
  }

  listen(config?: ResolvedConfig): ListenAddress {
    const text = this.options.listen ?? (this.io.env.GUARDIA_LISTEN || undefined);
    if (text !== undefined) return parseListen(text);
    return config?.server.listen ?? DEFAULT_LISTEN;
  }

  /** Opens config, store and services (the engine loads only here: commands that never open it start faster). */
  async open(): Promise<Guardia> {
    const config = await this.loadConfig();
    const { openGuardia } = await import('../engine/index.js');
    return openGuardia({ config, storePath: this.storePath(config), clock: this.clock });
  }

  private absolute(path: string): string {
    return isAbsolute(path) ? path : resolve(this.io.cwd, path);
  }
}
