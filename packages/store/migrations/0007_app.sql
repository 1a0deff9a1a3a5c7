-- What the application layer needs on top of the system of record: the method set an enterprise
-- reports under, the measured parameters that travel with a monthly value, import batches, and
-- review comments on reporting periods.

alter table enterprises add column method_set text;

-- The other fields of the month's inventory line: measured parameters (NCV, carbon content,
-- biomass fraction as "value unit"), the fuel, contracts… They belong to the version, so a
-- corrected NCV is a new version too.
alter table activity_data add column parameters jsonb not null default '{}'::jsonb;

-- The view's `*` was expanded when it was created; recreate it so it carries the new column.
create or replace view current_activity_data as
  select distinct on (tenant_id, enterprise_id, source_id, period_month) *
  from activity_data
  order by tenant_id, enterprise_id, source_id, period_month, version desc;

-- One row per accepted import: the file's hash and what it changed. A rejected file leaves no
-- row (its issues go back to the user), so the table lists exactly what reached the data.
create table import_batches (
  tenant_id text not null references tenants (tenant_id),
  id uuid not null default gen_random_uuid(),
  enterprise_id uuid not null,
  file_name text not null,
  file_sha256 text not null,
  size_bytes integer not null check (size_bytes >= 0),
  rows_read integer not null check (rows_read >= 0),
  versions_added integer not null check (versions_added >= 0),
  unchanged integer not null check (unchanged >= 0),
  sources_created integer not null check (sources_created >= 0),
  imported_by text not null,
  imported_at timestamptz not null default now(),
  primary key (tenant_id, id),
  foreign key (tenant_id, enterprise_id) references enterprises (tenant_id, id)
);

create index import_batches_enterprise_idx on import_batches (tenant_id, enterprise_id, imported_at);

create trigger import_batches_append_only
  before update or delete on import_batches
  for each row execute function forbid_change();

-- Verifiers and regulators comment on a period under review; comments are never edited.
create table period_comments (
  tenant_id text not null references tenants (tenant_id),
  id uuid not null default gen_random_uuid(),
  enterprise_id uuid not null,
  starts_on date not null,
  ends_on date not null,
  author text not null,
  author_role text not null references roles (id),
  body text not null check (length(body) between 1 and 4000),
  created_at timestamptz not null default now(),
  primary key (tenant_id, id),
  foreign key (tenant_id, enterprise_id, starts_on, ends_on)
    references reporting_periods (tenant_id, enterprise_id, starts_on, ends_on)
);

create index period_comments_period_idx on period_comments (tenant_id, enterprise_id, starts_on);

create trigger period_comments_append_only
  before update or delete on period_comments
  for each row execute function forbid_change();
