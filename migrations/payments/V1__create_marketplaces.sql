-- Marketplaces are the payments API's tenants. The API key is shown once at signup and
-- stored only as the lowercase hex SHA-256 of the key.
-- No unique constraint on name: two marketplaces may share a name.
create table marketplaces (
  id text primary key,
  name text not null,
  email text,
  test boolean not null default false,
  api_key_hash text not null,
  created_at timestamptz not null default now(),
  constraint marketplaces_api_key_hash_unique unique (api_key_hash)
);

-- The test-data sweeper deletes test marketplaces created before an instant.
create index marketplaces_test_created_at on marketplaces (created_at) where test;
