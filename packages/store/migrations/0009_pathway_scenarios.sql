-- Carbon-peak pathway scenarios saved for an enterprise, a park or a region (issue 7). The
-- document is an analysis PathwayScenario with its quantities as text ("3 %", "0.8 tCO2/t"), as
-- @carbonbase/analysis parses them; the application layer checks it before it is stored.
-- Scenarios are working drafts, edited in place: created_at / updated_at say when, the audit
-- log says who changed what.
create table pathway_scenarios (
  tenant_id text not null references tenants (tenant_id),
  id uuid not null default gen_random_uuid(),
  -- the scope is one of three tables, so it has no foreign key; the application checks that it
  -- exists and that the caller may see it
  scope_kind text not null check (scope_kind in ('enterprise', 'park', 'region')),
  scope_id uuid not null,
  name text not null check (length(name) between 1 and 200),
  document jsonb not null,
  created_by text not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (tenant_id, id)
);

create index pathway_scenarios_scope_idx
  on pathway_scenarios (tenant_id, scope_kind, scope_id, created_at);
