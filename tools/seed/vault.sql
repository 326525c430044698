-- The vault's side of payments.sql's data (psql variable :scale, as there): the tokenized
-- cards, their charges and refunds. Ciphertexts are random bytes of a real one's length,
-- never a real card number; fingerprints match payments' cards.
\set ON_ERROR_STOP on
select greatest(20, :scale / 4) as cards \gset

insert into cards (token, number_ciphertext, nonce, fingerprint, brand, last_four, expiry_month,
                   expiry_year, holder_name, created_at)
select 'tok_seed_' || n,
       decode(md5('c1' || n) || md5('c2' || n), 'hex'),
       substr(decode(md5('nonce' || n), 'hex'), 1, 12),
       encode(sha256(('seed-pan-' || (n - n % 7 / 6)::text)::bytea), 'hex'),
       (array['visa', 'mastercard', 'amex', 'discover'])[1 + n % 4],
       lpad((n % 10000)::text, 4, '0'),
       1 + n % 12,
       2027 + n % 5,
       case when n % 5 = 0 then null else 'Card Holder ' || n end,
       now() - interval '190 days' + (n % 180) * interval '1 day'
from generate_series(1::bigint, :cards) as n;

insert into charges (id, token, idempotency_key, amount, currency, status, decline_code,
                     bank_authorization_id, created_at)
select 'ch_seed_' || n, 'tok_seed_' || (1 + n % :cards), 'db_seed_' || n,
       100 + (n * 7919 % 250000),
       (array['USD', 'USD', 'USD', 'EUR', 'GBP'])[1 + n % 5],
       'succeeded', null, 'auth_seed_' || n,
       now() - interval '180 days' + (n % 180) * interval '1 day' + (n % 86400) * interval '1 second'
from generate_series(1::bigint, :scale) as n
where n % 20 <> 0;

insert into refunds (id, charge_id, amount, status, bank_refund_id, created_at)
select 'vrf_seed_' || n, 'ch_seed_' || n,
       case when n % 20 = 10 then 100 + (n * 7919 % 250000) else greatest(1, (100 + (n * 7919 % 250000)) / 3) end,
       'succeeded', 'rf_seed_' || n,
       now() - interval '178 days' + (n % 180) * interval '1 day'
from generate_series(1::bigint, :scale) as n
where n % 20 <> 0 and n % 10 = 0;

analyze;
