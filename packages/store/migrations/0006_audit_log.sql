-- The audit log: one hash chain per tenant. Each entry stores the previous entry's hash and
-- its own, computed over the canonical JSON of its fields, so an edited, inserted or removed
-- entry breaks the chain (verified by AuditLogRepository.verify).
create table audit_log (
  tenant_id text not null references tenants (tenant_id),
  seq bigint not null check (seq >= 1),
  at timestamptz not null,
  actor text not null,
  action text not null,
  entity text not null,
  entity_id text,
  details jsonb not null,
  prev_hash text not null,
  hash text not null,
  primary key (tenant_id, seq)
);

create trigger audit_log_append_only
  before update or delete on audit_log
  for each row execute function forbid_change();
