-- Debits (charges of a card) and their refunds. Amounts are integer minor units (cents).
-- A debit is stored for every decision: succeeded, or failed with a failure_code.
create table debits (
  id text primary key,
  marketplace_id text not null references marketplaces (id),
  card_id text not null references cards (id),
  amount bigint not null,
  currency text not null,
  status text not null,
  failure_code text,
  risk_score integer not null,
  vault_charge_id text,
  refunded_amount bigint not null default 0,
  description text,
  created_at timestamptz not null default now(),
  constraint debits_amount_positive check (amount > 0),
  constraint debits_status_known check (status in ('succeeded', 'failed')),
  constraint debits_refunded_within_amount check (refunded_amount between 0 and amount)
);

-- GET /v1/debits: a marketplace's debits, newest first.
create index debits_marketplace_created on debits (marketplace_id, created_at desc, id desc);

create table refunds (
  id text primary key,
  marketplace_id text not null references marketplaces (id),
  debit_id text not null references debits (id),
  amount bigint not null,
  status text not null,
  vault_refund_id text not null,
  created_at timestamptz not null default now(),
  constraint refunds_amount_positive check (amount > 0)
);

-- GET /v1/debits/{id}/refunds: a debit's refunds, newest first.
create index refunds_debit_created on refunds (debit_id, created_at desc, id desc);
-- The test-data cleanup deletes by marketplace.
create index refunds_marketplace on refunds (marketplace_id);
