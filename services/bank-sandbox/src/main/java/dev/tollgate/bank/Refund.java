package dev.tollgate.bank;

/** A refund: {@code id} "rf_…", {@code amount} in minor units, {@code status} always "succeeded". */
record Refund(String id, String authorizationId, long amount, String status) {}
