-- Tokenized cards. The card number is stored only as AES-256-GCM ciphertext (the token is
-- the associated data) under VAULT_ENCRYPTION_KEY; the CSC is never stored.
create table cards (
  token             text        primary key,
  number_ciphertext bytea       not null,
  nonce             bytea       not null check (octet_length(nonce) = 12),
  fingerprint       text        not null,
  brand             text        not null,
  last_four         text        not null,
  expiry_month      integer     not null check (expiry_month between 1 and 12),
  expiry_year       integer     not null,
  holder_name       text,
  created_at        timestamptz not null default now()
);

create index cards_fingerprint_idx on cards (fingerprint);
