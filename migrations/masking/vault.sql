-- Masking rules for the vault's staging copy (./pipeline staging). Ciphertexts become zero
-- bytes of the same length (staging has its own encryption key anyway), fingerprints a
-- pseudonym that keeps duplicates, holder names a constant; NULLs stay NULL.
update cards set
  number_ciphertext = decode(repeat('00', octet_length(number_ciphertext)), 'hex'),
  fingerprint = encode(sha256(('masked-fingerprint-' || fingerprint)::bytea), 'hex'),
  holder_name = case when holder_name is null then null else 'Masked Holder' end;
