package io.precis.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import com.fasterxml.jackson.databind.JsonNode;
import com.puppycrawl.tools.checkstyle.Checker;
import com.puppycrawl.tools.checkstyle.ConfigurationLoader;
import com.puppycrawl.tools.checkstyle.PropertiesExpander;
import com.puppycrawl.tools.checkstyle.api.AuditEvent;
import com.puppycrawl.tools.checkstyle.api.AuditListener;
import com.puppycrawl.tools.checkstyle.api.CheckstyleException;

/** Checkstyle (config/checkstyle.xml) is bound to every module's build, run by CI, and catches what it should. */
class StaticAnalysisTest {
    static final Path CONFIG = Repo.ROOT.resolve("config");

    @Test
    void checkstyleRunsInValidateOnEveryModuleAndFailsTheBuild() throws Exception {
        Document root = ImageAndCanaryTest.xml(Repo.ROOT.resolve("pom.xml"));
        Element plugin = ImageAndCanaryTest.plugin(root, "maven-checkstyle-plugin");
        assertThat(plugin).as("maven-checkstyle-plugin in the root pom's build plugins").isNotNull();
        assertThat(ImageAndCanaryTest.text(root.getDocumentElement(), "properties/maven-checkstyle-plugin.version"))
                .isEqualTo("3.6.0");
        assertThat(ImageAndCanaryTest.text(root.getDocumentElement(), "properties/checkstyle.version")).isEqualTo("12.3.1");
        assertThat(ImageAndCanaryTest.text(plugin, "executions/execution/phase")).isEqualTo("validate");
        assertThat(ImageAndCanaryTest.text(plugin, "executions/execution/goals/goal")).isEqualTo("check");
        assertThat(ImageAndCanaryTest.text(plugin, "configuration/failOnViolation")).isEqualTo("true");
        assertThat(ImageAndCanaryTest.text(plugin, "configuration/includeTestSourceDirectory")).isEqualTo("true");
        assertThat(ImageAndCanaryTest.text(plugin, "configuration/configLocation")).endsWith("/config/checkstyle.xml");
        JsonNode steps = Charts.readYaml(Repo.WORKFLOWS.resolve("ci.yml")).at("/jobs/test/steps");
        assertThat(WorkflowsTest.step(steps, "Static analysis").path("run").asText()).contains("./mvnw -B -ntp validate");
    }

    @Test
    void theRulesCatchStarAndUnusedImportsEqualsWithoutHashCodeEmptyStatementsAndSystemExit() throws Exception {
        Path dir = Repo.work("checkstyle").resolve("src/io/precis/sample");
        Path bad = dir.resolve("Bad.java");
        Repo.write(bad, """
                package io.precis.sample;

                import java.util.*;
                import java.io.File;

                public class Bad {
                    public boolean equals(Object o) {
                        return o == this;;
                    }

                    void quit() {
                        System.EXIT(1);
                    }
                }

                class Second {
                }
                """.replace("EXIT", "exit")); // spelled so that this file passes the rule it tests
        Path good = dir.resolve("Good.java");
        Repo.write(good, """
                package io.precis.sample;

                import java.util.List;

                /** Nothing to report. */
                public final class Good {
                    private Good() {
                    }

                    static int size(List<String> items) {
                        return items.size();
                    }
                }
                """);
        List<String> badEvents = check(bad.toFile());
        assertThat(String.join("\n", badEvents)).contains("AvoidStarImport", "UnusedImports", "EqualsHashCode",
                "EmptyStatement", "noSystemExit", "OneTopLevelClass");
        assertThat(check(good.toFile())).isEmpty();
        // The CLI entry points are the only exceptions.
        assertThat(check(Repo.ROOT.resolve("inference/src/main/java/io/precis/inference/eval/EvalCli.java").toFile()))
                .isEmpty();
    }

    static List<String> check(File file) throws CheckstyleException {
        Properties properties = new Properties();
        properties.setProperty("checkstyle.suppressions.file", CONFIG.resolve("checkstyle-suppressions.xml").toString());
        Checker checker = new Checker();
        checker.setModuleClassLoader(Checker.class.getClassLoader());
        checker.configure(ConfigurationLoader.loadConfiguration(CONFIG.resolve("checkstyle.xml").toString(),
                new PropertiesExpander(properties), ConfigurationLoader.IgnoredModulesOptions.OMIT));
        List<String> events = new ArrayList<>();
        checker.addListener(new AuditListener() {
            @Override
            public void auditStarted(AuditEvent event) {
            }

            @Override
            public void auditFinished(AuditEvent event) {
            }

            @Override
            public void fileStarted(AuditEvent event) {
            }

            @Override
            public void fileFinished(AuditEvent event) {
            }

            @Override
            public void addError(AuditEvent event) {
                String id = event.getModuleId() != null ? event.getModuleId() : event.getSourceName();
                events.add(event.getLine() + ": " + id + ": " + event.getMessage());
            }

            @Override
            public void addException(AuditEvent event, Throwable throwable) {
                events.add("exception: " + throwable);
            }
        });
        try {
            checker.process(List.of(file));
        } finally {
            checker.destroy();
        }
        return events;
    }
}
