package io.precis.app.research;

import static io.precis.app.support.Api.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

import io.precis.app.security.ApiKeyService;
import io.precis.app.security.Role;
import io.precis.app.support.Api;
import io.precis.app.support.PrecisIntegrationTest;
import io.precis.app.support.WebStandIn;

/** Bad requests answer a 400 problem up front; unknown jobs 404; cancellation stops a running job. */
@PrecisIntegrationTest
class ResearchBadInputTest {
    @LocalServerPort
    int port;
    @Autowired
    ApiKeyService keys;

    ResearchClient analyst;

    @BeforeEach
    void setUp() {
        analyst = new ResearchClient(port, keys.create("research-bad-" + UUID.randomUUID(), Role.ANALYST, "test").secret());
    }

    Map<String, Object> with(String key, Object value) {
        Map<String, Object> body = new HashMap<>(Map.of("question", "What does a harbour authority do?", "depth", 1, "breadth", 1));
        if (value == null) body.remove(key);
        else body.put(key, value);
        return body;
    }

    @Test
    void badRequestsAreProblemsUpFront() {
        assertProblem(analyst.submit(with("question", null)), 400, "'question' is empty");
        assertProblem(analyst.submit(with("question", "   ")), 400, "'question' is empty");
        assertProblem(analyst.submit(with("question", "why ".repeat(2500))), 400, "the limit is 2000");
        assertProblem(analyst.submit(with("depth", 0)), 400, "'depth' must be between 1 and 4, not 0");
        assertProblem(analyst.submit(with("depth", 5)), 400, "'depth' must be between 1 and 4, not 5");
        assertProblem(analyst.submit(with("breadth", 0)), 400, "'breadth' must be between 1 and 6");
        assertProblem(analyst.submit(with("breadth", 7)), 400, "'breadth' must be between 1 and 6");
        assertProblem(analyst.submit(with("depth", "deep")), 400, null);
        assertProblem(analyst.submit(with("collection", "!!")), 400, "'collection'");
        assertProblem(analyst.submit(with("provider", "google")), 400, "'provider' must be one of");
        assertProblem(analyst.submit(with("sources", Map.of("pinned", List.of("http://10.0.0.5/report")))), 400,
                "Pinned URL 'http://10.0.0.5/report' cannot be read");
        assertProblem(analyst.submit(with("sources", Map.of("pinned", List.of("http://169.254.169.254/latest/meta-data")))), 400, "Pinned URL");
        assertProblem(analyst.submit(with("sources", Map.of("pinned", List.of("ftp://example.org/file")))), 400, "Pinned URL");
        assertProblem(analyst.submit(with("sources", Map.of("includeDomains", List.of("not a domain!")))), 400, "'includeDomains'");
        assertProblem(analyst.submit(with("sources", Map.of("excludeDomains", List.of("")))), 400, "'excludeDomains'");
        assertProblem(analyst.submit(with("sources", Map.of("since", "2024-13-45"))), 400, null);
        assertProblem(analyst.submit(with("sources", Map.of("since", "2999-01-01"))), 400, "in the future");
        assertProblem(analyst.api.post("/api/v1/research", "application/json", "{\"question\": ", Map.of("Authorization", "Bearer " + analyst.key)), 400, null);
        assertProblem(analyst.api.post("/api/v1/research", "application/json", "", Map.of("Authorization", "Bearer " + analyst.key)), 400, null);
        assertThat(analyst.api.getWithKey("/api/v1/research", analyst.key).json().path("items")).isEmpty();

        String unknown = UUID.randomUUID().toString();
        assertProblem(analyst.api.getWithKey("/api/v1/research/" + unknown, analyst.key), 404, null);
        assertProblem(analyst.api.postJson("/api/v1/research/" + unknown + "/cancel", Map.of(), analyst.key), 404, null);
        assertProblem(analyst.api.getWithKey("/api/v1/research/not-an-id", analyst.key), 400, null);
        assertThat(new Api(port).get("/api/v1/research", Map.of()).status()).isEqualTo(401);
    }

    @Test
    void cancellingStopsARunningJobAndKeepsWhatItFound() throws Exception {
        String word = "slowpoke" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        WebStandIn.get().rawAnswer(word, exchange -> {
            try {
                Thread.sleep(1000);
                WebStandIn.send(exchange, 200, "application/json", "{\"results\":[]}".getBytes(StandardCharsets.UTF_8));
            } catch (InterruptedException e) {
                exchange.close();
            }
        });
        String id = analyst.submitted(Map.of("question", "How fast is the " + word + " snail?", "depth", 4, "breadth", 6));
        analyst.awaitStatus(id, Duration.ofSeconds(30), "searching");
        Api.Response cancel = analyst.api.postJson("/api/v1/research/" + id + "/cancel", Map.of(), analyst.key);
        assertThat(cancel.status()).as(cancel.body()).isEqualTo(200);
        long asked = System.nanoTime();
        JsonNode job = analyst.awaitStatus(id, Duration.ofSeconds(10), "cancelled");
        assertThat(Duration.ofNanos(System.nanoTime() - asked)).isLessThan(Duration.ofSeconds(5));
        assertThat(job.path("reason").asText()).isEqualTo("Cancelled on request.");
        assertThat(job.path("plan").get(0).path("subQuestions")).hasSize(6);
        assertThat(job.path("log").findValuesAsText("message")).contains("Cancelled.");
        assertProblem(analyst.api.getWithKey("/api/v1/research/" + id + "/report.md", analyst.key), 409, "no report");
        assertProblem(analyst.api.postJson("/api/v1/research/" + id + "/feedback", Map.of("thumb", "up"), analyst.key), 409, "no report");
        Thread.sleep(1500);
        assertThat(analyst.job(id).path("status").asText()).as("stays cancelled").isEqualTo("cancelled");
        assertThat(analyst.api.postJson("/api/v1/research/" + id + "/cancel", Map.of(), analyst.key).json().path("status").asText())
                .isEqualTo("cancelled");
    }
}
