#!/usr/bin/env bash
# A build that cannot become healthy where a setting is missing: the vault now requires
# VAULT_REGION at startup. The developer adds it to every place they know of (the vault's
# tests, the in-memory stack the acceptance suite runs) and staging's inventory has it, so every
# stage before production passes; production's inventory lacks it, so there the new release
# exits 2 ("VAULT_REGION is not set") and never answers /health. Runs in a worktree's root.
set -euo pipefail
config=services/vault/src/main/java/dev/tollgate/vault/VaultConfig.java
sed -i 's|^    return new VaultConfig(key, bankUrl|    env.require("VAULT_REGION");\n    return new VaultConfig(key, bankUrl|' "$config"
grep -q 'env.require("VAULT_REGION")' "$config"
for test in services/vault/src/test/java/dev/tollgate/vault/VaultConfigTest.java \
    services/vault/src/test/java/dev/tollgate/vault/VaultServiceIT.java \
    services/stack/src/main/java/dev/tollgate/stack/InMemoryStack.java; do
  sed -i 's|"VAULT_ENCRYPTION_KEY", \(KEY, "BANK_URL"\)|"VAULT_REGION", "test", "VAULT_ENCRYPTION_KEY", \1|; s|^\( *\)"VAULT_ENCRYPTION_KEY", |\1"VAULT_REGION", "test", "VAULT_ENCRYPTION_KEY", |' "$test"
  grep -q '"VAULT_REGION", "test"' "$test"
done
