package dev.tollgate.fraud;

import static net.logstash.logback.argument.StructuredArguments.kv;

import dev.tollgate.service.ApiError;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Fraud checks: validate, score with {@link RiskRules}, store; and read back by id. */
final class Checks {
  private static final Logger LOG = LoggerFactory.getLogger(Checks.class);

  private final CheckStore store;
  private final RiskRules rules;
  private final Clock clock;

  Checks(CheckStore store, RiskRules rules, Clock clock) {
    this.store = store;
    this.rules = rules;
    this.clock = clock;
  }

  /**
   * Scores and stores one check. Velocity counts this card's checks created within the
   * window before now, plus this one.
   *
   * @throws ApiError 400 for an invalid request (see {@link CheckRequest#validate()})
   */
  Check create(CheckRequest request) {
    request.validate();
    String cscCheck = RiskRules.cscCheck(request.cscResult());
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    Check check = store.insertScored(request.cardFingerprint(), now.minus(rules.window()), earlier -> {
      RiskRules.Assessment assessment = rules.assess(request.amount(), cscCheck, earlier + 1);
      return new Check("chk_" + UUID.randomUUID().toString().replace("-", ""), assessment.score(), cscCheck, assessment.reasons(),
          request.cardFingerprint(), request.amount(), request.currency(), request.cscResult(), now);
    });
    LOG.info("check stored {} {} {} {}", kv("check_id", check.id()), kv("risk_score", check.riskScore()), kv("csc_check", check.cscCheck()),
        kv("reasons", check.reasons()));
    return check;
  }

  /**
   * The check with this id.
   *
   * @throws ApiError 404 {@code not_found}
   */
  Check get(String id) {
    return store.find(id).orElseThrow(() -> ApiError.notFound("check", id));
  }
}
