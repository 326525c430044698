-- Masking rules for the vault's database, installed on the masked mirror (see fraud.sql for
-- how the triggers work). Ciphertexts become zero bytes of the same length (staging has its
-- own encryption key anyway), fingerprints the pseudonym payments' and fraud's rules give the
-- same card, holder names a constant; NULLs stay NULL.
create schema if not exists masking;

create or replace function masking.cards() returns trigger language plpgsql as $$
begin
  new.number_ciphertext := decode(repeat('00', octet_length(new.number_ciphertext)), 'hex');
  new.holder_name := case when new.holder_name is null then null else 'Masked Holder' end;
  if tg_op = 'INSERT' or new.fingerprint is distinct from old.fingerprint then
    new.fingerprint := encode(sha256(('masked-fingerprint-' || new.fingerprint)::bytea), 'hex');
  end if;
  return new;
end $$;
create or replace trigger mask before insert or update on cards
  for each row execute function masking.cards();
alter table cards enable always trigger mask;
