import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BackupFailedError } from '../../errors.js';
import type { MaskMethod, MaskRule } from '../mask-rule.js';
import { adminQuery, connect, createFixtureDatabase, testDatabaseName } from './internal/mask-test-fixture.js';
import { maskDatabase, type MaskReport } from './mask-database.js';

const source = testDatabaseName('mask_src');
const copies = ['a', 'b', 'c', 'errors'].map((c) => testDatabaseName(`mask_${c}`));
const clients: pg.Client[] = [];
let original: pg.Client;
let a: pg.Client;
let b: pg.Client;
let c: pg.Client;
let errors: pg.Client;
let report: MaskReport;
/** The untouched digest of the copy the failing rules run on. */
let unmasked: string[];

function rule(key: string, method: MaskMethod): MaskRule {
  const [table, column] = key.split('.') as [string, string];
  return { kind: 'column', schema: 'public', table, column, method, key };
}

const RULES: MaskRule[] = [
  rule('users.email', { kind: 'email' }),
  rule('users.phone', { kind: 'phone' }),
  rule('users.full_name', { kind: 'name' }),
  rule('users.document', { kind: 'hash' }),
  rule('users.password_hash', { kind: 'null' }),
  rule('Bookings.guestName', { kind: 'name' }),
  rule('Bookings.contact', { kind: 'email' }),
  rule('payments.payer_email', { kind: 'email' }),
  rule('payments.card_token', { kind: 'hash' }),
  rule('payments.status', { kind: 'fixed', value: 'settled' }),
  { kind: 'truncate', schema: 'public', table: 'login_events', key: 'login_events' },
];

const TABLES = ['users', '"Bookings"', 'payments', 'login_events'];

/** A digest of every row of every table. */
async function snapshot(client: pg.Client): Promise<string[]> {
  const out: string[] = [];
  for (const table of TABLES) {
    const { rows } = await client.query(`select md5(coalesce(string_agg(t::text, ',' order by t::text), '')) as digest from ${table} t`);
    out.push(`${table} ${rows[0]?.digest}`);
  }
  return out;
}

beforeAll(async () => {
  await createFixtureDatabase(source);
  await Promise.all(copies.map((copy) => createFixtureDatabase(copy, source)));
  const all = await Promise.all([source, ...copies].map(connect));
  clients.push(...all);
  [original, a, b, c, errors] = all as [pg.Client, pg.Client, pg.Client, pg.Client, pg.Client];
  unmasked = await snapshot(errors);
  [report] = await Promise.all([
    maskDatabase(a, RULES, { key: 'k1', now: () => 0 }),
    maskDatabase(b, RULES, { key: 'k1' }),
    maskDatabase(c, RULES, { key: 'k2' }),
  ]);
}, 60_000);

afterAll(async () => {
  await Promise.all(clients.map((client) => client.end()));
  for (const db of [source, ...copies]) await adminQuery(`drop database if exists ${db}`);
});

describe('maskDatabase', () => {
  it('is deterministic for a key and differs between keys', async () => {
    const [first, second, third] = await Promise.all([snapshot(a), snapshot(b), snapshot(c)]);
    expect(second).toEqual(first);
    expect(third).not.toEqual(first);
  });

  it('reports every column, the columns followed through foreign keys and the emptied tables', async () => {
    expect(report.ms).toBe(0);
    expect(report.truncated).toEqual([{ key: 'login_events' }]);
    expect(report.columns).toContainEqual({ key: 'users.email', rows: 3000, method: 'email' });
    expect(report.columns).toContainEqual({ key: 'Bookings.contact_email', rows: 4800, method: 'email', followedFrom: 'users.email' });
    expect(report.columns).toContainEqual({ key: 'users.password_hash', rows: 3000, method: 'null' });
    expect(report.columns).toContainEqual({ key: 'payments.status', rows: 6000, method: 'fixed' });
  });

  it('maps an e-mail to the same fake in every table', async () => {
    // Joined in node: the masked copy has no fresh statistics, and this is about values, not plans.
    const payers = async (client: pg.Client) => {
      const users = new Map((await client.query('select id, email from users')).rows.map((r) => [r.email as string, r.id as number]));
      const { rows } = await client.query('select id, payer_email from payments where payer_email is not null order by id');
      return rows.map((r) => [r.id, users.get(r.payer_email as string)]);
    };
    const before = await payers(original);
    expect(before).toHaveLength(4500);
    expect(await payers(a)).toEqual(before);
    const joined = await a.query(`select count(*)::int as n from "Bookings" b join users u on u.email = b.contact_email and u.id = b.user_id`);
    expect(joined.rows[0]?.n).toBe(4800);
  });

  it('keeps every foreign key valid: each one is dropped and added back', async () => {
    const { rows } = await a.query(`
      select conrelid::regclass::text as tbl, conname, pg_get_constraintdef(oid) as def from pg_constraint where contype = 'f'`);
    expect(rows).toHaveLength(4);
    for (const fk of rows) {
      await a.query(`alter table ${fk.tbl} drop constraint "${fk.conname}"`);
      await a.query(`alter table ${fk.tbl} add constraint "${fk.conname}" ${fk.def}`);
    }
  });

  it('keeps unique columns unique, row counts, and NULLs where they were', async () => {
    const count = `select count(*)::int as rows, count(distinct email)::int as emails, count(distinct phone)::int as phones,
      count(*) filter (where phone is null)::int as no_phone, count(*) filter (where full_name is null)::int as no_name,
      count(password_hash)::int as passwords from users`;
    const [before, after] = await Promise.all([original.query(count), a.query(count)]);
    expect(after.rows[0]).toEqual({ ...before.rows[0], passwords: 0 });
    const bookings = `select count(*)::int as n, count("guestName")::int as names, count(distinct "guestName")::int as distinct_names from "Bookings"`;
    const [b1, b2] = await Promise.all([original.query(bookings), a.query(bookings)]);
    expect(b2.rows[0]).toEqual(b1.rows[0]);
    expect((await a.query('select count(*)::int as n from login_events')).rows[0]?.n).toBe(0);
    expect((await a.query('select count(*)::int as n from payments')).rows[0]?.n).toBe(6000);
  });

  it('leaves no original e-mail, phone, name or token anywhere', async () => {
    for (const table of TABLES) {
      const { rows } = await a.query(`select t::text as row from ${table} t where t::text ~ '(@mail\\.test|@friends\\.test|\\+34 6|Persona |Guest |tok_)'`);
      expect(rows, table).toEqual([]);
    }
    const sample = await a.query(`select email, phone, full_name, document from users where id = 1`);
    expect(sample.rows[0]).toMatchObject({
      email: expect.stringMatching(/^u[0-9a-f]{16}@example\.invalid$/),
      phone: expect.stringMatching(/^\+1 [2-9]\d\d 555 01\d\d( x\d+)?$/),
      full_name: expect.stringMatching(/^[A-Z][a-z]+ [A-Z][a-z]+$/),
      document: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    const guests = await a.query(`select max(length("guestName"))::int as longest from "Bookings"`);
    expect(guests.rows[0]?.longest).toBeLessThanOrEqual(20);
  });
});

describe('maskDatabase in tight columns', () => {
  it('keeps a unique varchar(22) in a quoted non-ASCII schema unique, within its length', async () => {
    await errors.query(`
      create schema "Ventas Ñ";
      create table "Ventas Ñ"."Clientes" (id int primary key, "Correo" varchar(22) unique, "Código" char(10));
      insert into "Ventas Ñ"."Clientes" select i, 'c' || i || '@x.test', 'K' || i from generate_series(1, 4000) i;`);
    try {
      const rules: MaskRule[] = [
        { kind: 'column', schema: 'Ventas Ñ', table: 'Clientes', column: 'Correo', method: { kind: 'email' }, key: 'Ventas Ñ.Clientes.Correo' },
        { kind: 'column', schema: 'Ventas Ñ', table: 'Clientes', column: 'Código', method: { kind: 'hash' }, key: 'Ventas Ñ.Clientes.Código' },
      ];
      const report = await maskDatabase(errors, rules, { key: 'k' });
      expect(report.columns.map((c) => c.rows)).toEqual([4000, 4000]);
      const { rows } = await errors.query(`
        select count(distinct "Correo")::int as emails, max(length("Correo"))::int as longest, count(distinct "Código")::int as codes,
               count(*) filter (where "Correo" not like 'u%@example.invalid')::int as odd
          from "Ventas Ñ"."Clientes"`);
      expect(rows[0]).toEqual({ emails: 4000, longest: 22, codes: 4000, odd: 0 });
    } finally {
      await errors.query('drop schema "Ventas Ñ" cascade');
    }
  });

  it('refuses a column too short for the method', async () => {
    const failure = await maskDatabase(errors, [rule('Bookings.guestName', { kind: 'email' })], { key: 'k' }).catch((e: unknown) => e);
    expect((failure as Error).message).toBe('mask rule "Bookings.guestName": "email" needs a column of at least 21 characters; the column allows 20');
  });
});

describe('maskDatabase refuses bad rules and changes nothing', () => {
  const cases: [string, MaskRule[], RegExp][] = [
    ['an unknown table', [rule('customers.email', { kind: 'email' })], /mask rule "customers.email": table public.customers does not exist/],
    ['an unknown column', [rule('users.mail', { kind: 'email' })], /mask rule "users.mail": column mail does not exist in table public.users/],
    ['an e-mail in a timestamp', [rule('users.created_at', { kind: 'email' })], /"users.created_at": users.created_at: "email" needs a text column, it is timestamp with time zone/],
    ['null in a NOT NULL column', [rule('payments.status', { kind: 'null' })], /"payments.status": payments.status: cannot be set to null, the column is NOT NULL/],
    ['null reaching a NOT NULL column through a key', [rule('Bookings.Id', { kind: 'null' })], /"Bookings.Id": Bookings.Id: cannot be set to null/],
    ['a fixed value that does not cast', [rule('payments.amount_cents', { kind: 'fixed', value: 'lots' })], /"payments.amount_cents": the fixed value "lots" is not a valid integer/],
    ['a fixed value in a unique column', [rule('users.phone', { kind: 'fixed', value: '1' })], /"users.phone": users.phone: a fixed value would break a unique index/],
    ['emptying a table others reference', [{ kind: 'truncate', schema: 'public', table: 'users', key: 'users' }], /mask rule "users": cannot empty public.users: public.Bookings, public.login_events reference it by foreign key/],
    ['two methods for linked columns', [rule('users.email', { kind: 'email' }), rule('Bookings.contact_email', { kind: 'hash' })], /"Bookings.contact_email": conflicts with rule "users.email"/],
  ];

  it.each(cases)('refuses %s', async (_name, rules, message) => {
    const failure = await maskDatabase(errors, [rule('users.email', { kind: 'email' }), ...rules], { key: 'k' }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(BackupFailedError);
    expect((failure as Error).message).toMatch(message);
    expect(await snapshot(errors)).toEqual(unmasked);
  });

  it('rolls back the columns already masked when a later one fails in the database', async () => {
    await errors.query(`alter table "Bookings" add constraint guests_look_like_guests check ("guestName" like 'Guest%')`);
    try {
      const failure = await maskDatabase(errors, [rule('users.email', { kind: 'email' }), rule('Bookings.guestName', { kind: 'name' })], { key: 'k' }).catch((e: unknown) => e);
      expect(failure).toBeInstanceOf(BackupFailedError);
      expect((failure as Error).message).toMatch(/guests_look_like_guests/);
      expect(await snapshot(errors)).toEqual(unmasked);
    } finally {
      await errors.query(`alter table "Bookings" drop constraint guests_look_like_guests`);
    }
  });
});
