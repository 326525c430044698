#!/usr/bin/python3
"""local_basebackup: take a base backup of a running PostgreSQL cluster into a directory on the
same host, refreshing in place the files of the copy an earlier backup left there.

Why not pg_basebackup: it sends the whole cluster through one replication connection and writes
every file anew. On the bench machine creating a file costs about 0.6 ms (a ~1 GB cluster has
about 2,000 of them, mostly small catalog files), while overwriting an existing file's pages
costs microseconds. Each Staging Deploy's copy is much like the last (the same databases, most
relations with the same file names), so rewriting the earlier copy's files in place, creating
only the new ones and removing the gone ones, copies a 900 MB cluster in well under half of
pg_basebackup's time. The module follows PostgreSQL's documented low-level backup API ("Making
a Base Backup Using the Low Level API", PostgreSQL 15 documentation, section 26.3.3) and the
exclusions pg_basebackup makes (src/backend/backup/basebackup.c):

  1. One session: a temporary physical replication slot that reserves WAL from now (it goes
     when the session ends, however it ends), then pg_backup_start(label, fast => true).
  2. The destination made to match the data directory: every file copied (os.sendfile, in
     the kernel) over the destination's file of the same name, largest first, by `parallel`
     threads; files and directories the source no longer has removed. Left out, as
     pg_basebackup leaves them out: the contents of pg_wal, pg_replslot and the runtime-only
     directories; postmaster.pid, postmaster.opts, pg_internal.init and temporary files.
  3. pg_backup_stop(wait_for_archive => false): the WAL segments from the start position to
     the stop position (the stop forces a segment switch, so the last one is complete) are
     copied into the copy's pg_wal, and its backup_label is written, last.
The copy starts as a cluster of its own: PostgreSQL replays that WAL from backup_label's
checkpoint to the end-of-backup record. It is not fsynced (like pg_basebackup --no-sync): it is
a disposable copy.

Runs as the owner of the source data directory (the postgres user), so the copy's files are its,
with the source's modes. The source is only read. If anything fails, the destination is left
without a backup_label (swap_in.sh refuses such a copy) and the next run refreshes it again.
"""
import os
import shutil
import stat
import time
from concurrent.futures import ThreadPoolExecutor

from ansible.module_utils.basic import AnsibleModule

DOCUMENTATION = r"""
module: local_basebackup
short_description: Base backup of a cluster into a directory on the same host, refreshed in place
description:
  - Makes I(dest) a copy of the running cluster whose data directory is I(source_data_dir), taken
    between pg_backup_start() and pg_backup_stop(), with the WAL in between and the backup_label,
    so that it starts as a consistent cluster.
  - I(dest) may be missing, or hold an earlier copy, which is refreshed in place; it must not be
    a running cluster's data directory.
  - Fails if I(source) serves another data directory, if the cluster has tablespaces other than
    pg_default and pg_global, or if any step fails; I(dest) then has no backup_label.
options:
  source_data_dir: {description: The running cluster's data directory., type: path, required: true}
  source: {description: "libpq conninfo of that cluster for a superuser, without dbname ('host=127.0.0.1 port=15434 user=postgres').", type: str, required: true}
  dest: {description: "The copy's directory: created if missing (its parent must be the source owner's to write), refreshed if not.", type: path, required: true}
  parallel: {description: Files copied at once (threads)., type: int, default: 2}
requirements: [psycopg2]
"""

EXAMPLES = r"""
- name: Copy the masked mirror beside staging's cluster.
  local_basebackup:
    source_data_dir: /srv/tollgate/var/staging/mirror/data
    source: host=127.0.0.1 port=15434 user=postgres
    dest: /srv/tollgate/var/staging/postgres/data.copy
"""

RETURN = r"""
start_lsn: {description: The backup's start position (pg_backup_start)., type: str, returned: success}
stop_lsn: {description: The backup's end position (pg_backup_stop)., type: str, returned: success}
files: {description: Files copied from the data directory (WAL segments not counted)., type: int, returned: success}
created: {description: Of those, the files the destination did not have yet., type: int, returned: success}
removed: {description: Files and directories of the destination the source no longer has, removed., type: int, returned: success}
bytes: {description: Bytes copied from the data directory., type: int, returned: success}
wal_segments: {description: WAL segments copied into the copy's pg_wal., type: int, returned: success}
seconds: {description: Seconds from pg_backup_start to the backup_label written, to the millisecond., type: float, returned: success}
"""

# Directories whose contents a base backup leaves out (the directories stay): WAL (copied
# separately, after the stop), replication slots (the source's own), and runtime-only state.
EMPTY_DIRS = {"pg_wal", "pg_replslot", "pg_dynshmem", "pg_notify", "pg_serial", "pg_snapshots",
              "pg_stat_tmp", "pg_subtrans"}
# Files at the top of the data directory that belong to the running server, not its data.
SKIP_TOP_FILES = {"postmaster.pid", "postmaster.opts", "backup_label", "tablespace_map",
                  "backup_manifest", "postgresql.auto.conf.tmp", "current_logfiles.tmp"}


def skipped(rel, name):
    """Whether the file or directory `name` in directory `rel` (relative to the data directory)
    stays out of a base backup."""
    return (rel == "." and name in SKIP_TOP_FILES) or name.startswith(("pg_internal.init", "pgsql_tmp"))


def remove(path):
    """Removes a file, link or directory tree at `path`."""
    if os.path.isdir(path) and not os.path.islink(path):
        shutil.rmtree(path)
    else:
        os.unlink(path)


def plan(source, dest):
    """Walks `source` and makes `dest`'s directory tree match it: directories created (with the
    source's modes), files and directories the source has not removed (in EMPTY_DIRS, all of
    them, and all of pg_wal's but an empty archive_status). Returns (the files to copy as
    [(bytes, source path, dest path)], largest first; how many entries were removed)."""
    files, removed = [], 0
    for directory, subdirs, names in os.walk(source):
        rel = os.path.relpath(directory, source)
        target = dest if rel == "." else os.path.join(dest, rel)
        if not os.path.isdir(target) or os.path.islink(target):
            if os.path.lexists(target):
                remove(target)
            os.mkdir(target)
        os.chmod(target, stat.S_IMODE(os.stat(directory).st_mode))
        keep = set()
        if rel in EMPTY_DIRS:
            subdirs[:] = []
        else:
            subdirs[:] = [d for d in subdirs if not skipped(rel, d)]
            keep.update(subdirs)
            for name in names:
                if skipped(rel, name):
                    continue
                path = os.path.join(directory, name)
                try:
                    info = os.lstat(path)
                except FileNotFoundError:
                    continue  # a relation dropped meanwhile: WAL replay drops it in the copy too
                if stat.S_ISREG(info.st_mode):
                    files.append((info.st_size, path, os.path.join(target, name)))
                    keep.add(name)
        for name in set(os.listdir(target)) - keep:
            remove(os.path.join(target, name))
            removed += 1
    os.makedirs(os.path.join(dest, "pg_wal", "archive_status"), 0o700, exist_ok=True)
    files.sort(reverse=True)
    return files, removed


def copy_file(entry):
    """Copies one file over its destination (os.sendfile, in the kernel: an existing file's pages
    are overwritten, then it is cut to the source's length) with the source's mode. Returns
    (bytes copied, whether the file was created); (0, False) if the source vanished since the
    walk (a dropped relation)."""
    _, source, dest = entry
    try:
        fd_in = os.open(source, os.O_RDONLY)
    except FileNotFoundError:
        return 0, False
    try:
        mode = stat.S_IMODE(os.fstat(fd_in).st_mode)
        created = not os.path.exists(dest)
        fd_out = os.open(dest, os.O_WRONLY | os.O_CREAT, mode)
        try:
            copied = 0
            while True:
                sent = os.sendfile(fd_out, fd_in, copied, 1 << 30)
                if sent == 0:
                    break
                copied += sent
            os.ftruncate(fd_out, copied)
            if not created:
                os.fchmod(fd_out, mode)
        finally:
            os.close(fd_out)
    finally:
        os.close(fd_in)
    return copied, created


def wal_segment_names(start, stop, segment_bytes):
    """WAL segment file names from `start` to `stop` inclusive, both names as pg_walfile_name()
    gives them (timeline, then the segment number split at 4 GiB of WAL)."""
    per_id = 0x100000000 // segment_bytes
    timeline = start[:8]
    first = int(start[8:16], 16) * per_id + int(start[16:24], 16)
    last = int(stop[8:16], 16) * per_id + int(stop[16:24], 16)
    if stop[:8] != timeline or last < first:
        raise ValueError("the backup's WAL runs from %s to %s: not one timeline forward" % (start, stop))
    return ["%s%08X%08X" % (timeline, n // per_id, n % per_id) for n in range(first, last + 1)]


def running_postmaster(data_dir):
    """The pid of the postmaster that runs on `data_dir` (its postmaster.pid, if that process
    lives), else None."""
    try:
        with open(os.path.join(data_dir, "postmaster.pid")) as lock:
            pid = int(lock.readline())
        os.kill(pid, 0)
        return pid
    except (FileNotFoundError, ValueError, ProcessLookupError):
        return None
    except PermissionError:
        return pid  # it lives, as another user


def backup(params, psycopg2):
    """Takes the backup into params['dest']; returns the RETURN values. Raises on any failure."""
    source_dir, dest = os.path.realpath(params["source_data_dir"]), params["dest"]
    conn = psycopg2.connect(params["source"], dbname="postgres")
    conn.autocommit = True
    try:
        with conn.cursor() as cur:
            cur.execute("SELECT current_setting('data_directory'),"
                        " (SELECT setting::bigint FROM pg_settings WHERE name = 'wal_segment_size'),"
                        " (SELECT string_agg(spcname, ', ') FROM pg_tablespace"
                        "   WHERE spcname NOT IN ('pg_default', 'pg_global'))")
            served, segment_bytes, tablespaces = cur.fetchone()
            if os.path.realpath(served) != source_dir:
                raise ValueError("'%s' serves data directory %s, not source_data_dir %s"
                                 % (params["source"], served, source_dir))
            if tablespaces:
                raise ValueError("the cluster has tablespaces (%s); a local base backup copies only "
                                 "the data directory" % tablespaces)
            cur.execute("SELECT pg_create_physical_replication_slot(%s, true, true)",
                        ("tollgate_copy_%d" % os.getpid(),))
            started = time.monotonic()
            cur.execute("SELECT lsn, pg_walfile_name(lsn) FROM pg_backup_start(%s, true) AS lsn",
                        ("tollgate local_basebackup to %s" % dest,))
            start_lsn, start_wal = cur.fetchone()
            files, removed = plan(source_dir, dest)
            with ThreadPoolExecutor(params["parallel"]) as pool:
                results = list(pool.map(copy_file, files))
            cur.execute("SELECT lsn, pg_walfile_name(lsn), labelfile, spcmapfile FROM pg_backup_stop(false)")
            stop_lsn, stop_wal, labelfile, spcmapfile = cur.fetchone()
            if spcmapfile:
                raise ValueError("pg_backup_stop returned a tablespace map; tablespaces are not copied")
            segments = wal_segment_names(start_wal, stop_wal, segment_bytes)
            for name in segments:
                copy_file((0, os.path.join(source_dir, "pg_wal", name), os.path.join(dest, "pg_wal", name)))
                if not os.path.exists(os.path.join(dest, "pg_wal", name)):
                    raise ValueError("WAL segment %s left the source's pg_wal before it was copied" % name)
            with open(os.path.join(dest, "backup_label"), "w") as label:
                label.write(labelfile)
            return dict(start_lsn=start_lsn, stop_lsn=stop_lsn, files=len(files),
                        created=sum(1 for _, new in results if new), removed=removed,
                        bytes=sum(size for size, _ in results), wal_segments=len(segments),
                        seconds=round(time.monotonic() - started, 3))
    finally:
        conn.close()  # ends the backup if it is still running, and drops the temporary slot


def as_owner_of(path):
    """Switches this process to the owner (user and group) of `path`, with umask 077."""
    info = os.stat(path)
    if os.geteuid() == 0 and info.st_uid != 0:
        os.setgroups([])
        os.setgid(info.st_gid)
        os.setuid(info.st_uid)
    os.umask(0o077)


def main():
    module = AnsibleModule(argument_spec=dict(
        source_data_dir=dict(type="path", required=True),
        source=dict(type="str", required=True),
        dest=dict(type="path", required=True),
        parallel=dict(type="int", default=2),
    ), supports_check_mode=False)
    p = module.params
    try:
        import psycopg2
    except ImportError:
        module.fail_json(msg="local_basebackup needs psycopg2 (Debian: python3-psycopg2)")
    if p["parallel"] < 1:
        module.fail_json(msg="parallel must be at least 1, not %d" % p["parallel"])
    if not os.path.isfile(os.path.join(p["source_data_dir"], "PG_VERSION")):
        module.fail_json(msg="source_data_dir %s is not a PostgreSQL data directory (no PG_VERSION)"
                             % p["source_data_dir"])
    if os.path.realpath(p["dest"]) == os.path.realpath(p["source_data_dir"]):
        module.fail_json(msg="dest %s is the source's data directory" % p["dest"])
    pid = running_postmaster(p["dest"])
    if pid:
        module.fail_json(msg="dest %s is the data directory of a running cluster (postmaster pid %d); "
                             "a base backup never writes over one" % (p["dest"], pid))
    as_owner_of(p["source_data_dir"])
    try:
        if os.path.lexists(os.path.join(p["dest"], "backup_label")):
            os.unlink(os.path.join(p["dest"], "backup_label"))
        result = backup(p, psycopg2)
    except Exception as error:  # any failure: the copy is not one, and must not look like one
        try:
            os.unlink(os.path.join(p["dest"], "backup_label"))
        except OSError:
            pass
        module.fail_json(msg="local_basebackup of %s to %s failed: %s"
                             % (p["source_data_dir"], p["dest"], str(error).strip()))
    module.exit_json(changed=True, **result)


if __name__ == "__main__":
    main()
