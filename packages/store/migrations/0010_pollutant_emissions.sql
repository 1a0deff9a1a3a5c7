-- Air-pollutant emissions of an enterprise (issue 7): SO2, NOx and particulate matter per month or
-- per year, next to its carbon data so that reduce-pollution-and-carbon synergy (减污降碳协同) can
-- be shown over the store. Amounts are masses (value and unit, as entered; the repository checks
-- the unit is a mass and sums in tonnes); where each figure comes from is kept: online
-- monitoring (在线监测 CEMS), the pollutant-discharge permit's execution report (排污许可执行报告)
-- or an estimate (估算).
--
-- Append-only like activity_data: a correction is a new version of the same cell (tenant,
-- enterprise, year, month, pollutant). month 0 is a whole-year figure; 1–12 a month. The
-- application keeps a year either annual or monthly for a pollutant, never both.
create table pollutant_emissions (
  tenant_id text not null references tenants (tenant_id),
  enterprise_id uuid not null,
  year integer not null check (year between 1990 and 2100),
  month integer not null check (month between 0 and 12),
  pollutant text not null check (pollutant in ('SO2', 'NOx', 'PM')),
  version integer not null check (version >= 1),
  value numeric not null check (value >= 0),
  unit text not null check (unit <> ''),
  source text not null check (source in ('cems', 'permit-report', 'estimate')),
  -- the accepted import that wrote it; null for data written otherwise (the demo seed)
  batch_id uuid,
  recorded_by text not null,
  recorded_at timestamptz not null default now(),
  reason text not null,
  source_file text,
  source_sheet text,
  source_row integer,
  primary key (tenant_id, enterprise_id, year, month, pollutant, version),
  foreign key (tenant_id, enterprise_id) references enterprises (tenant_id, id),
  foreign key (tenant_id, batch_id) references import_batches (tenant_id, id)
);

-- The latest version of each cell.
create view current_pollutant_emissions as
  select distinct on (tenant_id, enterprise_id, year, month, pollutant) *
  from pollutant_emissions
  order by tenant_id, enterprise_id, year, month, pollutant, version desc;

create trigger pollutant_emissions_append_only
  before update or delete on pollutant_emissions
  for each row execute function forbid_change();
