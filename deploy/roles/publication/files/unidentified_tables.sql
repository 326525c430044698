-- The tables of the current database that logical replication cannot publish safely: no
-- replica identity (neither a primary key nor REPLICA IDENTITY USING INDEX or FULL). On a
-- published table, PostgreSQL refuses every UPDATE and DELETE until it has one. One row each.
select c.relname as table_name
from pg_class c join pg_namespace n on n.oid = c.relnamespace
where c.relkind in ('r', 'p') and n.nspname not in ('pg_catalog', 'information_schema', 'masking')
  and (c.relreplident = 'n'
    or (c.relreplident = 'd' and not exists (select from pg_index i where i.indrelid = c.oid and i.indisprimary)))
order by 1
