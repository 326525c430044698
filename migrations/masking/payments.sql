-- Masking rules for payments' staging copy (./pipeline staging). Every sensitive column is
-- replaced by a deterministic fake of the same shape; NULLs stay NULL and duplicates stay
-- duplicates, so a migration meets production's data on staging, minus the secrets.
--
-- Why ALTER ... TYPE ... USING and not UPDATE for cards: it rewrites the table once, with the
-- masked values, and rebuilds its indexes; on staging (wal_level = minimal) the rewrite writes
-- no WAL. An UPDATE of every row writes a second version of each row and of each index entry,
-- doubling the heap and indexes, all through the WAL: about 3x slower on a 1 GB copy.
-- Rule: TYPE must be the column's exact current type (see migrations/payments/V*.sql), plus its
-- COLLATE if it has one, so the schema stays production's; the Staging Deploy diffs both
-- schemas after masking and fails on a difference.

-- marketplaces has a few hundred rows: an UPDATE costs nothing there.
update marketplaces set
  email = case when email is null then null else 'marketplace-' || id || '@example.invalid' end,
  api_key_hash = encode(sha256(('masked-api-key-' || id)::bytea), 'hex');

-- Fingerprints: the same pseudonym as fraud's and the vault's rules give the same card.
alter table cards
  alter column holder_name type text
    using case when holder_name is null then null else 'Masked Holder' end,
  alter column fingerprint type text
    using encode(sha256(('masked-fingerprint-' || fingerprint)::bytea), 'hex');

-- ALTER ... TYPE drops the columns' planner statistics; gather them again.
analyze cards (holder_name, fingerprint);
