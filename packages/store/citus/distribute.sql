-- Distributes the carbonbase schema on Citus, run once on the coordinator after the migrations
-- (docs/adr/0006-citus-distribution.md). Reference tables are copied to every node; every other
-- table is hash-distributed by tenant_id and colocated with tenants, so all rows of a tenant and
-- all joins between them stay on one node. Tables are listed so that a foreign key's target is
-- distributed before the table that references it. test/citus.test.ts checks this file against
-- the migrated catalog: a new table without a line here fails it.
--
-- Stays on the coordinator: schema_migrations (migration bookkeeping; DDL is run there and
-- propagated by Citus).

-- The append-only triggers only raise an error and read no other row, which is safe on shards;
-- Citus asks for this setting before it propagates triggers it cannot check.
set citus.enable_unsafe_triggers = on;

-- reference tables: shared by all tenants
select create_reference_table('factor_sets');
select create_reference_table('factors');
select create_reference_table('roles');

-- tenant tables
select create_distributed_table('tenants', 'tenant_id');
select create_distributed_table('regions', 'tenant_id', colocate_with => 'tenants');
select create_distributed_table('industrial_parks', 'tenant_id', colocate_with => 'tenants');
select create_distributed_table('enterprises', 'tenant_id', colocate_with => 'tenants');
select create_distributed_table('facilities', 'tenant_id', colocate_with => 'tenants');
select create_distributed_table('emission_sources', 'tenant_id', colocate_with => 'tenants');
select create_distributed_table('reporting_periods', 'tenant_id', colocate_with => 'tenants');
-- partitioned: Citus distributes its partitions with it, colocated
select create_distributed_table('activity_data', 'tenant_id', colocate_with => 'tenants');
select create_distributed_table('users', 'tenant_id', colocate_with => 'tenants');
select create_distributed_table('role_grants', 'tenant_id', colocate_with => 'tenants');
select create_distributed_table('api_tokens', 'tenant_id', colocate_with => 'tenants');
select create_distributed_table('calculation_runs', 'tenant_id', colocate_with => 'tenants');
select create_distributed_table('audit_log', 'tenant_id', colocate_with => 'tenants');
select create_distributed_table('import_batches', 'tenant_id', colocate_with => 'tenants');
-- after import_batches, which its batch_id refers to
select create_distributed_table('pollutant_emissions', 'tenant_id', colocate_with => 'tenants');
select create_distributed_table('period_comments', 'tenant_id', colocate_with => 'tenants');
select create_distributed_table('pathway_scenarios', 'tenant_id', colocate_with => 'tenants');
