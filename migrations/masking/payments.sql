-- Masking rules for payments' database, installed on the masked mirror (see fraud.sql for how
-- the triggers work). Every sensitive column becomes a deterministic fake of the same shape;
-- NULLs stay NULL and duplicates stay duplicates, so a migration meets production's data on
-- staging, minus the secrets.
create schema if not exists masking;

-- Marketplaces: the contact email and the API key's hash, both derived from the id.
create or replace function masking.marketplaces() returns trigger language plpgsql as $$
begin
  new.email := case when new.email is null then null else 'marketplace-' || new.id || '@example.invalid' end;
  new.api_key_hash := encode(sha256(('masked-api-key-' || new.id)::bytea), 'hex');
  return new;
end $$;
create or replace trigger mask before insert or update on marketplaces
  for each row execute function masking.marketplaces();
alter table marketplaces enable always trigger mask;

-- Cards: a constant holder name; the fingerprint the same pseudonym as fraud's and the
-- vault's rules give the same card (an unchanged, already masked value is kept).
create or replace function masking.cards() returns trigger language plpgsql as $$
begin
  new.holder_name := case when new.holder_name is null then null else 'Masked Holder' end;
  if tg_op = 'INSERT' or new.fingerprint is distinct from old.fingerprint then
    new.fingerprint := encode(sha256(('masked-fingerprint-' || new.fingerprint)::bytea), 'hex');
  end if;
  return new;
end $$;
create or replace trigger mask before insert or update on cards
  for each row execute function masking.cards();
alter table cards enable always trigger mask;
