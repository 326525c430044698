package dev.tollgate.probe.ledger;

import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;

/**
 * The payments database's {@code debits} table (see {@code migrations/payments}), read only:
 * which of the debits the API acknowledged are really there. Each call opens and closes its
 * own connection (PostgreSQL JDBC driver; connect timeout 10 s, query timeout 60 s).
 */
public final class DebitLedger {
  private final String url;
  private final Properties properties = new Properties();

  /**
   * @param url a {@code jdbc:postgresql://…} URL of the payments database
   * @param user the user, or null to let the URL or the driver decide
   * @param password the password, or null for none
   */
  public DebitLedger(String url, String user, String password) {
    this.url = url;
    if (user != null) {
      properties.setProperty("user", user);
    }
    if (password != null) {
      properties.setProperty("password", password);
    }
    properties.setProperty("connectTimeout", "10");
    properties.setProperty("socketTimeout", "60");
    properties.setProperty("ApplicationName", "rollout-probe");
  }

  /**
   * Checks the database answers and has a readable {@code debits} table.
   *
   * @throws SQLException when it does not
   */
  public void ping() throws SQLException {
    try (Connection connection = connect(); PreparedStatement query = connection.prepareStatement("select id from debits where false")) {
      query.executeQuery().close();
    }
  }

  /**
   * The ids of {@code ids} that are not in {@code debits}, in the order given, each once; one
   * query ({@code id = any(?)}).
   *
   * @throws SQLException when the database cannot be asked
   */
  public List<String> missing(Collection<String> ids) throws SQLException {
    Set<String> wanted = new LinkedHashSet<>(ids);
    if (wanted.isEmpty()) {
      return List.of();
    }
    Set<String> found = new HashSet<>();
    try (Connection connection = connect(); PreparedStatement query = connection.prepareStatement("select id from debits where id = any(?)")) {
      Array array = connection.createArrayOf("text", wanted.toArray());
      query.setArray(1, array);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          found.add(rows.getString(1));
        }
      }
      array.free();
    }
    List<String> missing = new ArrayList<>();
    for (String id : wanted) {
      if (!found.contains(id)) {
        missing.add(id);
      }
    }
    return missing;
  }

  private Connection connect() throws SQLException {
    Connection connection = DriverManager.getConnection(url, properties);
    connection.setReadOnly(true);
    return connection;
  }
}
