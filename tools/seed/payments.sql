-- Realistic payments data for a local production: marketplaces, cards, debits and refunds
-- spread over six months. psql variable :scale is the number of debits; the rest follows
-- (a card per 4 debits, a marketplace per 2,000, a refund per 10). Ids are deterministic
-- (…_seed_<n>) so vault.sql and fraud.sql can refer to the same cards.
--
-- On purpose, like any real production: NULLs in every optional column (marketplaces.email,
-- cards.holder_name, debits.description) and duplicates where no constraint forbids them
-- (marketplace names, the same card tokenized twice), so a careless migration fails on the
-- staging copy as it would in production.
\set ON_ERROR_STOP on
select greatest(5, :scale / 2000) as marketplaces, greatest(20, :scale / 4) as cards \gset

insert into marketplaces (id, name, email, test, api_key_hash, created_at)
select 'mp_seed_' || n,
       -- every fourth marketplace has the same name as the one before it
       (array['Acme Rentals', 'Blue Harbor', 'Crafted Goods', 'Daily Bread', 'Evergreen Tours'])[1 + m % 5] || ' ' || m,
       case when n % 3 = 1 then null else 'billing+' || n || '@example.com' end,
       n % 50 = 0,
       encode(sha256(('seed-api-key-' || n)::bytea), 'hex'),
       now() - interval '200 days' + (n % 20) * interval '1 day'
from generate_series(1, :marketplaces) as n, lateral (select n - (n % 4 = 0)::int as m) as named;

insert into cards (id, marketplace_id, vault_token, fingerprint, brand, last_four, expiry_month,
                   expiry_year, csc_result, holder_name, created_at)
select 'card_seed_' || n,
       'mp_seed_' || (1 + n % :marketplaces),
       'tok_seed_' || n,
       encode(sha256(('seed-pan-' || (n - n % 7 / 6)::text)::bytea), 'hex'),
       (array['visa', 'mastercard', 'amex', 'discover'])[1 + n % 4],
       lpad((n % 10000)::text, 4, '0'),
       1 + n % 12,
       2027 + n % 5,
       case when n % 40 = 0 then 'unavailable' else 'pass' end,
       case when n % 5 = 0 then null else (array['Ada', 'Grace', 'Linus', 'Ken', 'Barbara', 'Edsger'])[1 + n % 6]
                                          || ' ' || (array['Lovelace', 'Hopper', 'Torvalds', 'Thompson', 'Liskov'])[1 + n % 5] end,
       now() - interval '190 days' + (n % 180) * interval '1 day'
from generate_series(1::bigint, :cards) as n;

insert into debits (id, marketplace_id, card_id, amount, currency, status, failure_code, risk_score,
                    vault_charge_id, refunded_amount, description, created_at)
select 'db_seed_' || n,
       'mp_seed_' || (1 + c % :marketplaces),
       'card_seed_' || c,
       100 + (n * 7919 % 250000),
       (array['USD', 'USD', 'USD', 'EUR', 'GBP'])[1 + n % 5],
       case when n % 20 = 0 then 'failed' else 'succeeded' end,
       case when n % 20 = 0 then (array['card_declined', 'insufficient_funds', 'csc_check_failed'])[1 + n / 20 % 3] end,
       n % 60,
       case when n % 20 = 0 then null else 'ch_seed_' || n end,
       0,
       case when n % 5 < 2 then null else 'Order #' || (100000 + n) end,
       now() - interval '180 days' + (n % 180) * interval '1 day' + (n % 86400) * interval '1 second'
from generate_series(1::bigint, :scale) as n, lateral (select 1 + n % :cards as c) as card;

-- Every tenth successful debit is refunded: half of them in full, half in part.
insert into refunds (id, marketplace_id, debit_id, amount, status, vault_refund_id, created_at)
select 'rf_seed_' || d.n, d.marketplace_id, d.id,
       case when d.n % 20 = 10 then d.amount else greatest(1, d.amount / 3) end,
       'succeeded', 'vrf_seed_' || d.n, d.created_at + interval '2 days'
from (select id, marketplace_id, amount, created_at, substr(id, 9)::bigint as n from debits
      where id like 'db_seed_%' and status = 'succeeded') as d
where d.n % 10 = 0;

update debits set refunded_amount = r.amount
from refunds as r where r.debit_id = debits.id and debits.id like 'db_seed_%';

analyze;
