import { migration001 } from './001-core.js';
import { migration002 } from './002-tsdb.js';
import { migration003 } from './003-alerts.js';
import { migration004 } from './004-notifications.js';
import { migration005 } from './005-incidents.js';
import { migration006 } from './006-backups.js';
import { migration007 } from './007-users.js';
import { migration008 } from './008-releases.js';
import { migration009 } from './009-mirrors.js';
import type { Migration } from './migration.js';

export type { Migration } from './migration.js';

/** Every migration, in order. Append only. */
export const migrations: readonly Migration[] = [migration001, migration002, migration003, migration004, migration005, migration006, migration007, migration008, migration009];
