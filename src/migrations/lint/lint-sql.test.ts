import { describe, expect, it } from 'vitest';
import { lintSql } from './lint-sql.js';

const LOCK = "SET lock_timeout = '5s';\n";

/** Rule ids found in a migration, which gets SET lock_timeout (after a leading marker line) unless `bare`. */
async function rules(sql: string, { bare = false } = {}): Promise<string[]> {
  const marker = /^-- guardia: no-transaction\n/.exec(sql)?.[0] ?? '';
  return (await lintSql('m.sql', bare ? sql : marker + LOCK + sql.slice(marker.length))).map((f) => f.rule);
}

describe('lint rules: each flags the unsafe pattern and passes the safer one', () => {
  const cases: [rule: string, unsafe: string, safe: string][] = [
    ['create-index-not-concurrently', 'CREATE INDEX i ON users (email);', '-- guardia: no-transaction\nCREATE INDEX CONCURRENTLY i ON users (email);'],
    ['concurrently-in-transaction', 'CREATE INDEX CONCURRENTLY i ON users (email);', '-- guardia: no-transaction\nCREATE INDEX CONCURRENTLY i ON users (email);'],
    ['add-column-not-null-without-default', 'ALTER TABLE users ADD COLUMN age int NOT NULL;', 'ALTER TABLE users ADD COLUMN age int NOT NULL DEFAULT 0;'],
    ['set-not-null', 'ALTER TABLE users ALTER COLUMN email SET NOT NULL;', 'ALTER TABLE users ADD CONSTRAINT email_nn CHECK (email IS NOT NULL) NOT VALID;'],
    ['drop-column', 'ALTER TABLE users DROP COLUMN nickname;', 'ALTER TABLE users ADD COLUMN nickname2 text;'],
    ['drop-table', 'DROP TABLE sessions;', 'DROP INDEX CONCURRENTLY IF EXISTS unused;'],
    ['rename-column', 'ALTER TABLE users RENAME COLUMN name TO full_name;', 'ALTER TABLE users ADD COLUMN full_name text;'],
    ['rename-table', 'ALTER TABLE users RENAME TO accounts;', 'CREATE VIEW accounts AS SELECT * FROM users;'],
    ['constraint-not-valid', 'ALTER TABLE orders ADD CONSTRAINT fk FOREIGN KEY (user_id) REFERENCES users (id);', 'ALTER TABLE orders ADD CONSTRAINT fk FOREIGN KEY (user_id) REFERENCES users (id) NOT VALID;'],
    ['constraint-not-valid', 'ALTER TABLE orders ADD CONSTRAINT positive CHECK (total > 0);', 'ALTER TABLE orders VALIDATE CONSTRAINT positive;'],
    ['add-unique-or-primary-key', 'ALTER TABLE users ADD CONSTRAINT email_key UNIQUE (email);', 'ALTER TABLE users ADD CONSTRAINT email_key UNIQUE USING INDEX email_idx;'],
    ['add-unique-or-primary-key', 'ALTER TABLE users ADD PRIMARY KEY (id);', 'ALTER TABLE users ADD CONSTRAINT users_pkey PRIMARY KEY USING INDEX users_id_idx;'],
    ['alter-column-type', 'ALTER TABLE users ALTER COLUMN id TYPE bigint;', 'ALTER TABLE users ADD COLUMN id_new bigint;'],
    ['volatile-default', 'ALTER TABLE users ADD COLUMN seen_at timestamptz DEFAULT now();', "ALTER TABLE users ADD COLUMN status text DEFAULT 'active';"],
    ['volatile-default', 'ALTER TABLE users ADD COLUMN token uuid DEFAULT gen_random_uuid();', 'ALTER TABLE users ALTER COLUMN token SET DEFAULT gen_random_uuid();'],
    ['volatile-default', 'ALTER TABLE users ADD COLUMN at timestamptz DEFAULT CURRENT_TIMESTAMP;', 'ALTER TABLE users ADD COLUMN at timestamptz;'],
  ];
  it.each(cases)('%s: %s', async (rule, unsafe, safe) => {
    expect(await rules(unsafe)).toContain(rule);
    expect(await rules(safe)).not.toContain(rule);
  });

  it('missing-lock-timeout: DDL on an existing table needs SET lock_timeout earlier in the file', async () => {
    expect(await rules('ALTER TABLE users ADD COLUMN bio text;', { bare: true })).toEqual(['missing-lock-timeout']);
    expect(await rules("SET lock_timeout = '3s';\nALTER TABLE users ADD COLUMN bio text;", { bare: true })).toEqual([]);
    expect(await rules('SET lock_timeout = 0;\nALTER TABLE users ADD COLUMN bio text;', { bare: true })).toEqual(['missing-lock-timeout']);
    expect(await rules('ALTER TABLE users ADD COLUMN bio text;\nSET lock_timeout = 5000;', { bare: true })).toEqual(['missing-lock-timeout']);
    expect(await rules('CREATE TABLE notes (id int);', { bare: true })).toEqual([]);
  });

  it('volatile-default says whether the default rewrites the table or stamps old rows', async () => {
    const [uuid] = await lintSql('m.sql', `${LOCK}ALTER TABLE users ADD COLUMN token uuid DEFAULT gen_random_uuid();`);
    expect(uuid?.message).toMatch(/DEFAULT gen_random_uuid\(\) rewrites the whole table/);
    const [now] = await lintSql('m.sql', `${LOCK}ALTER TABLE users ADD COLUMN seen timestamptz DEFAULT now();`);
    expect(now?.message).toMatch(/DEFAULT now\(\) stamps every existing row/);
  });

  it('reports file:line, rule, message and the safer pattern', async () => {
    const [finding] = await lintSql('db/0002_x.sql', `${LOCK}\n-- an index\nCREATE INDEX i\n  ON users (email);`);
    expect(finding).toMatchObject({ file: 'db/0002_x.sql', line: 4, rule: 'create-index-not-concurrently' });
    expect(finding?.safer).toMatch(/CONCURRENTLY/);
  });
});

describe('lint context', () => {
  it('never flags statements on a table created earlier in the same file', async () => {
    const sql = [
      'CREATE TABLE orders (id int, user_id int, total int);',
      'CREATE INDEX orders_user ON orders (user_id);',
      'ALTER TABLE orders ADD COLUMN placed_at timestamptz NOT NULL DEFAULT now(), ALTER COLUMN total SET NOT NULL;',
      'ALTER TABLE orders ADD CONSTRAINT fk FOREIGN KEY (user_id) REFERENCES users (id), ADD PRIMARY KEY (id);',
      'ALTER TABLE orders ALTER COLUMN total TYPE bigint, DROP COLUMN placed_at;',
      'ALTER TABLE orders RENAME COLUMN total TO amount;',
      'DROP TABLE orders;',
    ].join('\n');
    expect(await rules(sql, { bare: true })).toEqual([]);
  });

  it('still flags the same statements on a table the file did not create', async () => {
    expect(await rules('CREATE TABLE other (id int);\nCREATE INDEX orders_user ON orders (user_id);')).toEqual(['create-index-not-concurrently']);
  });

  it('a no-transaction file may use CONCURRENTLY, except between explicit BEGIN and COMMIT', async () => {
    const marker = '-- guardia: no-transaction\n';
    expect(await rules(`${marker}${LOCK}CREATE INDEX CONCURRENTLY i ON users (email);`, { bare: true })).toEqual([]);
    expect(await rules(`${marker}${LOCK}BEGIN;\nCREATE INDEX CONCURRENTLY i ON users (email);\nCOMMIT;`, { bare: true })).toEqual(['concurrently-in-transaction']);
    expect(await rules(`${marker}${LOCK}BEGIN;\nCOMMIT;\nDROP INDEX CONCURRENTLY i;`, { bare: true })).toEqual([]);
  });

  it('the marker counts only on the first line', async () => {
    expect(await rules(`${LOCK}-- guardia: no-transaction\nCREATE INDEX CONCURRENTLY i ON users (email);`, { bare: true })).toContain('concurrently-in-transaction');
  });

  it('reports a parse error with its line', async () => {
    expect(await lintSql('bad.sql', 'SELECT 1;\n\nALTER TABLE users ADD COLUM x int;')).toEqual([
      { file: 'bad.sql', line: 3, rule: 'parse-error', message: expect.stringMatching(/syntax error/) },
    ]);
  });
});
