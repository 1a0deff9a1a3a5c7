-- activity_data becomes a table partitioned by month, one partition per calendar year and a
-- default partition for months outside them. A national deployment holds tens of millions of
-- versions; per-year partitions keep each index small, let queries for a year touch one
-- partition, and let an old year be detached and archived whole. The primary key already holds
-- period_month, as a partitioned table's key must. Columns, key, foreign key, index, the view and
-- the append-only trigger are as before (0003, 0007), so every query keeps working.

alter table activity_data rename to activity_data_unpartitioned;
alter index activity_data_pkey rename to activity_data_unpartitioned_pkey;
alter index activity_data_period_idx rename to activity_data_unpartitioned_period_idx;
-- the view follows the renamed table; it is recreated over the new one below
drop view current_activity_data;

create table activity_data (
  tenant_id text not null references tenants (tenant_id),
  enterprise_id uuid not null,
  source_id uuid not null,
  -- first day of the month
  period_month date not null check (period_month = date_trunc('month', period_month)::date),
  version integer not null check (version >= 1),
  value numeric not null,
  unit text not null check (unit <> ''),
  recorded_by text not null,
  recorded_at timestamptz not null default now(),
  reason text not null,
  source_file text,
  source_sheet text,
  source_row integer,
  parameters jsonb not null default '{}'::jsonb,
  primary key (tenant_id, enterprise_id, source_id, period_month, version),
  foreign key (tenant_id, enterprise_id, source_id)
    references emission_sources (tenant_id, enterprise_id, id)
) partition by range (period_month);

-- 2005 to 2040 covers the national ETS's history and its planning horizon; a month outside goes
-- to the default partition. Adding a year later means detaching the default, creating the year
-- and moving its rows (docs/store.md, "Partitions").
do $$
begin
  for y in 2005..2040 loop
    execute format(
      'create table activity_data_y%s partition of activity_data for values from (%L) to (%L)',
      y, make_date(y, 1, 1), make_date(y + 1, 1, 1));
  end loop;
end
$$;
create table activity_data_default partition of activity_data default;

create index activity_data_period_idx on activity_data (tenant_id, enterprise_id, period_month);

insert into activity_data
  select tenant_id, enterprise_id, source_id, period_month, version, value, unit, recorded_by,
    recorded_at, reason, source_file, source_sheet, source_row, parameters
  from activity_data_unpartitioned;

drop table activity_data_unpartitioned;

-- The latest version of each cell.
create view current_activity_data as
  select distinct on (tenant_id, enterprise_id, source_id, period_month) *
  from activity_data
  order by tenant_id, enterprise_id, source_id, period_month, version desc;

-- On a partitioned table the trigger is cloned onto every partition, present and future.
create trigger activity_data_append_only
  before update or delete on activity_data
  for each row execute function forbid_change();
