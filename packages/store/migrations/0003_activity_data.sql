-- Reporting periods and monthly activity data.

-- A period an enterprise reports for (a month or a year) and where it stands in review.
-- The allowed transitions are business rules and live in the application layer.
create table reporting_periods (
  tenant_id text not null references tenants (tenant_id),
  enterprise_id uuid not null,
  starts_on date not null,
  ends_on date not null,
  status text not null default 'open',
  updated_at timestamptz not null default now(),
  primary key (tenant_id, enterprise_id, starts_on, ends_on),
  check (ends_on >= starts_on),
  foreign key (tenant_id, enterprise_id) references enterprises (tenant_id, id)
);

-- Append-only: a correction is a new version of the same cell (tenant, enterprise, source,
-- month), never an update. Who, when, why and from which file row are kept on every version.
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
  primary key (tenant_id, enterprise_id, source_id, period_month, version),
  foreign key (tenant_id, enterprise_id, source_id)
    references emission_sources (tenant_id, enterprise_id, id)
);

create index activity_data_period_idx on activity_data (tenant_id, enterprise_id, period_month);

-- The latest version of each cell.
create view current_activity_data as
  select distinct on (tenant_id, enterprise_id, source_id, period_month) *
  from activity_data
  order by tenant_id, enterprise_id, source_id, period_month, version desc;

-- Guards append-only tables against UPDATE and DELETE from the application. A database owner
-- can still disable it; the audit log's hash chain is what makes such edits detectable.
create function forbid_change() returns trigger language plpgsql as $$
begin
  raise exception '% is append-only', tg_table_name using errcode = 'P0001';
end
$$;

create trigger activity_data_append_only
  before update or delete on activity_data
  for each row execute function forbid_change();
