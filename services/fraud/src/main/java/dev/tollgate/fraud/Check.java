package dev.tollgate.fraud;

import java.time.Instant;
import java.util.List;

/**
 * A stored fraud check, as both {@code POST /v1/checks} and {@code GET /v1/checks/{id}} show
 * it: {@code {id, risk_score, csc_check, reasons, card_fingerprint, amount, currency,
 * csc_result, created_at}}.
 *
 * <p>{@code cscCheck} is the wire field {@code csc_check}, a contract payments relies on:
 * this record is the one place it is named.
 *
 * @param id "chk_" + 32 hex digits
 * @param riskScore 0..100, see {@link RiskRules}
 * @param cscCheck "pass", "fail" or "unavailable" (when no csc_result was sent)
 * @param reasons the rules that added risk, e.g. {@code ["amount_band_high", "velocity_4_in_60m"]}
 * @param amount minor units
 * @param cscResult what the caller sent, or null
 */
record Check(
    String id,
    int riskScore,
    String cscCheck,
    List<String> reasons,
    String cardFingerprint,
    long amount,
    String currency,
    String cscResult,
    Instant createdAt) {}
