import pg from 'pg';

/**
 * Test support for masking and the coverage check: databases on the PostgreSQL service at
 * 127.0.0.1:5432 (trust auth), created per test file from a small booking app's schema.
 */

const SERVER = 'postgresql://postgres@127.0.0.1:5432';

export const FIXTURE_SQL = `
  create table users (
    id int primary key,
    email varchar(40) not null unique,
    phone text unique,
    full_name text,
    document text,
    password_hash text,
    status text not null default 'active',
    created_at timestamptz not null
  );
  insert into users
  select i, 'person' || i || '@mail.test',
         case when i % 10 = 0 then null else '+34 6' || lpad(i::text, 8, '0') end,
         case when i % 7 = 0 then null else 'Persona ' || (i % 300) end,
         'D' || (10000000 + i), md5(i::text), 'active', '2026-01-01'::timestamptz + i * interval '1 minute'
    from generate_series(1, 3000) i;
  create function refuse_update() returns trigger language plpgsql as $$ begin raise exception 'users are read-only'; end $$;
  create trigger users_read_only before update on users for each row execute function refuse_update();

  create table "Bookings" (
    "Id" int primary key,
    user_id int not null references users (id),
    contact_email varchar(40) references users (email),
    "guestName" varchar(20),
    amount numeric(10, 2) not null,
    contact text
  );
  insert into "Bookings"
  select i, 1 + i % 3000, case when i % 5 = 0 then null else 'person' || (1 + i % 3000) || '@mail.test' end,
         case when i % 9 = 0 then null else 'Guest ' || (i % 50) end, i * 1.5, 'c' || (i % 700) || '@friends.test'
    from generate_series(1, 6000) i;

  create table payments (
    id bigint generated always as identity primary key,
    booking_id int not null references "Bookings" ("Id"),
    card_token text not null,
    payer_email text,
    amount_cents int not null,
    status text not null,
    paid_at timestamptz
  );
  insert into payments (booking_id, card_token, payer_email, amount_cents, status, paid_at)
  select i, 'tok_' || md5('card' || (i % 2000)), case when i % 4 = 0 then null else 'person' || (1 + i % 3000) || '@mail.test' end,
         i * 100, 'paid', '2026-02-01'::timestamptz + i * interval '1 hour'
    from generate_series(1, 6000) i;

  create table login_events (id int primary key, user_id int references users (id), session_token text);
  insert into login_events select i, 1 + i % 3000, md5('s' || i) from generate_series(1, 500) i;
`;

/** A connected client of `database` on the test server. */
export async function connect(database: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: `${SERVER}/${database}` });
  await client.connect();
  return client;
}

/** Runs `sql` on the server's `postgres` database (create/drop database). */
export async function adminQuery(sql: string): Promise<void> {
  const client = await connect('postgres');
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Creates `name` holding the fixture (or a copy of database `template`). */
export async function createFixtureDatabase(name: string, template?: string): Promise<void> {
  await adminQuery(`drop database if exists ${name}`);
  await adminQuery(template ? `create database ${name} template ${template}` : `create database ${name}`);
  if (template) return;
  const client = await connect(name);
  try {
    await client.query(FIXTURE_SQL);
    await client.query('analyze');
  } finally {
    await client.end();
  }
}

/** A database name unique to this test process. */
export function testDatabaseName(label: string): string {
  return `guardia_${label}_${process.pid}`;
}
