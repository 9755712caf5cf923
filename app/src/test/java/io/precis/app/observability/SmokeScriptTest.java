package io.precis.app.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.precis.app.support.Api;
import io.precis.app.support.PrecisIntegrationTest;

/** {@code ./precis smoke} against this app: passes with a good key (search and research skipped until they exist), fails without. */
@PrecisIntegrationTest
class SmokeScriptTest {
    @LocalServerPort
    int port;

    record Run(int exitCode, String output) {
    }

    @Test
    void passesAgainstTheRunningAppWithAValidKey() throws Exception {
        Run run = smoke("--url", "http://localhost:" + port + "/", "--api-key", Api.BOOTSTRAP_KEY);

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("PASS  health (/readyz)", "PASS  summarise (POST /api/v1/summaries)",
                "PASS  read back (GET /api/v1/summaries/{id})", "PASS  feedback (POST /api/v1/feedback)", "RESULT: PASS");
        // Issues 4 and 5 add these endpoints; until then they answer 404 and are skipped, after that they must pass.
        assertThat(run.output()).containsAnyOf("SKIP  search (GET /api/v1/search): skipped: not deployed in this version",
                "PASS  search (GET /api/v1/search)");
        assertThat(run.output()).containsAnyOf("SKIP  research (POST /api/v1/research): skipped: not deployed in this version",
                "PASS  research (POST /api/v1/research");
        assertThat(run.output()).doesNotContain("FAIL").doesNotContain(Api.BOOTSTRAP_KEY);
    }

    @Test
    void failsWithAWrongKey() throws Exception {
        Run run = smoke("--url", "http://localhost:" + port, "--api-key", "pk_wrong_key_for_the_smoke_test_000000000");

        assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
        assertThat(run.output()).contains("PASS  health (/readyz)", "FAIL  summarise (POST /api/v1/summaries): HTTP 401",
                "RESULT: FAIL");
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
