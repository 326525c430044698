package dev.tollgate.vault.charges;

/** A refund as stored and answered: {@code id} ({@code vrf_...}), the charge refunded, the amount in minor units, the bank's {@code status}. */
record Refund(String id, String chargeId, long amount, String status) {}
