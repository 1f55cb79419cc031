import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MaskRule } from '../mask-rule.js';
import { adminQuery, connect, createFixtureDatabase, testDatabaseName } from '../masking/internal/mask-test-fixture.js';
import { readUserColumns } from '../masking/read-catalog.js';
import { findUncoveredColumns } from './find-personal-columns.js';
import { sampleValues } from './internal/sample-values.js';

const database = testDatabaseName('coverage');
let client: pg.Client;

beforeAll(async () => {
  await createFixtureDatabase(database);
  client = await connect(database);
  await client.query(`
    create table "Clientes Año" (id int primary key, "datosContacto" text, reference text, amount numeric, notes text);
    insert into "Clientes Año" select i, '+54 11 4000-' || lpad(i::text, 4, '0'), 'R-' || lpad(i::text, 6, '0'), i, 'ok'
      from generate_series(1, 200) i;
    create table visits (id int, "visitorMail" text, at date not null) partition by range (at);
    create table visits_2026 partition of visits for values from ('2026-01-01') to ('2027-01-01');
    create view user_emails as select email from users;
    create schema audit;
    create table audit.events (id bigserial primary key, happened_at timestamptz, payload text);
    insert into audit.events (happened_at, payload) select now(), 'event ' || i from generate_series(1, 100) i;
  `);
}, 30_000);

afterAll(async () => {
  await client?.end();
  await adminQuery(`drop database if exists ${database}`);
});

const flagged = (found: { schema: string; table: string; column: string }[]) => found.map((c) => `${c.schema}.${c.table}.${c.column}`);

describe('findUncoveredColumns', () => {
  it('flags personal columns by name and by sampled values, sorted, skipping views and partitions', async () => {
    const found = await findUncoveredColumns(client, [], []);
    expect(flagged(found)).toEqual([
      'public.Bookings.contact',
      'public.Bookings.contact_email',
      'public.Bookings.guestName',
      'public.Clientes Año.datosContacto',
      'public.login_events.session_token',
      'public.payments.card_token',
      'public.payments.payer_email',
      'public.users.document',
      'public.users.email',
      'public.users.full_name',
      'public.users.password_hash',
      'public.users.phone',
      'public.visits.visitorMail',
    ]);
    expect(found).toContainEqual({ schema: 'public', table: 'users', column: 'email', type: 'character varying(40)', reason: 'name looks like an e-mail column' });
    expect(found.find((c) => c.column === 'contact')?.reason).toBe('sampled values look like e-mail addresses (50 of 50)');
    expect(found.find((c) => c.column === 'datosContacto')?.reason).toBe('sampled values look like phone numbers (50 of 50)');
    expect(found.find((c) => c.column === 'password_hash')?.reason).toBe('name looks like a secret column');
  });

  it('skips columns covered by a rule, a truncate, a foreign key from a masked column, or an allow', async () => {
    const rules: MaskRule[] = [
      { kind: 'column', schema: 'public', table: 'users', column: 'email', method: { kind: 'email' }, key: 'users.email' },
      { kind: 'column', schema: 'public', table: 'Bookings', column: 'contact', method: { kind: 'hash' }, key: 'Bookings.contact' },
      { kind: 'truncate', schema: 'public', table: 'login_events', key: 'login_events' },
    ];
    const allow = [
      { schema: 'public', table: 'payments', column: 'card_token' },
      { schema: 'public', table: 'Clientes Año', column: 'datosContacto' },
    ];
    const found = await findUncoveredColumns(client, rules, allow, { sample: 10 });
    expect(flagged(found)).toEqual([
      'public.Bookings.guestName',
      'public.payments.payer_email',
      'public.users.document',
      'public.users.full_name',
      'public.users.password_hash',
      'public.users.phone',
      'public.visits.visitorMail',
    ]);
  });

  it('reads no values when sampling is off', async () => {
    const found = await findUncoveredColumns(client, [], [], { sample: 0 });
    expect(flagged(found)).not.toContain('public.Bookings.contact');
    expect(flagged(found)).toContain('public.users.email');
  });

  it('samples big tables by blocks', async () => {
    const column = (await readUserColumns(client)).find((c) => c.table === 'payments' && c.column === 'payer_email')!;
    const values = await sampleValues(client, { ...column, tableRows: 1_000_000 }, 50);
    expect(values.length).toBeLessThanOrEqual(50);
    expect(values.every((v) => v.endsWith('@mail.test'))).toBe(true);
  });
});
