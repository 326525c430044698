-- Charges made through the bank on a tokenized card, one per Idempotency-Key, and the
-- refunds made on them. Amounts are integer minor units (cents).
create table charges (
  id                    text        primary key,
  token                 text        not null references cards (token),
  idempotency_key       text        not null unique,
  amount                bigint      not null check (amount > 0),
  currency              text        not null,
  status                text        not null check (status in ('succeeded', 'declined')),
  decline_code          text,
  bank_authorization_id text        not null,
  created_at            timestamptz not null default now()
);

create index charges_token_idx on charges (token);

create table refunds (
  id             text        primary key,
  charge_id      text        not null references charges (id),
  amount         bigint      not null check (amount > 0),
  status         text        not null,
  bank_refund_id text        not null,
  created_at     timestamptz not null default now()
);

create index refunds_charge_id_idx on refunds (charge_id);
