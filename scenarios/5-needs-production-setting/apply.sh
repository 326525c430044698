#!/usr/bin/env bash
# A build that cannot become healthy where a setting is missing: the vault now requires
# VAULT_REGION at startup, which only staging's inventory sets, so in production it exits 2
# ("VAULT_REGION is not set") and never answers /health. Runs in the root of a worktree.
set -euo pipefail
config=services/vault/src/main/java/dev/tollgate/vault/VaultConfig.java
sed -i 's|  public static VaultConfig from(Env env) {|  public static VaultConfig from(Env env) {\n    env.require("VAULT_REGION");|' "$config"
grep -q 'env.require("VAULT_REGION")' "$config"
