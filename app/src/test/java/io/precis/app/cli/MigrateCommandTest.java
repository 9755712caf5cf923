package io.precis.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

import io.precis.app.support.PrecisIntegrationTest;

/** {@code ./precis migrate} on a scratch schema of the test database: applies, reports, is idempotent, fails loudly. */
@PrecisIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class MigrateCommandTest {
    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcTemplate jdbc;

    private final String schema = "migrate_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    @AfterEach
    void dropSchema() {
        jdbc.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }

    @Test
    void appliesThePendingMigrationsAndPrintsTheHistory(CapturedOutput output) {
        MigrateCommand first = run(flyway("good"));
        assertThat(first.getExitCode()).as(output.getAll()).isZero();
        assertThat(output.getOut()).contains("Migrated schema \"" + schema + "\" from version (empty) to 2: applied 2 migration(s).")
                .contains("  applied 1  create notes  (").contains("  applied 2  add note author  (")
                .containsPattern("flyway_schema_history:\\n  1  create notes  Success  .+\\n  2  add note author  Success  ");
        assertThat(jdbc.queryForList("SELECT version FROM " + schema + ".flyway_schema_history WHERE success AND version IS NOT NULL ORDER BY installed_rank",
                String.class)).containsExactly("1", "2");

        MigrateCommand again = run(flyway("good"));
        assertThat(again.getExitCode()).isZero();
        assertThat(output.getOut()).contains("Schema \"" + schema + "\" is up to date at version 2: no migration to apply.");
    }

    @Test
    void aFailingMigrationStopsWithAClearMessageAndLeavesTheLastGoodVersion(CapturedOutput output) {
        run(flyway("good"));
        MigrateCommand command = new MigrateCommand();
        assertThatThrownBy(() -> command.migrate(flyway("good", "broken"))).isInstanceOf(FlywayException.class);
        assertThat(output.getErr()).contains("precis: migration failed, nothing after the last successful version was applied:")
                .contains("no_such_column");
        assertThat(jdbc.queryForObject("SELECT max(version::int) FROM " + schema + ".flyway_schema_history WHERE success", Integer.class))
                .isEqualTo(2);
    }

    @Test
    void refusesToReportWhenFlywayDidNotRun(CapturedOutput output) {
        MigrateCommand command = new MigrateCommand();
        command.run(new DefaultApplicationArguments());
        assertThat(command.getExitCode()).isEqualTo(2);
        assertThat(output.getErr()).contains("Flyway did not run");
    }

    private static MigrateCommand run(Flyway flyway) {
        MigrateCommand command = new MigrateCommand();
        command.migrate(flyway);
        command.run(new DefaultApplicationArguments());
        return command;
    }

    private Flyway flyway(String... locations) {
        return Flyway.configure().dataSource(dataSource).schemas(schema).createSchemas(true)
                .locations(java.util.Arrays.stream(locations).map(l -> "classpath:db/migrate-test/" + l).toArray(String[]::new))
                .load();
    }
}
