-- Fraud's side of payments.sql's data (psql variable :scale, as there): one stored check per
-- debit, on the same card fingerprints, with csc_result NULL where payments had none.
\set ON_ERROR_STOP on
select greatest(20, :scale / 4) as cards \gset

insert into checks (id, card_fingerprint, amount, currency, csc_result, csc_check, risk_score,
                    reasons, created_at)
select 'chk_seed_' || n,
       encode(sha256(('seed-pan-' || (c - c % 7 / 6)::text)::bytea), 'hex'),
       100 + (n * 7919 % 250000),
       (array['USD', 'USD', 'USD', 'EUR', 'GBP'])[1 + n % 5],
       case when n % 9 = 0 then null else 'pass' end,
       case when n % 9 = 0 then 'unavailable' else 'pass' end,
       n % 60,
       case when n % 60 >= 30 then array['amount_band_high'] else '{}' end,
       now() - interval '180 days' + (n % 180) * interval '1 day' + (n % 86400) * interval '1 second'
from generate_series(1::bigint, :scale) as n, lateral (select 1 + n % :cards as c) as card;

analyze;
