package dev.tollgate.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.testkit.TestDatabase;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationCheckIT {
  @TempDir Path migrations;
  private TestDatabase db;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void database() {
    db = TestDatabase.empty("migrations");
  }

  @Test
  void migratePrintsEachMigrationAndReachesTheLatestVersion() throws Exception {
    write("V1__create_accounts.sql", "create table accounts (id bigint primary key, email text);");
    write("V2__add_name.sql", "alter table accounts add column name text;");

    assertThat(run("migrate")).isZero();

    assertThat(out.toString()).contains("V1 V1__create_accounts.sql").contains("V2 V2__add_name.sql").contains("from empty to 2 (2 applied)");
    assertThat(appliedVersions()).isEqualTo("1,2");
  }

  @Test
  void aNotNullWithoutBackfillFailsNamingTheFileAndPostgresError() throws Exception {
    write("V1__create_accounts.sql", "create table accounts (id bigint primary key, email text); insert into accounts values (1, null);");
    assertThat(run("migrate")).isZero();
    write("V2__require_email.sql", "alter table accounts alter column email set not null;");

    assertThat(run("migrate")).isEqualTo(1);

    assertThat(err.toString()).contains("V2__require_email.sql").contains("contains null values");
    assertThat(appliedVersions()).isEqualTo("1");
  }

  @Test
  void validateRefusesAnEditedAppliedMigrationNamingIt() throws Exception {
    write("V1__create_accounts.sql", "create table accounts (id bigint primary key);");
    assertThat(run("migrate")).isZero();
    write("V1__create_accounts.sql", "create table accounts (id bigint primary key, extra text);");

    assertThat(run("validate")).isEqualTo(1);

    assertThat(err.toString()).contains("V1__create_accounts.sql").containsIgnoringCase("checksum");
  }

  @Test
  void validateAcceptsPendingMigrations() throws Exception {
    write("V1__create_accounts.sql", "create table accounts (id bigint primary key);");
    assertThat(run("migrate")).isZero();
    write("V2__add_name.sql", "alter table accounts add column name text;");

    assertThat(run("validate")).isZero();
    assertThat(out.toString()).contains("1 applied migrations match, 1 pending");
  }

  @Test
  void aMissingDirectoryIsBadInputNamingIt() {
    assertThat(Main.run(new PrintWriter(out), new PrintWriter(err), "migrate", "--url", db.jdbcUrl(), "--user", "postgres", "--locations", "/no/such/dir")).isEqualTo(2);
    assertThat(err.toString()).contains("/no/such/dir does not exist");
  }

  @Test
  void anUnreachableDatabaseIsBadInputNamingTheUrl() {
    assertThat(Main.run(new PrintWriter(out), new PrintWriter(err), "validate", "--url", "jdbc:postgresql://127.0.0.1:1/x", "--locations", migrations.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("cannot connect to jdbc:postgresql://127.0.0.1:1/x");
  }

  @Test
  void aHistoryTableOfItsOwnLeavesFlywaysDefaultTableAlone() throws Exception {
    write("V1__create_accounts.sql", "create table accounts (id bigint primary key);");

    assertThat(Main.run(new PrintWriter(out, true), new PrintWriter(err, true), "migrate", "--url", db.jdbcUrl(), "--user", "postgres",
        "--locations", migrations.toString(), "--history-table", "mirror_schema_history")).isZero();

    try (Connection c = db.dataSource().getConnection();
        ResultSet rs = c.createStatement().executeQuery(
            "select (select count(*) from mirror_schema_history where success), to_regclass('flyway_schema_history') is null")) {
      rs.next();
      assertThat(rs.getInt(1)).isEqualTo(1);
      assertThat(rs.getBoolean(2)).isTrue();
    }
  }

  @Test
  void aHistoryTableThatIsNotASqlNameIsBadInputNamingIt() {
    assertThat(Main.run(new PrintWriter(out, true), new PrintWriter(err, true), "migrate", "--url", db.jdbcUrl(), "--user", "postgres",
        "--locations", migrations.toString(), "--history-table", "history; drop")).isEqualTo(2);
    assertThat(err.toString()).contains("--history-table 'history; drop' is not a lower-case SQL name");
  }

  private int run(String command) {
    return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), command, "--url", db.jdbcUrl(), "--user", "postgres", "--locations", migrations.toString());
  }

  private void write(String name, String sql) throws Exception {
    Files.writeString(migrations.resolve(name), sql);
  }

  private String appliedVersions() throws Exception {
    try (Connection c = db.dataSource().getConnection();
        ResultSet rs = c.createStatement().executeQuery("select string_agg(version, ',' order by installed_rank) from flyway_schema_history where success")) {
      rs.next();
      return rs.getString(1);
    }
  }
}
