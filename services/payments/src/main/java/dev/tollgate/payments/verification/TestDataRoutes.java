package dev.tollgate.payments.verification;

import static net.logstash.logback.argument.StructuredArguments.kv;

import dev.tollgate.service.ApiError;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cleanup for the production-safe verification suites.
 *
 * <p>{@code DELETE /internal/test-data?marketplace_id=mp_…} or
 * {@code ?created_before=<ISO instant>} (the sweeper), header {@code X-Verification-Token}:
 * no or wrong token (or no VERIFICATION_TOKEN configured) → 401 {@code unauthorized}; a named
 * marketplace that is not {@code test} → 403 {@code not_test_data} and nothing deleted; else
 * the selected test marketplaces and their refunds, debits, cards and idempotency records are
 * deleted in one transaction → 200 {@code {"deleted": {marketplaces, cards, debits, refunds}}}
 * (all 0 for an unknown marketplace). 400 {@code missing_field} unless exactly one of the two
 * parameters is given; 400 {@code invalid_created_before} for a malformed instant.
 */
public final class TestDataRoutes {
  private static final Logger LOG = LoggerFactory.getLogger(TestDataRoutes.class);
  private final VerificationToken token;
  private final TestDataCleaner cleaner;

  private TestDataRoutes(VerificationToken token, TestDataCleaner cleaner) {
    this.token = token;
    this.cleaner = cleaner;
  }

  /** Registers the route; {@code verificationToken} empty means the endpoint always answers 401. */
  public static void register(Javalin app, Jdbi jdbi, Optional<String> verificationToken) {
    TestDataRoutes routes = new TestDataRoutes(new VerificationToken(verificationToken), new TestDataCleaner(jdbi));
    app.delete("/internal/test-data", routes::delete);
  }

  private void delete(Context ctx) {
    if (!token.matches(ctx.header("X-Verification-Token"))) {
      throw ApiError.unauthorized("a valid X-Verification-Token header is required");
    }
    Selection selection = Selection.parse(ctx.queryParam("marketplace_id"), ctx.queryParam("created_before"));
    DeletedCounts deleted = cleaner.delete(selection);
    LOG.info("test data deleted {} {} {} {} {} {}", kv("marketplace_id", selection.marketplaceId()), kv("created_before", selection.createdBefore()),
        kv("marketplaces", deleted.marketplaces()), kv("cards", deleted.cards()), kv("debits", deleted.debits()), kv("refunds", deleted.refunds()));
    ctx.json(Map.of("deleted", deleted));
  }
}
