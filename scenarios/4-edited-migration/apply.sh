#!/usr/bin/env bash
# An already-applied migration is edited: V1 of payments gains a line after production ran it.
# Fresh databases (the component tests) apply the edited file happily. Runs in a worktree.
set -euo pipefail
echo "comment on table marketplaces is 'tenants of the payments API';" \
  >> migrations/payments/V1__create_marketplaces.sql
