-- A database that exercises what a logical backup must carry over. Loaded by backup-fixture.ts
-- into a fresh database; the role guardia_fixture_owner must exist (it comes from the globals).
create extension pg_trgm;
create extension hstore;

create type booking_status as enum ('pending', 'confirmed', 'cancelled', 'no-show');

create sequence invoice_numbers start 1000 increment 7;
select setval('invoice_numbers', 5012);

create table guests (
  id bigint generated always as identity primary key,
  name text not null,
  email text unique,
  tags text[],
  prefs jsonb,
  photo bytea,
  attrs hstore,
  updated_at timestamptz not null default '2026-01-01T00:00:00Z'
);
comment on table guests is 'Huéspedes: one row per person';
comment on column guests.prefs is 'free-form preferences, jsonb';
create index guests_name_trgm on guests using gin (name gin_trgm_ops);
create index guests_prefs on guests using gin (prefs);

insert into guests (name, email, tags, prefs, photo, attrs)
select 'Huésped ' || i || case when i % 7 = 0 then ' Ñandú 日本' else '' end,
       case when i % 11 = 0 then null else 'guest' || i || '@example.com' end,
       array['tag' || (i % 5), 'año'],
       jsonb_build_object('floor', i % 4, 'late', i % 2 = 0, 'notes', repeat('x', i % 50)),
       decode(md5(i::text), 'hex') || '\x00ff'::bytea,
       hstore('bed', case when i % 2 = 0 then 'double' else 'twin' end)
from generate_series(1, 700) as i;

create table "Reservas Año" (
  "Id" serial primary key,
  "Huésped" bigint references guests (id),
  status booking_status not null default 'pending',
  noches int[] not null,
  "Importe €" numeric(12, 2)
);
comment on column "Reservas Año"."Importe €" is 'importe en euros';
insert into "Reservas Año" ("Huésped", status, noches, "Importe €")
select (i % 700) + 1, (array['pending', 'confirmed', 'cancelled', 'no-show'])[(i % 4) + 1]::booking_status, array[i % 3, i % 5], i * 10.25
from generate_series(1, 1500) as i;

create table "MixedCase" ("Value" numeric(20, 6), "quoted ""col""" text, "nada" text);
insert into "MixedCase" values (123456.789012, 'say "hi"', null), (-1, E'tab\there\nnewline', ''), (0, '\\backslash', 'ok');

create table stays (id int not null, night date not null, guest_id bigint not null, amount numeric(10, 2)) partition by range (night);
create table stays_2025 partition of stays for values from ('2025-01-01') to ('2026-01-01');
create table stays_2026 partition of stays for values from ('2026-01-01') to ('2027-01-01');
create table stays_other partition of stays default;
insert into stays select i, date '2025-06-01' + (i % 900), (i % 700) + 1, i / 3.0 from generate_series(1, 3000) as i;

create unlogged table session_cache (key text primary key, value jsonb);
insert into session_cache select 'k' || i, jsonb_build_object('n', i) from generate_series(1, 50) as i;

create table audit_log (id bigserial primary key, table_name text not null, action text not null, row_id bigint);

create function touch_guest() returns trigger language plpgsql as $$
begin
  new.updated_at := '2026-06-01T00:00:00Z';
  insert into audit_log (table_name, action, row_id) values (tg_table_name, tg_op, new.id);
  return new;
end
$$;
comment on function touch_guest() is 'stamps updated_at and writes the audit log';
create trigger guests_touch before update on guests for each row execute function touch_guest();
update guests set name = name || ' (vip)' where id % 50 = 0;

create function nights_total(guest bigint) returns bigint language sql stable as $$
  select coalesce(sum(cardinality(noches)), 0) from "Reservas Año" where "Huésped" = guest
$$;

create view confirmed_bookings as
  select r."Id", g.name, r."Importe €" from "Reservas Año" r join guests g on g.id = r."Huésped" where r.status = 'confirmed';
comment on view confirmed_bookings is 'confirmed only';

create materialized view nights_per_month as
  select date_trunc('month', night) as month, count(*) as nights, sum(amount) as amount from stays group by 1 with data;
create unique index nights_per_month_month on nights_per_month (month);

select lo_from_bytea(424242, convert_to('large object Ñ ' || repeat('0123456789', 20000), 'UTF8'));
select lo_from_bytea(424243, '\x00010203fffefd'::bytea);
comment on large object 424242 is 'a contract scan';

alter table guests owner to guardia_fixture_owner;
grant select on confirmed_bookings to guardia_fixture_owner;
