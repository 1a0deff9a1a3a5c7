-- Users, roles and API tokens.

-- The six roles are fixed reference data: no tenant key, a Citus reference table.
create table roles (
  id text primary key,
  description text not null
);

insert into roles (id, description) values
  ('platform-admin', 'Administers the platform: tenants, users, factor sets'),
  ('regulator', 'Regional regulator: reads enterprises in its region'),
  ('park-admin', 'Park administrator: reads enterprises in its park'),
  ('enterprise-manager', 'Manages its enterprise: data, submissions, users'),
  ('data-clerk', 'Enters and imports activity data for its enterprise'),
  ('verifier', 'Reads and comments on the enterprises assigned to it');

create table users (
  tenant_id text not null references tenants (tenant_id),
  id uuid not null default gen_random_uuid(),
  login text not null,
  display_name text not null,
  -- a password hash (scrypt or similar) written by the application, never the password
  password_hash text,
  created_at timestamptz not null default now(),
  disabled_at timestamptz,
  primary key (tenant_id, id),
  unique (tenant_id, login)
);

-- A role held by a user, with its scope. The check says which scope column each role needs.
create table role_grants (
  tenant_id text not null references tenants (tenant_id),
  id uuid not null default gen_random_uuid(),
  user_id uuid not null,
  role text not null references roles (id),
  region_id uuid,
  park_id uuid,
  enterprise_id uuid,
  granted_by text not null,
  granted_at timestamptz not null default now(),
  primary key (tenant_id, id),
  foreign key (tenant_id, user_id) references users (tenant_id, id),
  foreign key (tenant_id, region_id) references regions (tenant_id, id),
  foreign key (tenant_id, park_id) references industrial_parks (tenant_id, id),
  foreign key (tenant_id, enterprise_id) references enterprises (tenant_id, id),
  check (
    case role
      when 'platform-admin' then num_nonnulls(region_id, park_id, enterprise_id) = 0
      when 'regulator' then region_id is not null and num_nonnulls(park_id, enterprise_id) = 0
      when 'park-admin' then park_id is not null and num_nonnulls(region_id, enterprise_id) = 0
      else enterprise_id is not null and num_nonnulls(region_id, park_id) = 0
    end
  )
);

-- Only a hash of the token is stored; the token itself is shown once when it is issued.
create table api_tokens (
  tenant_id text not null references tenants (tenant_id),
  id uuid not null default gen_random_uuid(),
  user_id uuid not null,
  name text not null,
  token_hash text not null,
  created_at timestamptz not null default now(),
  expires_at timestamptz,
  last_used_at timestamptz,
  revoked_at timestamptz,
  primary key (tenant_id, id),
  unique (tenant_id, token_hash),
  foreign key (tenant_id, user_id) references users (tenant_id, id)
);
