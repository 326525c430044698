package dev.tollgate.payments.debits;

/** An HTTP answer as sent, and as replayed for a retried Idempotency-Key: status and JSON body. */
record StoredResponse(int status, String body) {}
