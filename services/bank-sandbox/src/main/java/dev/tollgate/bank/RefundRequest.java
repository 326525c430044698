package dev.tollgate.bank;

/** {@code POST /v1/authorizations/{id}/refunds} body: {@code amount} in minor units, required, &gt; 0. */
record RefundRequest(Long amount) {}
