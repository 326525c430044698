-- Cards tokenized through the vault. Payments keeps the vault's token, the card's
-- fingerprint and the CSC verification result: never the card number, never the CSC.
create table cards (
  id text primary key,
  marketplace_id text not null references marketplaces (id),
  vault_token text not null,
  fingerprint text not null,
  brand text not null,
  last_four text not null,
  expiry_month integer not null,
  expiry_year integer not null,
  csc_result text not null,
  holder_name text,
  created_at timestamptz not null default now(),
  constraint cards_expiry_month_range check (expiry_month between 1 and 12)
);

-- GET /v1/cards: a marketplace's cards, newest first.
create index cards_marketplace_created on cards (marketplace_id, created_at desc, id desc);
