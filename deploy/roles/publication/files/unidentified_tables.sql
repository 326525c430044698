-- The tables of the current database that logical replication cannot publish safely, one row
-- each, naming the table and why: no replica identity (REPLICA IDENTITY NOTHING, or DEFAULT
-- without a primary key), or REPLICA IDENTITY USING INDEX whose index has been dropped since
-- (pg_class.relreplident stays 'i' while no index of the table is pg_index.indisreplident, and
-- PostgreSQL then treats the table as having no identity). On a published table PostgreSQL
-- refuses every UPDATE and DELETE until it has one ("Replica Identity", PostgreSQL 15
-- documentation, section 31.1.1, and ALTER TABLE ... REPLICA IDENTITY).
select c.relname || case when c.relreplident = 'i'
                         then ' (its REPLICA IDENTITY USING INDEX index was dropped)' else '' end as table_name
from pg_class c join pg_namespace n on n.oid = c.relnamespace
where c.relkind in ('r', 'p') and n.nspname not in ('pg_catalog', 'information_schema', 'masking')
  and (c.relreplident = 'n'
    or (c.relreplident = 'd' and not exists (select from pg_index i where i.indrelid = c.oid and i.indisprimary))
    or (c.relreplident = 'i' and not exists (select from pg_index i where i.indrelid = c.oid and i.indisreplident)))
order by 1
