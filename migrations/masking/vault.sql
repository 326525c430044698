-- Masking rules for the vault's staging copy (./pipeline staging). Ciphertexts become zero
-- bytes of the same length (staging has its own encryption key anyway), fingerprints a
-- pseudonym that keeps duplicates (the same one payments' and fraud's rules give), holder
-- names a constant; NULLs stay NULL.
--
-- Why ALTER ... TYPE ... USING and not UPDATE: it rewrites the table once, with the masked
-- values, and rebuilds its indexes; on staging (wal_level = minimal) the rewrite writes no
-- WAL. An UPDATE of every row writes a second version of each row and of each index entry,
-- doubling the heap and indexes, all through the WAL: about 3x slower on a 1 GB copy.
-- Rule: TYPE must be the column's exact current type (see migrations/vault/V*.sql), plus its
-- COLLATE if it has one, so the schema stays production's; the Staging Deploy diffs both
-- schemas after masking and fails on a difference.
alter table cards
  alter column number_ciphertext type bytea
    using decode(repeat('00', octet_length(number_ciphertext)), 'hex'),
  alter column fingerprint type text
    using encode(sha256(('masked-fingerprint-' || fingerprint)::bytea), 'hex'),
  alter column holder_name type text
    using case when holder_name is null then null else 'Masked Holder' end;

-- ALTER ... TYPE drops the columns' planner statistics; gather them again.
analyze cards (number_ciphertext, fingerprint, holder_name);
