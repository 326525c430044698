package dev.tollgate.service;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.testkit.TestDatabase;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

class DatabaseIT {

  @Test
  void schemaCheckRefusesADatabaseThatWasNeverMigrated() {
    DataSource empty = TestDatabase.empty("common").dataSource();

    assertThatThrownBy(() -> Database.requireSchema(empty, "1"))
        .isInstanceOf(Database.SchemaException.class)
        .hasMessageContaining("not migrated")
        .hasMessageContaining("needs version 1");
  }

  @Test
  void schemaCheckNamesBothVersionsWhenTheSchemaIsOlderThanTheCode() throws Exception {
    DataSource db = withHistory("1", "2", "2.1");

    assertThatThrownBy(() -> Database.requireSchema(db, "3"))
        .hasMessageContaining("at version 2.1")
        .hasMessageContaining("needs at least 3");
  }

  @Test
  void schemaCheckAcceptsTheRequiredVersionOrANewerOne() throws Exception {
    DataSource db = withHistory("1", "2", "10");

    assertThatCode(() -> Database.requireSchema(db, "2")).doesNotThrowAnyException();
    assertThatCode(() -> Database.requireSchema(db, "9.5")).doesNotThrowAnyException();
  }

  @Test
  void connectOpensAPoolOnlyWhenTheSchemaIsCurrent() throws Exception {
    TestDatabase db = TestDatabase.empty("common");
    Env env = Env.of(Map.of("DATABASE_URL", db.jdbcUrl(), "DATABASE_USER", "postgres"));

    assertThatThrownBy(() -> Database.connect(env, "1")).isInstanceOf(Database.SchemaException.class);
  }

  @Test
  void connectNamesTheUrlWhenTheDatabaseIsUnreachable() {
    Env env = Env.of(Map.of("DATABASE_URL", "jdbc:postgresql://127.0.0.1:1/nothing"));

    assertThatThrownBy(() -> Database.connect(env, "1"))
        .isInstanceOf(Database.SchemaException.class)
        .hasMessageContaining("cannot connect to jdbc:postgresql://127.0.0.1:1/nothing");
  }

  private static DataSource withHistory(String... versions) throws Exception {
    DataSource ds = TestDatabase.empty("common").dataSource();
    try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
      s.execute("create table flyway_schema_history (version varchar(50), success boolean not null)");
      for (String v : versions) {
        s.execute("insert into flyway_schema_history values ('" + v + "', true)");
      }
      s.execute("insert into flyway_schema_history values ('99', false)");
    }
    return ds;
  }
}
