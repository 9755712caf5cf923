package io.precis.app.publicapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.precis.app.security.ApiKeyService;
import io.precis.app.security.Role;
import io.precis.app.support.Api;
import io.precis.app.support.PrecisIntegrationTest;

/** The anonymous public API: summarise, feedback, its limits, the per-address 429, CORS, and nothing else open. */
@PrecisIntegrationTest
class PublicApiTest {
    static final String TEXT = "The city council approved a new tram line on Monday. The line will connect the station "
            + "with the university campus. Construction starts next spring and should take two years. "
            + "Critics say the budget of 120 million euros is too small. The mayor promised regular progress reports.";
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;
    @Autowired
    PublicRateLimiter limiter;
    @Autowired
    ApiKeyService keys;

    @BeforeEach
    void freshBuckets() {
        limiter.reset();
    }

    @Test
    void anonymousSummaryThenFeedbackOnIt() throws Exception {
        var summary = post("/api/v1/public/summaries", Map.of("documents", List.of(Map.of("title", "Tram", "text", TEXT)), "length", "short"), Map.of());
        assertThat(summary.statusCode()).as(summary.body()).isEqualTo(200);
        JsonNode body = JSON.readTree(summary.body());
        assertThat(body.path("summary").asText()).isNotBlank();
        assertThat(body.path("sentences").size()).isPositive();
        assertThat(body.path("sentences").get(0).path("citations").isArray()).isTrue();

        var thumb = post("/api/v1/public/feedback", Map.of("summaryId", body.path("id").asText(), "thumb", "up"), Map.of());
        assertThat(thumb.statusCode()).as(thumb.body()).isEqualTo(201);
        assertThat(JSON.readTree(thumb.body()).path("thumb").asText()).isEqualTo("up");
    }

    @Test
    void publicFeedbackOnASummaryMadeWithAKeyIsNotFound() throws Exception {
        String key = keys.create("public-test-" + UUID.randomUUID(), Role.ANALYST, "test").secret();
        var own = new Api(port).postJson("/api/v1/summaries", Map.of("documents", List.of(Map.of("text", TEXT))), key);
        assertThat(own.status()).as(own.body()).isEqualTo(200);

        var feedback = post("/api/v1/public/feedback", Map.of("summaryId", own.json().path("id").asText(), "thumb", "down"), Map.of());
        assertThat(feedback.statusCode()).as(feedback.body()).isEqualTo(404);
        assertThat(feedback.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));

        var unknown = post("/api/v1/public/feedback", Map.of("summaryId", UUID.randomUUID().toString(), "thumb", "down"), Map.of());
        assertThat(unknown.statusCode()).isEqualTo(404);
    }

    @Test
    void smallerInputLimitsThanTheKeyedApi() throws Exception {
        var tooLong = post("/api/v1/public/summaries", Map.of("documents", List.of(Map.of("text", "word ".repeat(4001)))), Map.of());
        assertThat(tooLong.statusCode()).as(tooLong.body()).isEqualTo(413);
        assertThat(JSON.readTree(tooLong.body()).path("detail").asText()).contains("20000");

        var tooMany = post("/api/v1/public/summaries", Map.of("documents", List.of(Map.of("text", TEXT), Map.of("text", TEXT),
                Map.of("text", TEXT), Map.of("text", TEXT))), Map.of());
        assertThat(tooMany.statusCode()).as(tooMany.body()).isEqualTo(400);
        assertThat(JSON.readTree(tooMany.body()).path("detail").asText()).contains("at most 3 documents");
    }

    @Test
    void tooManyRequestsFromOneAddressGet429WithRetryAfter() throws Exception {
        // The test profile allows 4 requests per hour per address.
        for (int i = 0; i < 4; i++) {
            var ok = post("/api/v1/public/feedback", Map.of("summaryId", UUID.randomUUID().toString(), "thumb", "up"), Map.of());
            assertThat(ok.statusCode()).as("request %d: %s", i, ok.body()).isEqualTo(404);
        }
        var limited = post("/api/v1/public/summaries", Map.of("documents", List.of(Map.of("text", TEXT))),
                Map.of("Origin", "https://precis.example.org"));
        assertThat(limited.statusCode()).as(limited.body()).isEqualTo(429);
        long retryAfter = Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 3600L);
        assertThat(limited.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(JSON.readTree(limited.body()).path("detail").asText()).contains("Try again in");
        // The browser may read Retry-After across origins.
        assertThat(limited.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://precis.example.org");
        assertThat(limited.headers().firstValue("Access-Control-Expose-Headers")).hasValueSatisfying(v -> assertThat(v).contains("Retry-After"));
    }

    @Test
    void corsPreflightAllowsTheSiteAndItsDeployPreviewsOnly() throws Exception {
        var site = preflight("/api/v1/public/summaries", "https://precis.example.org");
        assertThat(site.statusCode()).isEqualTo(200);
        assertThat(site.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://precis.example.org");
        assertThat(site.headers().firstValue("Access-Control-Allow-Methods")).hasValueSatisfying(v -> assertThat(v).contains("POST"));

        var preview = preflight("/api/v1/public/feedback", "https://deploy-preview-42--precis.netlify.app");
        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://deploy-preview-42--precis.netlify.app");

        var other = preflight("/api/v1/public/summaries", "https://evil.example.com");
        assertThat(other.statusCode()).isEqualTo(403);
        assertThat(other.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();

        var lookalike = preflight("/api/v1/public/summaries", "https://deploy-preview-1--precis.netlify.app.evil.com");
        assertThat(lookalike.statusCode()).isEqualTo(403);

        // No CORS anywhere else in the API, even for the site's own origin.
        var keyed = preflight("/api/v1/summaries", "https://precis.example.org");
        assertThat(keyed.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(keyed.statusCode()).isIn(401, 403);
    }

    @Test
    void nothingElseIsAnonymous() throws Exception {
        for (String path : List.of("/api/v1/summaries", "/api/v1/feedback")) {
            var r = post(path, Map.of("documents", List.of(Map.of("text", TEXT))), Map.of());
            assertThat(r.statusCode()).as("POST %s", path).isEqualTo(401);
        }
        for (String path : List.of("/api/v1/summaries", "/api/v1/admin/keys", "/api/v1/public/summaries")) {
            var r = HTTP.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as("GET %s", path).isEqualTo(401);
        }
    }

    private HttpResponse<String> post(String path, Object body, Map<String, String> headers) throws IOException, InterruptedException {
        var b = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        headers.forEach(b::header);
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> preflight(String path, String origin) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(uri(path)).method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", origin).header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type").build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
