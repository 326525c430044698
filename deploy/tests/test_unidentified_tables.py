"""roles/publication/files/unidentified_tables.sql (run by the publication role on production and
by the Staging Deploy on the migrated copy) against a throwaway PostgreSQL 15 cluster: every
table that logical replication cannot publish safely is listed, and no other."""
from conftest import DEPLOY

QUERY = (DEPLOY / "roles/publication/files/unidentified_tables.sql").read_text()

TABLES = """
create table with_key (id int primary key);
create table without_key (note text);
create table identity_full (note text); alter table identity_full replica identity full;
create table identity_nothing (id int primary key); alter table identity_nothing replica identity nothing;
create table identity_index (id int not null); create unique index identity_index_id on identity_index (id);
alter table identity_index replica identity using index identity_index_id;
create table index_dropped (id int not null); create unique index index_dropped_id on index_dropped (id);
alter table index_dropped replica identity using index index_dropped_id; drop index index_dropped_id;
create schema masking; create table masking.rules (note text);
"""


def test_lists_each_table_without_a_usable_replica_identity_and_why(postgres):
    postgres.sql("create database identity_test")
    try:
        postgres.as_postgres("psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1", "-p", str(postgres.port),
                             "-d", "identity_test", "-c", TABLES)
        listed = postgres.as_postgres("psql", "-X", "-At", "-h", "127.0.0.1", "-p", str(postgres.port),
                                      "-d", "identity_test", "-c", QUERY).stdout.splitlines()
        assert listed == [
            "identity_nothing",
            "index_dropped (its REPLICA IDENTITY USING INDEX index was dropped)",
            "without_key",
        ]
    finally:
        postgres.sql("drop database identity_test")
