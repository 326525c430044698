-- Fraud checks: one row per POST /v1/checks, kept so that velocity (checks on the same card
-- fingerprint within a time window) can be counted and every score can be explained later.
-- card_fingerprint is the vault's HMAC of the card number, never the number itself.
create table checks (
    id               text        primary key,                    -- "chk_" + 32 hex digits
    card_fingerprint text        not null,
    amount           bigint      not null check (amount > 0),    -- minor units (e.g. cents)
    currency         text        not null check (currency ~ '^[A-Z]{3}$'),
    csc_result       text        check (csc_result in ('pass', 'fail', 'unavailable')),  -- as sent; null when absent
    csc_check        text        not null check (csc_check in ('pass', 'fail', 'unavailable')),
    risk_score       integer     not null check (risk_score between 0 and 100),
    reasons          text[]      not null default '{}',          -- the rules that added risk
    created_at       timestamptz not null default now()
);

-- Velocity: count a fingerprint's checks since a given time.
create index checks_card_fingerprint_created_at on checks (card_fingerprint, created_at);
