package io.precis.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The alert and recording rules: rendered by the chart (one source of truth), checked in under
 * ops/prometheus/rules/ for a GPU environment (prod) and a CPU one (dev), checked and unit-tested with promtool.
 * Regenerate the checked-in files after changing the chart's rules with
 * {@code ./mvnw -pl ops verify -Dprecis.ops.regenerate=true}.
 */
class PrometheusRulesTest {
    static final Map<String, String> CHECKED_IN = Map.of("prod", "precis-prod.rules.yaml", "dev", "precis-dev.rules.yaml");

    @BeforeAll
    static void promtoolIsInstalled() {
        Tools.require("promtool", "apt-get install prometheus");
    }

    @ParameterizedTest
    @ValueSource(strings = {"prod", "dev"})
    void checkedInRulesAreWhatTheChartRenders(String env) {
        JsonNode rendered = Charts.ruleFile(Charts.render(env));
        Path file = Repo.RULES.resolve(CHECKED_IN.get(env));
        String header = "# Rendered from helm/precis (templates/_rules.tpl) with values-" + env
                + ".yaml, release sum-" + env + ".\n# Do not edit: change the chart, then run\n"
                + "#   ./mvnw -B -ntp -pl ops verify -Dprecis.ops.regenerate=true\n";
        if (Boolean.getBoolean("precis.ops.regenerate")) {
            Repo.write(file, header + Charts.toYaml(rendered));
        }
        assertThat(file).as("run with -Dprecis.ops.regenerate=true to create it").exists();
        assertThat(Charts.readYaml(file)).as("%s differs from the chart's rendering; regenerate it", file).isEqualTo(rendered);
    }

    @Test
    void promtoolChecksTheCheckedInRules() {
        List<String> cmd = new ArrayList<>(List.of("promtool", "check", "rules"));
        Repo.list(Repo.RULES, "*.yaml").forEach(p -> cmd.add(p.toString()));
        assertThat(cmd).hasSizeGreaterThan(3);
        Tools.runOk(Repo.ROOT, cmd.toArray(String[]::new));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "test", "staging", "prod"})
    void promtoolChecksEveryEnvironmentsRenderedRules(String env) {
        Path file = Repo.work("rules").resolve("sum-" + env + ".rules.yaml");
        Repo.write(file, Charts.toYaml(Charts.ruleFile(Charts.render(env))));
        Tools.runOk(Repo.ROOT, "promtool", "check", "rules", file.toString());
    }

    @Test
    void promtoolUnitTestsPass() {
        List<Path> tests = Repo.list(Repo.RULE_TESTS, "*.test.yaml");
        assertThat(tests).isNotEmpty();
        List<String> cmd = new ArrayList<>(List.of("promtool", "test", "rules"));
        tests.forEach(p -> cmd.add(p.toString()));
        String out = Tools.runOk(Repo.RULE_TESTS, cmd.toArray(String[]::new));
        assertThat(out).contains("SUCCESS").doesNotContain("FAILED");
    }

    @Test
    void everyAlertIsUnitTestedFiringAndQuiet() {
        Map<String, JsonNode> files = new TreeMap<>();
        Repo.list(Repo.RULE_TESTS, "*.test.yaml").forEach(p -> files.put(p.getFileName().toString(), Charts.readYaml(p)));
        for (var f : files.entrySet()) {
            for (JsonNode rules : f.getValue().path("rule_files")) {
                assertThat(Repo.RULE_TESTS.resolve(rules.asText())).as("%s: rule file", f.getKey()).isRegularFile();
            }
        }
        Set<String> alerts = new TreeSet<>();
        for (String env : CHECKED_IN.keySet()) {
            alerts.addAll(Charts.alerts(Charts.ruleFile(Charts.render(env))).keySet());
        }
        assertThat(alerts).hasSizeGreaterThan(10);
        assertThat(untested(alerts, files.values())).as("alerts without a firing and a quiet alert_rule_test case").isEmpty();
    }

    @Test
    void theCoverageCheckSeesAMissingCase() {
        JsonNode onlyFiring = Charts.parseAll("""
                tests:
                  - alert_rule_test:
                      - {eval_time: 5m, alertname: A, exp_alerts: [{exp_labels: {severity: warning}}]}
                      - {eval_time: 5m, alertname: B, exp_alerts: []}
                      - {eval_time: 9m, alertname: B}
                """).get(0);
        assertThat(untested(Set.of("A", "B", "C"), List.of(onlyFiring)))
                .containsExactly("A: no quiet case", "B: no firing case", "C: no firing case", "C: no quiet case");
    }

    /** "ALERT: no firing case" / "ALERT: no quiet case" for each alert the promtool test files leave out. */
    static List<String> untested(Set<String> alerts, Collection<JsonNode> testFiles) {
        Set<String> firing = new TreeSet<>();
        Set<String> quiet = new TreeSet<>();
        for (JsonNode file : testFiles) {
            for (JsonNode test : file.path("tests")) {
                for (JsonNode c : test.path("alert_rule_test")) {
                    // promtool: a case without exp_alerts expects none.
                    JsonNode expected = c.path("exp_alerts");
                    (expected.isArray() && !expected.isEmpty() ? firing : quiet).add(c.path("alertname").asText());
                }
            }
        }
        List<String> missing = new ArrayList<>();
        for (String alert : new TreeSet<>(alerts)) {
            if (!firing.contains(alert)) {
                missing.add(alert + ": no firing case");
            }
            if (!quiet.contains(alert)) {
                missing.add(alert + ": no quiet case");
            }
        }
        return missing;
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "staging", "prod"})
    void everyAlertHasSeverityEnvironmentAndAnExistingRunbook(String env) {
        Map<String, JsonNode> alerts = Charts.alerts(Charts.ruleFile(Charts.render(env)));
        assertThat(alerts).isNotEmpty();
        alerts.forEach((name, rule) -> {
            assertThat(rule.at("/labels/severity").asText()).as(name).isIn("critical", "warning");
            assertThat(rule.at("/labels/env").asText()).as(name).isEqualTo(env);
            String url = rule.at("/annotations/runbook_url").asText();
            assertThat(url).as(name).endsWith("/runbooks/" + name + ".md");
            assertThat(Files.isRegularFile(Repo.RUNBOOKS.resolve(name + ".md"))).as("runbooks/%s.md", name).isTrue();
            assertThat(rule.at("/annotations/summary").asText()).as(name).isNotBlank();
        });
    }
}
