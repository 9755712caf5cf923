package io.precis.app.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import io.precis.app.support.Api;
import io.precis.app.support.PrecisIntegrationTest;

/**
 * {@code ./precis smoke} against this app: every check must pass with a good key (a Library document it adds, found by
 * search, a research job on it until done; the document is deleted afterwards), and it fails with a wrong key.
 */
@PrecisIntegrationTest
class SmokeScriptTest {
    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    record Run(int exitCode, String output) {
    }

    @Test
    void everyCheckPassesAgainstTheRunningAppWithAValidKey() throws Exception {
        Run run = smoke("--url", "http://localhost:" + port + "/", "--api-key", Api.BOOTSTRAP_KEY);

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("PASS  health (/readyz)", "PASS  summarise (POST /api/v1/summaries)",
                "PASS  read back (GET /api/v1/summaries/{id})", "PASS  feedback (POST /api/v1/feedback)",
                "PASS  add a document (POST /api/v1/documents)", "PASS  search (GET /api/v1/search)",
                "smoke: 7 passed, 0 failed, 0 skipped", "RESULT: PASS");
        assertThat(run.output()).containsPattern("PASS  research \\(POST /api/v1/research, job [0-9a-f-]{36} done\\)");
        assertThat(run.output()).doesNotContain("FAIL").doesNotContain("SKIP").doesNotContain(Api.BOOTSTRAP_KEY);

        Matcher collection = Pattern.compile("request ids (smoke-\\d+-\\d+)-N").matcher(run.output());
        assertThat(collection.find()).as(run.output()).isTrue();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM documents WHERE collection = ?", Integer.class, collection.group(1)))
                .as("the smoke document is deleted afterwards").isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM research_jobs WHERE options->>'collection' = ? AND status = 'done'",
                Integer.class, collection.group(1))).isEqualTo(1);
    }

    @Test
    void researchIsLeftOutOnlyWhenAskedAndSaysSo() throws Exception {
        Run run = smoke("--url", "http://localhost:" + port, "--api-key", Api.BOOTSTRAP_KEY, "--skip-research");

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("PASS  search (GET /api/v1/search)",
                "SKIPPED  research (POST /api/v1/research): --skip-research given", "smoke: 6 passed, 0 failed, 1 skipped")
                .doesNotContain("PASS  research");
    }

    @Test
    void failsWithAWrongKeyAndSaysTheKeyWasRefused() throws Exception {
        Run run = smoke("--url", "http://localhost:" + port, "--api-key", "pk_wrong_key_for_the_smoke_test_000000000");

        assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
        assertThat(run.output()).contains("PASS  health (/readyz)",
                "FAIL  summarise (POST /api/v1/summaries): HTTP 401: the API key was refused",
                "FAIL  search (GET /api/v1/search): HTTP 401", "FAIL  research (POST /api/v1/research): HTTP 401", "RESULT: FAIL");
    }

    @Test
    void failsWhenNothingAnswersAndRefusesBadUsage() throws Exception {
        Run down = smoke("--url", "http://127.0.0.1:9", "--api-key", Api.BOOTSTRAP_KEY, "--timeout", "5");
        assertThat(down.exitCode()).as(down.output()).isEqualTo(1);
        assertThat(down.output()).contains("FAIL  health (/readyz): no answer");

        Run usage = smoke("--url", "http://localhost:" + port);
        assertThat(usage.exitCode()).isEqualTo(2);
        assertThat(usage.output()).contains("--url and --api-key are required");
    }

    private static Run smoke(String... args) throws IOException, InterruptedException {
        Path root = PrometheusScrapeTest.projectRoot();
        List<String> command = new ArrayList<>(List.of("bash", root.resolve("precis").toString(), "smoke"));
        command.addAll(List.of(args));
        Path out = Files.createTempFile("smoke", ".log");
        try {
            Process process = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true)
                    .redirectOutput(out.toFile()).start();
            if (!process.waitFor(180, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                throw new AssertionError("./precis smoke did not finish in 180 s:\n" + Files.readString(out));
            }
            return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
        }
    }
}
