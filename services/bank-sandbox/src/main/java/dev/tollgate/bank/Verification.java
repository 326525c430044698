package dev.tollgate.bank;

/** A verification's answer: {@code csc_result} is "pass", "fail" or "unavailable". */
record Verification(String cscResult) {}
