-- Calculation runs: enough to reproduce a result exactly and to find the runs a factor update
-- affects.
create table calculation_runs (
  tenant_id text not null references tenants (tenant_id),
  id uuid not null default gen_random_uuid(),
  enterprise_id uuid,
  period_start date,
  period_end date,
  -- The inputs as the engine saw them, and the sha256 of their canonical JSON.
  inputs jsonb not null,
  input_hash text not null,
  method_set_id text not null,
  method_set_version text not null,
  -- every factor used, as `id@version`
  factor_refs text[] not null,
  -- results and explanations carry quantities as {value, unit}; results_hash is the sha256 of
  -- the canonical JSON of the results, to compare a rerun byte for byte.
  results jsonb not null,
  results_hash text not null,
  explanations jsonb not null,
  created_by text not null,
  created_at timestamptz not null default now(),
  primary key (tenant_id, id),
  foreign key (tenant_id, enterprise_id) references enterprises (tenant_id, id)
);

create index calculation_runs_enterprise_idx on calculation_runs (tenant_id, enterprise_id, created_at);
-- "which runs used this factor?" after a factor-set update
create index calculation_runs_factor_refs_idx on calculation_runs using gin (factor_refs);

create trigger calculation_runs_append_only
  before update or delete on calculation_runs
  for each row execute function forbid_change();
