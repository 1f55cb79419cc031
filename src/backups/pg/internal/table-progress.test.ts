import { describe, expect, it } from 'vitest';
import { dumpedTable, finishedDataItem, restoredTable } from './table-progress.js';

describe('table progress lines', () => {
  it('reads the table of pg_dump and pg_restore verbose lines', () => {
    expect(dumpedTable('pg_dump: dumping contents of table "public.orders"')).toEqual({ schema: 'public', name: 'orders' });
    expect(restoredTable('pg_restore: processing data for table "app.Reservas Año"')).toEqual({ schema: 'app', name: 'Reservas Año' });
    expect(restoredTable('pg_restore: creating TABLE "public.orders"')).toBeUndefined();
  });

  it('still finds a table when parallel workers interleaved the prefix of one line with another', () => {
    // Workers write `pg_restore: ` and the message in two writes.
    expect(restoredTable('pg_restore: pg_restore: processing data for table "public.items"')).toEqual({ schema: 'public', name: 'items' });
    expect(restoredTable('processing data for table "public.orders"')).toEqual({ schema: 'public', name: 'orders' });
    expect(dumpedTable('dumping contents of table "public.orders"')).toEqual({ schema: 'public', name: 'orders' });
  });

  it('reads the dump id of an item a parallel pg_dump finished', () => {
    expect(finishedDataItem('pg_dump: finished item 3345 TABLE DATA public pgbench_accounts')).toBe(3345);
    expect(finishedDataItem('pg_dump: finished item 3340 INDEX public pgbench_accounts_pkey')).toBeUndefined();
    expect(finishedDataItem('pg_dump: dumping contents of table "public.orders"')).toBeUndefined();
  });
});
