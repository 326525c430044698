#!/usr/bin/env bash
# NOT NULL without a backfill: payments now stores an empty description rather than NULL for
# a debit created without one, and a new migration makes debits.description NOT NULL. The
# debits production already holds without a description are not backfilled, so the migration
# fails there; the component tests' fresh databases hold no such rows and pass. Runs in the
# root of a throwaway worktree.
set -euo pipefail
store=services/payments/src/main/java/dev/tollgate/payments/debits/DebitStore.java
sed -i 's/\.bind("description", debit\.description())/.bind("description", debit.description() == null ? "" : debit.description())/' "$store"
grep -q 'debit.description() == null ? ""' "$store"
last=$(find migrations/payments -name 'V*.sql' -printf '%f\n' | sed -E 's/^V([0-9]+)__.*/\1/' | sort -n | tail -n 1)
echo "alter table debits alter column description set not null;" \
  > "migrations/payments/V$((last + 1))__require_debit_description.sql"
