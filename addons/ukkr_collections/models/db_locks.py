"""Transaction-level advisory locks of the suite: long set-based jobs that must not run twice at once.

A lock is held until the transaction ends (commit or rollback), so a job that fails releases it. Jobs try the lock
and refuse at once with a clear message rather than wait. Keys are fixed numbers, one per kind of job (26320000 +
n, after order № 2632-р); a new job kind adds its key here.
"""

CLOSE_KEY = 26320001    # the monthly close (exclusive); imports hold it shared, so a close waits for no import
IMPORT_KEY = 26320002   # the billing-file import (exclusive): one import at a time


def try_lock(cr, key, shared=False):
    """Take the lock for the rest of the transaction if nobody else holds it in a conflicting mode."""
    cr.execute("SELECT pg_try_advisory_xact_lock%s(%%s)" % ("_shared" if shared else ""), (key,))
    return cr.fetchone()[0]


def held_by_others(cr, key):
    """Modes ('ShareLock', 'ExclusiveLock') in which other sessions hold the lock now — in this database only
    (advisory locks are per database; another database of the cluster, e.g. the bench's, is not our business)."""
    cr.execute("""SELECT DISTINCT mode FROM pg_locks
                  WHERE locktype = 'advisory' AND granted AND pid != pg_backend_pid()
                    AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
                    AND classid = %s AND objid = %s AND objsubid = 1""", (key >> 32, key & 0xFFFFFFFF))
    return {mode for (mode,) in cr.fetchall()}
