export type { Store, StoreCapabilities } from './store.js';
export type { Database } from './schema.js';
export type { Migration } from './migrations/index.js';
export { openSqliteStore, openMemoryStore } from './sqlite/sqlite-store.js';
export { sqlitePathFromUrl, storePathInDataDir, DEFAULT_STORE_FILE } from './store-url.js';
export { RowsStatement } from './rows-statement.js';
