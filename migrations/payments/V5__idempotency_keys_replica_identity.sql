-- idempotency_keys has no primary key: its key is the unique (marketplace_id, key), both NOT
-- NULL. Production publishes every table to the masked mirror (logical replication, see
-- deploy/roles/masked_mirror), and PostgreSQL refuses an UPDATE or DELETE on a published table
-- that has no replica identity; this names the unique index as the table's.
alter table idempotency_keys replica identity using index idempotency_keys_marketplace_key;
