-- Masking rules for fraud's staging copy (./pipeline staging): card fingerprints become a
-- pseudonym that keeps duplicates (velocity still counts the same card as one).
update checks set
  card_fingerprint = encode(sha256(('masked-fingerprint-' || card_fingerprint)::bytea), 'hex');
