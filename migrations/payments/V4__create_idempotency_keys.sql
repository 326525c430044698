-- Idempotency-Key records of POST /v1/debits, per marketplace. The row is inserted before
-- the work starts (response_status null = in progress), so two concurrent requests with one
-- key cannot both charge; it then holds the first answer for replay.
create table idempotency_keys (
  marketplace_id text not null references marketplaces (id),
  key text not null,
  request_hash text not null,
  response_status integer,
  response_body text,
  created_at timestamptz not null default now(),
  constraint idempotency_keys_marketplace_key unique (marketplace_id, key)
);
