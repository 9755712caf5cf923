package io.precis.app.cli;

import java.util.Arrays;
import java.util.List;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateOutput;
import org.flywaydb.core.api.output.MigrateResult;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.stereotype.Component;

/**
 * {@code ./precis migrate} ({@code --precis.cli.command=migrate}): applies the pending Flyway migrations, prints what
 * it applied and every version in {@code flyway_schema_history}, and exits; the deliberate migrate step of the
 * database-migration runbook, run with the new image before its pods roll out.
 * <p>
 * Flyway migrates while the application context starts (before JPA checks the schema), so this is also the
 * {@link FlywayMigrationStrategy} that keeps the outcome for the report. A failing migration stops the start-up: the
 * command prints why and the process exits non-zero.
 */
@Component
@ConditionalOnProperty(name = "precis.cli.command", havingValue = "migrate")
class MigrateCommand implements FlywayMigrationStrategy, ApplicationRunner, ExitCodeGenerator {
    private Flyway flyway;
    private MigrateResult result;
    private int exitCode;

    @Override
    public void migrate(Flyway flyway) {
        this.flyway = flyway;
        try {
            result = flyway.migrate();
        } catch (FlywayException e) {
            System.err.println("precis: migration failed, nothing after the last successful version was applied: " + e.getMessage());
            throw e;
        }
    }

    @Override
    public void run(ApplicationArguments args) {
        if (flyway == null || result == null) {
            System.err.println("precis: Flyway did not run (is spring.flyway.enabled false?): nothing was migrated");
            exitCode = 2;
            return;
        }
        var info = flyway.info();
        String schema = result.schemaName == null ? "" : " \"" + result.schemaName + "\"";
        if (result.migrations.isEmpty()) {
            String current = info.current() == null || info.current().getVersion() == null ? null : info.current().getVersion().toString();
            System.out.println("Schema" + schema + " is up to date at version " + version(current) + ": no migration to apply.");
        } else {
            System.out.println("Migrated schema" + schema + " from version " + version(result.initialSchemaVersion) + " to "
                    + version(result.targetSchemaVersion) + ": applied " + result.migrations.size() + " migration(s).");
            for (MigrateOutput m : result.migrations) {
                System.out.println("  applied " + m.version + "  " + m.description + "  (" + m.executionTime + " ms)");
            }
        }
        System.out.println("flyway_schema_history:");
        for (MigrationInfo m : info.applied()) {
            if (m.getType().isSynthetic() && !m.getType().isBaseline()) continue; // "<< Flyway Schema Creation >>"
            System.out.println("  " + m.getVersion() + "  " + m.getDescription() + "  " + m.getState().getDisplayName()
                    + "  " + m.getInstalledOn());
        }
        List<MigrationInfo> failed = Arrays.stream(info.applied()).filter(m -> m.getState().isFailed()).toList();
        List<MigrationInfo> pending = Arrays.asList(info.pending());
        if (!failed.isEmpty()) {
            System.err.println("precis: failed migrations in the history: " + versions(failed)
                    + "; repair the schema, then run flyway repair");
            exitCode = 1;
        } else if (!pending.isEmpty()) {
            System.err.println("precis: migrations still pending after migrate: " + versions(pending)
                    + " (older than the current version? Flyway does not apply them out of order)");
            exitCode = 1;
        }
    }

    private static String version(String v) {
        return v == null || v.isBlank() ? "(empty)" : v;
    }

    private static String versions(List<MigrationInfo> migrations) {
        return String.join(", ", migrations.stream().map(m -> m.getVersion() + " " + m.getDescription()).toList());
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
