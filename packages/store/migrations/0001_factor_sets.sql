-- Factor sets and their records: reference data shared by every tenant, so these tables carry
-- no tenant key and become Citus reference tables (replicated to every node).

create table factor_sets (
  id text not null,
  version text not null,
  manifest jsonb not null,
  -- sha256 of the canonical JSON of the manifest and records: reloading the same set is a no-op,
  -- loading different content under the same id@version is refused.
  checksum text not null,
  record_count integer not null check (record_count >= 0),
  loaded_at timestamptz not null default now(),
  primary key (id, version)
);

create table factors (
  set_id text not null,
  set_version text not null,
  -- `<set>/<row id>`; results cite `id@set_version`.
  id text not null,
  -- position in the set as loaded, so records come back in their file order
  ordinal integer not null,
  kind text not null,
  code text not null,
  parameter text not null,
  -- The amount and its unit always travel together (docs/adr/0002-quantities-and-units.md).
  value numeric not null,
  unit text not null check (unit <> ''),
  gas text,
  region text not null,
  year integer,
  valid_from date,
  valid_to date,
  basis text,
  -- {document, clause?, url?, publisher?}
  source jsonb not null,
  licence text not null,
  verification text not null check (verification in ('verified', 'secondary', 'recalled')),
  name text not null,
  name_en text not null,
  aliases text[] not null default '{}',
  notes text,
  primary key (set_id, set_version, id),
  foreign key (set_id, set_version) references factor_sets (id, version)
);

create index factors_code_idx on factors (code, parameter, region);
-- resolving the `id@version` references that calculation runs record
create index factors_ref_idx on factors (id, set_version);
