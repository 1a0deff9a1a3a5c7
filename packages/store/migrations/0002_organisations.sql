-- Tenants and their organisation tree: regions -> industrial parks -> enterprises ->
-- facilities -> emission sources. Every table carries tenant_id, and every primary key and
-- foreign key starts with it, so each table can be distributed on Citus by tenant_id and all
-- joins stay on one node (docs/adr/0004-store-pglite-and-postgres.md).

create table tenants (
  tenant_id text primary key check (tenant_id ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
  name text not null,
  created_at timestamptz not null default now()
);

-- Administrative regions (province, city, district) as the tenant sees them; `code` is the
-- administrative division code or a region code such as CN-GX.
create table regions (
  tenant_id text not null references tenants (tenant_id),
  id uuid not null default gen_random_uuid(),
  code text not null,
  name text not null,
  name_en text,
  parent_id uuid,
  created_at timestamptz not null default now(),
  primary key (tenant_id, id),
  unique (tenant_id, code),
  foreign key (tenant_id, parent_id) references regions (tenant_id, id)
);

create table industrial_parks (
  tenant_id text not null references tenants (tenant_id),
  id uuid not null default gen_random_uuid(),
  region_id uuid not null,
  code text not null,
  name text not null,
  name_en text,
  created_at timestamptz not null default now(),
  primary key (tenant_id, id),
  unique (tenant_id, code),
  foreign key (tenant_id, region_id) references regions (tenant_id, id)
);

-- An enterprise always lies in a region; it may or may not lie in a park.
create table enterprises (
  tenant_id text not null references tenants (tenant_id),
  id uuid not null default gen_random_uuid(),
  region_id uuid not null,
  park_id uuid,
  -- e.g. the unified social credit code (统一社会信用代码)
  code text not null,
  name text not null,
  name_en text,
  industry text,
  created_at timestamptz not null default now(),
  primary key (tenant_id, id),
  unique (tenant_id, code),
  foreign key (tenant_id, region_id) references regions (tenant_id, id),
  foreign key (tenant_id, park_id) references industrial_parks (tenant_id, id)
);

-- Kiln lines, boilers, …
create table facilities (
  tenant_id text not null references tenants (tenant_id),
  id uuid not null default gen_random_uuid(),
  enterprise_id uuid not null,
  code text not null,
  name text not null,
  name_en text,
  kind text,
  created_at timestamptz not null default now(),
  primary key (tenant_id, id),
  unique (tenant_id, enterprise_id, code),
  foreign key (tenant_id, enterprise_id) references enterprises (tenant_id, id)
);

-- What activity data is reported against: a fuel burnt in a boiler, clinker from a kiln line,
-- purchased electricity. enterprise_id is repeated from the facility so that activity data can
-- reference (tenant, enterprise, source) and scoping by enterprise needs no join.
create table emission_sources (
  tenant_id text not null references tenants (tenant_id),
  id uuid not null default gen_random_uuid(),
  enterprise_id uuid not null,
  facility_id uuid,
  code text not null,
  name text not null,
  name_en text,
  -- e.g. combustion, process, electricity, heat
  category text not null,
  -- what is measured, e.g. bituminous-coal, clinker.portland, electricity
  material text,
  created_at timestamptz not null default now(),
  primary key (tenant_id, id),
  unique (tenant_id, enterprise_id, code),
  unique (tenant_id, enterprise_id, id),
  foreign key (tenant_id, enterprise_id) references enterprises (tenant_id, id),
  foreign key (tenant_id, facility_id) references facilities (tenant_id, id)
);
