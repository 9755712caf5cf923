package io.precis.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** runbooks/: one page per alert and the scenario runbooks, each with commands and an admin-console action. */
class RunbooksTest {
    static final List<String> SCENARIOS = List.of("deployment-rollback", "database-migration", "api-outage",
            "model-drift", "security-incident");
    static final List<String> CONSOLE_ACTIONS = List.of("Run smoke check", "Rotate API keys", "Revoke all sessions",
            "Re-embed the Library", "Pause research queue", "Resume research queue", "Roll back serving model");

    @Test
    void everyAlertAndScenarioHasAPageWithCommandsAndAConsoleAction() {
        Set<String> pages = new TreeSet<>(SCENARIOS);
        for (String env : List.of("prod", "dev")) {
            pages.addAll(Charts.alerts(Charts.ruleFile(Charts.render(env))).keySet());
        }
        for (String page : pages) {
            Path file = Repo.RUNBOOKS.resolve(page + ".md");
            assertThat(file).as("runbook for %s", page).exists();
            String text = Repo.read(file);
            assertThat(text).as(page).contains("```bash").contains("Admin console action");
            assertThat(CONSOLE_ACTIONS).as("%s names a console action", page).anyMatch(text::contains);
        }
    }

    @Test
    void everyConsoleActionIsUsedSomewhere() {
        String all = String.join("\n", Repo.list(Repo.RUNBOOKS, "*.md").stream().map(Repo::read).toList());
        assertThat(CONSOLE_ACTIONS).allMatch(all::contains);
        assertThat(all).contains("helm rollback", "./precis smoke --url", "flyway_schema_history", "pg_dump");
    }

    @Test
    void relativeLinksResolve() {
        Pattern link = Pattern.compile("\\]\\(([A-Za-z0-9_.-]+\\.md)\\)");
        for (Path page : Repo.list(Repo.RUNBOOKS, "*.md")) {
            Matcher m = link.matcher(Repo.read(page));
            while (m.find()) {
                assertThat(Repo.RUNBOOKS.resolve(m.group(1))).as("link in %s", page.getFileName()).exists();
            }
        }
    }
}
