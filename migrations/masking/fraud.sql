-- Masking rules for fraud's staging copy (./pipeline staging): card fingerprints become a
-- pseudonym that keeps duplicates (velocity still counts the same card as one) and matches
-- the pseudonym payments' and the vault's rules give the same card.
--
-- Why ALTER ... TYPE ... USING and not UPDATE: it rewrites the table once, with the masked
-- values, and rebuilds its indexes; on staging (wal_level = minimal) the rewrite writes no
-- WAL. An UPDATE of every row writes a second version of each row and of each index entry,
-- doubling the heap and indexes, all through the WAL: about 3x slower on a 1 GB copy.
-- Rule: TYPE must be the column's exact current type (see migrations/fraud/V*.sql), plus its
-- COLLATE if it has one, so the schema stays production's; the Staging Deploy diffs both
-- schemas after masking and fails on a difference.
alter table checks
  alter column card_fingerprint type text
    using encode(sha256(('masked-fingerprint-' || card_fingerprint)::bytea), 'hex');

-- ALTER ... TYPE drops the column's planner statistics; gather them again, so staging plans
-- velocity queries as production does.
analyze checks (card_fingerprint);
