-- Masking rules for fraud's database, installed on the masked mirror (deploy/roles/
-- masked_mirror), which receives every row production writes by logical replication. Each
-- masked table has a BEFORE INSERT OR UPDATE trigger that rewrites the row's sensitive columns
-- before the mirror stores it; ENABLE ALWAYS makes it fire in the replication workers (the
-- initial COPY of a table and every change after), which run as session_replication_role
-- replica and skip ordinary triggers. The unmasked values are never written to the mirror's
-- disk, so no copy of it (staging's) ever holds them.
--
-- Card fingerprints become a pseudonym that keeps duplicates (velocity still counts the same
-- card as one) and matches the pseudonym payments' and the vault's rules give the same card.
-- An UPDATE from production carries the row's unmasked fingerprint again; a value equal to
-- the stored one is already masked (PostgreSQL sends an unchanged TOASTed value as the old
-- one), so it is kept, never masked twice.
--
-- Idempotent: the Staging Deploy installs the rules on every run. Everything lives in schema
-- masking, which the copy drops with its triggers (schema masking cascade).
create schema if not exists masking;

create or replace function masking.checks() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' or new.card_fingerprint is distinct from old.card_fingerprint then
    new.card_fingerprint := encode(sha256(('masked-fingerprint-' || new.card_fingerprint)::bytea), 'hex');
  end if;
  return new;
end $$;
create or replace trigger mask before insert or update on checks
  for each row execute function masking.checks();
alter table checks enable always trigger mask;
