"""local_basebackup (roles/masked_copy) against a throwaway PostgreSQL 15 cluster: the copy must
start as a cluster of its own with the source's data, and a second backup into the same
directory must refresh it in place (new files created, dropped ones removed)."""
import os

from conftest import free_port


def backup(run_module, postgres, dest, **extra):
    args = dict(source_data_dir=postgres.data, source=postgres.conninfo, dest=dest)
    args.update(extra)
    return run_module("local_basebackup", **args)


def started_copy(postgres, dest):
    """Starts the copy on a free port; returns that port (the fixture stops it at the end)."""
    port = free_port()
    postgres.start(dest, port)
    return port


def test_the_copy_starts_as_a_cluster_with_the_sources_data(postgres, run_module):
    postgres.sql("CREATE TABLE payments AS SELECT g AS id, 'pay_' || g AS ref FROM generate_series(1, 5000) g")
    dest = os.path.join(postgres.dir, "copy")
    rc, result = backup(run_module, postgres, dest)
    assert rc == 0, result
    assert result["files"] > 500 and result["created"] == result["files"] and result["removed"] == 0
    assert result["wal_segments"] >= 1
    assert os.path.isfile(os.path.join(dest, "backup_label"))
    assert not os.path.exists(os.path.join(dest, "postmaster.pid"))
    port = started_copy(postgres, dest)
    try:
        assert postgres.sql("SELECT count(*), max(ref) FROM payments", port) == "5000|pay_999"
    finally:
        postgres.stop(dest)


def test_a_second_backup_refreshes_the_earlier_copy_in_place(postgres, run_module):
    postgres.sql("INSERT INTO payments SELECT g, 'pay_' || g FROM generate_series(5001, 6000) g")
    postgres.sql("CREATE TABLE refunds (id int)")
    postgres.sql("INSERT INTO refunds VALUES (1), (2)")
    dropped = postgres.sql("SELECT pg_relation_filepath('payments')")
    postgres.sql("VACUUM FULL payments")  # payments gets a new file; its old one is gone
    dest = os.path.join(postgres.dir, "copy")
    rc, result = backup(run_module, postgres, dest)
    assert rc == 0, result
    assert 0 < result["created"] < result["files"] / 10, "most files must be refreshed, not created"
    assert result["removed"] >= 1
    assert not os.path.exists(os.path.join(dest, dropped))
    port = started_copy(postgres, dest)
    try:
        assert postgres.sql("SELECT (SELECT count(*) FROM payments), (SELECT count(*) FROM refunds)", port) == "6000|2"
        rc, result = backup(run_module, postgres, dest)
        assert rc == 1
        assert "dest %s is the data directory of a running cluster" % dest in result["msg"]
    finally:
        postgres.stop(dest)


def test_a_source_that_serves_another_data_directory_fails_and_leaves_no_backup_label(postgres, run_module):
    dest = os.path.join(postgres.dir, "copy")
    port = started_copy(postgres, dest)
    try:
        other = "host=127.0.0.1 port=%d user=postgres" % port
        target = os.path.join(postgres.dir, "copy2")
        rc, result = backup(run_module, postgres, target, source=other)
        assert rc == 1
        assert "serves data directory %s, not source_data_dir %s" % (dest, postgres.data) in result["msg"]
        assert not os.path.exists(os.path.join(target, "backup_label"))
    finally:
        postgres.stop(dest)


def test_a_source_data_dir_that_is_not_a_cluster_fails_naming_it(postgres, run_module, tmp_path):
    rc, result = backup(run_module, postgres, os.path.join(postgres.dir, "copy3"),
                        source_data_dir=str(tmp_path))
    assert rc == 1
    assert result["msg"] == "source_data_dir %s is not a PostgreSQL data directory (no PG_VERSION)" % tmp_path
    assert not os.path.exists(os.path.join(postgres.dir, "copy3"))
