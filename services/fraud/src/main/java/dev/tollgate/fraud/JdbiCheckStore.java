package dev.tollgate.fraud;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;

/** {@link CheckStore} on the {@code checks} table of the fraud database (migrations/fraud). */
final class JdbiCheckStore implements CheckStore {
  private static final String COLUMNS = "id, card_fingerprint, amount, currency, csc_result, csc_check, risk_score, reasons, created_at";

  private final Jdbi jdbi;

  JdbiCheckStore(DataSource dataSource) {
    this.jdbi = Jdbi.create(dataSource);
  }

  /**
   * One transaction per check, holding a transaction-scoped advisory lock on the fingerprint's
   * hash, so concurrent checks on one card are counted one after the other.
   */
  @Override
  public Check insertScored(String cardFingerprint, Instant since, IntFunction<Check> score) {
    return jdbi.inTransaction(handle -> {
      handle.createQuery("select pg_advisory_xact_lock(hashtext(:fingerprint))::text")
          .bind("fingerprint", cardFingerprint)
          .mapTo(String.class)
          .one();
      int earlier = handle.createQuery("select count(*) from checks where card_fingerprint = :fingerprint and created_at > :since")
          .bind("fingerprint", cardFingerprint)
          .bind("since", since)
          .mapTo(Integer.class)
          .one();
      Check check = score.apply(earlier);
      handle.createUpdate("insert into checks (" + COLUMNS + ") values "
              + "(:id, :fingerprint, :amount, :currency, :cscResult, :cscCheck, :riskScore, :reasons, :createdAt)")
          .bind("id", check.id())
          .bind("fingerprint", check.cardFingerprint())
          .bind("amount", check.amount())
          .bind("currency", check.currency())
          .bind("cscResult", check.cscResult())
          .bind("cscCheck", check.cscCheck())
          .bind("riskScore", check.riskScore())
          .bindArray("reasons", String.class, check.reasons())
          .bind("createdAt", check.createdAt())
          .execute();
      return check;
    });
  }

  @Override
  public Optional<Check> find(String id) {
    return jdbi.withHandle(handle -> handle.createQuery("select " + COLUMNS + " from checks where id = :id")
        .bind("id", id)
        .map((rs, ctx) -> check(rs))
        .findOne());
  }

  private static Check check(ResultSet rs) throws SQLException {
    return new Check(
        rs.getString("id"),
        rs.getInt("risk_score"),
        rs.getString("csc_check"),
        reasons(rs.getArray("reasons")),
        rs.getString("card_fingerprint"),
        rs.getLong("amount"),
        rs.getString("currency"),
        rs.getString("csc_result"),
        rs.getTimestamp("created_at").toInstant());
  }

  private static List<String> reasons(Array array) throws SQLException {
    return array == null ? List.of() : List.of((String[]) array.getArray());
  }
}
