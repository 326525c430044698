package dev.tollgate.service;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * A service's PostgreSQL connection pool, and the startup check that the schema is at least
 * the version the code needs. Services never migrate: the pipeline runs Flyway.
 *
 * <p>Variables: {@code DATABASE_URL} (a JDBC URL, required), {@code DATABASE_USER},
 * {@code DATABASE_PASSWORD}, {@code DATABASE_POOL_SIZE} (default 5).
 */
public final class Database {
  private Database() {}

  /**
   * Opens the pool from the environment and checks the schema.
   *
   * @param requiredVersion the Flyway version the code needs, e.g. {@code "3"} or {@code "2.1"}
   * @throws Env.ConfigException when a variable is missing or malformed
   * @throws SchemaException when the database is unreachable or its schema is too old
   */
  public static HikariDataSource connect(Env env, String requiredVersion) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(env.require("DATABASE_URL"));
    env.find("DATABASE_USER").ifPresent(config::setUsername);
    env.find("DATABASE_PASSWORD").ifPresent(config::setPassword);
    config.setMaximumPoolSize(env.intValue("DATABASE_POOL_SIZE", 5));
    config.setConnectionTimeout(5_000);
    HikariDataSource pool;
    try {
      pool = new HikariDataSource(config);
    } catch (RuntimeException e) {
      throw new SchemaException("cannot connect to " + config.getJdbcUrl() + ": " + rootMessage(e));
    }
    try {
      requireSchema(pool, requiredVersion);
    } catch (SchemaException e) {
      pool.close();
      throw e;
    }
    return pool;
  }

  /**
   * Checks that Flyway's history in {@code dataSource} has applied {@code requiredVersion}
   * or a later one.
   *
   * @throws SchemaException naming both versions when the schema is older, or saying that
   *     the database has never been migrated
   */
  public static void requireSchema(DataSource dataSource, String requiredVersion) {
    String applied = appliedVersion(dataSource);
    if (applied == null) {
      throw new SchemaException("database schema is not migrated (no flyway_schema_history); this code needs version " + requiredVersion + ": run the migrations first");
    }
    if (compareVersions(applied, requiredVersion) < 0) {
      throw new SchemaException("database schema is at version " + applied + " but this code needs at least " + requiredVersion + ": run the migrations first");
    }
  }

  /** The highest successfully applied Flyway version, or null when there is no history. */
  static String appliedVersion(DataSource dataSource) {
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
      ResultSet exists = s.executeQuery("select to_regclass('flyway_schema_history') is not null");
      exists.next();
      if (!exists.getBoolean(1)) {
        return null;
      }
      ResultSet rows = s.executeQuery("select version from flyway_schema_history where success and version is not null");
      String highest = null;
      while (rows.next()) {
        String version = rows.getString(1);
        if (highest == null || compareVersions(version, highest) > 0) {
          highest = version;
        }
      }
      return highest;
    } catch (SQLException e) {
      throw new SchemaException("cannot read the schema version: " + e.getMessage());
    }
  }

  /**
   * Compares Flyway versions part by part numerically ("1.10" &gt; "1.9", "2" == "2.0").
   *
   * @throws SchemaException for a version that is not dot-separated integers
   */
  public static int compareVersions(String a, String b) {
    List<Long> left = parts(a);
    List<Long> right = parts(b);
    for (int i = 0; i < Math.max(left.size(), right.size()); i++) {
      long l = i < left.size() ? left.get(i) : 0;
      long r = i < right.size() ? right.get(i) : 0;
      if (l != r) {
        return Long.compare(l, r);
      }
    }
    return 0;
  }

  private static List<Long> parts(String version) {
    List<Long> parts = new ArrayList<>();
    for (String part : version.split("[._]")) {
      try {
        parts.add(Long.parseLong(part));
      } catch (NumberFormatException e) {
        throw new SchemaException("'" + version + "' is not a Flyway version (expected numbers separated by dots)");
      }
    }
    return parts;
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return root.getMessage();
  }

  /** The database is unreachable or its schema does not match the code. */
  public static final class SchemaException extends RuntimeException {
    public SchemaException(String message) {
      super("database error: " + message);
    }
  }
}
