import { describe, expect, it } from 'vitest';
import { dumpedTable, restoredTable } from './table-progress.js';

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
});
