-- Masking rules for payments' staging copy (./pipeline staging). Every sensitive column is
-- replaced by a deterministic fake of the same shape; NULLs stay NULL and duplicates stay
-- duplicates, so a migration meets production's data on staging, minus the secrets.
update marketplaces set
  email = case when email is null then null else 'marketplace-' || id || '@example.invalid' end,
  api_key_hash = encode(sha256(('masked-api-key-' || id)::bytea), 'hex');

update cards set
  holder_name = case when holder_name is null then null else 'Masked Holder' end,
  fingerprint = encode(sha256(('masked-fingerprint-' || fingerprint)::bytea), 'hex');
