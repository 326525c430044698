#!/usr/bin/env bash
# Contract break: fraud renames its response field csc_check to security_code_check, and
# updates its own tests so they stay green. Payments still reads csc_check: every debit now
# fails, which only the suites that run services together can see.
# Runs in the root of a throwaway worktree.
set -euo pipefail
fraud=services/fraud/src
sed -i 's/String cscCheck,/String securityCodeCheck,/' "$fraud/main/java/dev/tollgate/fraud/Check.java"
grep -rl 'check\.cscCheck()' "$fraud" | xargs sed -i 's/check\.cscCheck()/check.securityCodeCheck()/g'
grep -rl 'get("csc_check")' "$fraud/test" | xargs sed -i 's/get("csc_check")/get("security_code_check")/g'
