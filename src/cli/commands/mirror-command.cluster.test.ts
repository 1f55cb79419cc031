import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PgCluster } from '../../../test/support/pg-cluster.js';
import { cli } from '../../../test/support/run-cli-capture.js';
import { tempDir, writeConfig } from '../../../test/support/temp-dir.js';
import { MirrorRecords } from '../../mirror/mirror-records.js';
import { openSqliteStore } from '../../store/index.js';

let cluster: PgCluster;
let dir: string;
const run = (config: string, ...argv: string[]) => cli([...argv, '-c', join(dir, config), '--data-dir', join(dir, 'data')], { cwd: dir, env: {} });

const SOURCE = `
create table users (id int primary key, email text not null unique, phone text unique, full_name text, document text, password_hash text);
create table bookings (id int primary key, user_id int not null references users, contact_email text not null, guest_name text);
create table payments (id int primary key, booking_id int not null references bookings, payer_email text not null, card_token text, amount numeric);
create table audit_log (id serial primary key, note text);
create table products (id int primary key, name text);
insert into users select i, 'user' || i || '@real.example.com', '+34 600 000 ' || lpad(i::text, 3, '0'), 'Real Person ' || i, 'DOC' || i, '$2b$10$real' || i
  from generate_series(1, 40) i;
insert into bookings select i, 1 + i % 40, 'user' || (1 + i % 40) || '@real.example.com', 'Guest ' || i from generate_series(1, 80) i;
insert into payments select i, i, b.contact_email, 'tok_' || i, i * 10 from generate_series(1, 80) i join bookings b on b.id = i;
insert into audit_log (note) select 'login of user' || i from generate_series(1, 10) i;
insert into products values (1, 'Sea view room'), (2, 'Breakfast');
`;

const mirror = (mask: string, seed = 'seeds/staging.sql') => `
    mirror:
      from: production
      mask:
${mask.trim().replace(/^\s*/gm, '        ')}
      allow: [products.name]
      seed: [${seed}]
`;

const MASK = `users.email: email
users.phone: phone
users.full_name: name
users.document: hash
users.password_hash: { fixed: "$2b$10$invalid" }
bookings.contact_email: email
bookings.guest_name: name
payments.payer_email: email
payments.card_token: null
audit_log: truncate`;

const config = (mirrorText: string) => `project: shop
environments:
  production:
    database: ${cluster.url('shop')}
    backups:
      to: file:backups
  staging:
    database: ${cluster.url('shop_staging')}
${mirrorText}`;

const databases = async () => (await cluster.query<{ datname: string }>(`select datname from pg_database where datname like 'shop%' order by 1`)).map((r) => r.datname);
const stagingMarker = () => cluster.query<{ note: string }>('select note from marker', 'shop_staging');

/** `guardia mirror` end to end: a real cluster, a real backup, M1's masking and coverage, the swap. */
describe('guardia mirror against a real cluster', () => {
  beforeAll(async () => {
    cluster = await PgCluster.create();
    await cluster.query('create database shop');
    await cluster.query(SOURCE, 'shop');
    await cluster.query('create database shop_staging');
    await cluster.query(`create table marker (note text); insert into marker values ('old staging')`, 'shop_staging');
    dir = tempDir('guardia-mirror-cli-');
    mkdirSync(join(dir, 'seeds'));
    writeFileSync(join(dir, 'seeds', 'staging.sql'), `insert into users (id, email, full_name) values (1001, 'qa@staging.test', 'QA');\ninsert into products values (3, 'Seeded');\n`);
    writeFileSync(join(dir, 'seeds', 'bad.sql'), `insert into products values (4, 'ok');\nselect * from no_such_table;\n`);
    writeConfig(dir, config(mirror(MASK)), 'good.yaml');
    writeConfig(dir, config(mirror(MASK.replace('users.phone: phone\n', '').replace('bookings.guest_name: name\n', ''))), 'uncovered.yaml');
    writeConfig(dir, config(mirror(MASK, 'seeds/bad.sql')), 'bad-seed.yaml');
    writeConfig(dir, config(mirror(MASK)).replace(cluster.url('shop_staging'), 'postgresql://postgres@127.0.0.1:1/shop_staging'), 'unreachable.yaml');
  }, 120_000);

  afterAll(async () => {
    await cluster?.destroy();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('refuses without a verified backup, and refuses to write into production before touching anything', async () => {
    const none = await run('good.yaml', 'mirror', 'production', 'staging', '--yes');
    expect(none.code, none.stderr).toBe(1);
    expect(none.stderr).toMatch(/no verified backup to mirror: run guardia backup verify production --latest/);

    const before = await databases();
    const refused = await run('good.yaml', 'mirror', 'staging', 'production', '--yes');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/environment production is of tier production: mirrors never write into production/);
    const wrongSource = await run('good.yaml', 'mirror', 'qa', 'staging');
    expect(wrongSource.code).toBe(1);
    expect(wrongSource.stderr).toMatch(/no environment "qa"/);
    const notItsSource = await run('good.yaml', 'mirror', 'staging', 'staging');
    expect(notItsSource.code).toBe(2);
    expect(notItsSource.stderr).toMatch(/environment staging is mirrored from production \(environments\.staging\.mirror\.from\), not from staging/);
    const unreachable = await run('unreachable.yaml', 'mirror', 'production', 'staging', '--yes');
    expect(unreachable.code, unreachable.stderr).toBe(3);
    expect(unreachable.stderr).toMatch(/cannot connect to postgres:\/\/postgres@127\.0\.0\.1:1\/shop_staging: /);
    expect(await databases()).toEqual(before);

    const backup = await run('good.yaml', 'backup', 'run', 'production', '--json');
    expect(backup.code, backup.stderr).toBe(0);
    expect((JSON.parse(backup.stdout) as { backups: { status: string }[] }).backups[0]?.status).toBe('verified');
  }, 120_000);

  it('--check lists uncovered personal columns (exit 1) and passes when all are covered', async () => {
    const uncovered = await run('uncovered.yaml', 'mirror', '--check', 'production', 'staging');
    expect(uncovered.code, uncovered.stderr).toBe(1);
    expect(uncovered.stdout).toMatch(/public\.users\.phone\s+text\s+/);
    expect(uncovered.stdout).toMatch(/public\.bookings\.guest_name\s+text\s+/);
    expect(uncovered.stdout).not.toMatch(/products\.name/);
    const json = JSON.parse((await run('uncovered.yaml', 'mirror', '--check', 'production', 'staging', '--json')).stdout) as { uncovered: { column: string }[] };
    expect(json.uncovered.map((c) => c.column).sort()).toEqual(['guest_name', 'phone']);

    const covered = await run('good.yaml', 'mirror', '--check', 'production', 'staging');
    expect(covered.code, covered.stdout + covered.stderr).toBe(0);
    expect(covered.stdout).toMatch(/every personal-looking column of production .* has a mask rule in staging/);
    expect((await databases()).filter((d) => d.includes('_check_'))).toEqual([]);
  }, 120_000);

  it('leaves staging untouched when the target is non-empty without --yes, columns are uncovered or a seed fails', async () => {
    const noYes = await run('good.yaml', 'mirror', 'production', 'staging');
    expect(noYes.code).toBe(1);
    expect(noYes.stderr).toMatch(/127\.0\.0\.1:\d+\/shop_staging is not empty \(.*\): pass --yes/);

    const uncovered = await run('uncovered.yaml', 'mirror', 'production', 'staging', '--yes');
    expect(uncovered.code).toBe(1);
    expect(uncovered.stderr).toMatch(/public\.users\.phone text .*add a rule to environments\.staging\.mirror\.mask or list the column in mirror\.allow/);

    const badSeed = await run('bad-seed.yaml', 'mirror', 'production', 'staging', '--yes');
    expect(badSeed.code).toBe(1);
    expect(badSeed.stderr).toMatch(/seed file .*bad\.sql:2 failed: relation "no_such_table" does not exist/);

    expect(await stagingMarker()).toEqual([{ note: 'old staging' }]);
    expect(await databases()).toEqual(['shop', 'shop_staging']);
  }, 120_000);

  it('mirrors masked, consistent, unique and seeded data into staging and records it', async () => {
    const result = await run('good.yaml', 'mirror', 'production', 'staging', '--yes');
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/^mirror staging: restore backup /m);
    expect(result.stdout).toMatch(/^mirrored production \(backup \S+\) into staging in [\d.]+s: \d+ columns masked, 1 table truncated, 1 seed file\n$/);
    expect(await databases()).toEqual(['shop', 'shop_staging']);

    const q = (sql: string) => cluster.query(sql, 'shop_staging');
    expect(await q(`select count(*)::int as n from users where email like '%real.example.com' or full_name like 'Real Person%' or document like 'DOC%'`)).toEqual([{ n: 0 }]);
    expect(await q(`select (select count(*) from users)::int as users, (select count(*) from bookings)::int as bookings, (select count(*) from payments)::int as payments, (select count(*) from audit_log)::int as audit`)).toEqual([
      { users: 41, bookings: 80, payments: 80, audit: 0 },
    ]);
    expect(await q(`select count(distinct email)::int as emails, count(distinct phone)::int as phones from users where id <= 40`)).toEqual([{ emails: 40, phones: 40 }]);
    // The same person's address is masked alike wherever it appears.
    expect(await q(`select count(*)::int as n from bookings b join users u on u.id = b.user_id where b.contact_email <> u.email`)).toEqual([{ n: 0 }]);
    expect(await q(`select count(*)::int as n from payments p join bookings b on b.id = p.booking_id where p.payer_email <> b.contact_email`)).toEqual([{ n: 0 }]);
    expect(await q(`select count(*)::int as n from bookings b left join users u on u.id = b.user_id where u.id is null`)).toEqual([{ n: 0 }]);
    expect(await q(`select count(*)::int as n from payments p left join bookings b on b.id = p.booking_id where b.id is null`)).toEqual([{ n: 0 }]);
    expect(await q(`select count(*)::int as n from payments where card_token is not null`)).toEqual([{ n: 0 }]);
    expect(await q(`select distinct password_hash from users where id <= 40`)).toEqual([{ password_hash: '$2b$10$invalid' }]);
    expect(await q(`select name from products order by id`)).toEqual([{ name: 'Sea view room' }, { name: 'Breakfast' }, { name: 'Seeded' }]);
    const first = await q(`select email from users where id = 1`);
    // A mirror whose process died left its scratch copy (unmasked data) behind: the next mirror removes it.
    const store = await openSqliteStore(join(dir, 'data', 'guardia.db'));
    await new MirrorRecords(store.db).start({
      id: '20261101T000000Z-dead01', from: 'production', to: 'staging', backupId: 'b0', holder: `999999999@${hostname()} (mirror production into staging)`,
      rules: [], seedFiles: [], startedAt: Date.UTC(2026, 10, 1),
    });
    await store.close();
    await cluster.query('create database shop_staging_mirror_dead01');
    // A session left open on staging is ended by the swap instead of blocking it.
    const idle = new pg.Client({ connectionString: cluster.url('shop_staging') });
    idle.on('error', () => undefined);
    await idle.connect();

    const again = await run('good.yaml', 'mirror', 'production', 'staging', '--yes', '--json');
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toBe('');
    expect(JSON.parse(again.stdout)).toMatchObject({ from: 'production', to: 'staging', status: 'succeeded', seedFiles: [join(dir, 'seeds', 'staging.sql')] });
    // The generated key is kept in the store, so a second mirror gives the same fake values.
    expect(await q(`select email from users where id = 1`)).toEqual(first);
    await expect(idle.query('select 1')).rejects.toThrow();
    expect(await databases()).toEqual(['shop', 'shop_staging']);
    await idle.end().catch(() => undefined);

    const history = JSON.parse((await run('good.yaml', 'mirrors', 'staging', '--json')).stdout) as { mirrors: { status: string; rules: string[]; error?: string }[] };
    expect(history.mirrors.map((m) => m.status)).toEqual(['succeeded', 'succeeded', 'failed', 'failed', 'interrupted']);
    expect(history.mirrors[0]?.rules).toContain('audit_log: truncate');
    expect(history.mirrors[3]?.error).toMatch(/no mask rule/);
    expect((await run('good.yaml', 'mirrors', 'staging')).stdout).toMatch(/^ID\s+FROM\s+BACKUP\s+STATUS/);
  }, 180_000);
});
