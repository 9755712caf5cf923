package io.precis.app.publicapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

/**
 * Public research: it reads only the public Library (never an analyst's documents), only its own jobs are readable,
 * its smaller limits, polling in a bucket of its own, feedback on the report, CORS, and the admins' public Library.
 */
@PrecisIntegrationTest
class PublicResearchTest {
    static final Map<String, String> DOCS = new LinkedHashMap<>();

    static {
        DOCS.put("Lighthouse keepers", "A lighthouse keeper tends the lamp and the lens of a lighthouse every night. "
                + "Keepers logged the weather and the passing ships in a journal. Most lighthouses were automated in the 1980s.");
        DOCS.put("Lighthouse lenses", "The Fresnel lens lets a lighthouse beam reach more than twenty nautical miles. "
                + "Each lighthouse has its own pattern of flashes so that sailors can tell them apart at night.");
    }

    @LocalServerPort
    int port;
    @Autowired
    List<PublicRateLimiter> limiters;
    @Autowired
    ApiKeyService keys;

    Api api;

    @BeforeEach
    void setUp() {
        limiters.forEach(PublicRateLimiter::reset);
        api = new Api(port);
    }

    @Test
    void readsOnlyThePublicLibraryAndTakesFeedbackOnTheReport() throws Exception {
        String analyst = keys.create("public-research-" + UUID.randomUUID(), Role.ANALYST, "test").secret();
        String collection = "public-research-test-" + UUID.randomUUID();
        Set<String> analystDocs = add(analyst, "/api/v1/documents", collection);
        Set<String> publicDocs = add(Api.BOOTSTRAP_KEY, "/api/v1/admin/public-library", collection);
        assertThat(publicDocs).doesNotContainAnyElementsOf(analystDocs);

        Api.Response started = anonymous("/api/v1/public/research", Map.of("question", "What does a lighthouse keeper do?",
                "depth", 1, "breadth", 2));
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        assertThat(started.json().path("provider").asText()).isEqualTo("library");
        String id = started.json().path("id").asText();

        JsonNode job = awaitEnd(id);
        assertThat(job.path("status").asText()).as(job.toPrettyString()).isEqualTo("done");
        assertThat(job.path("sources")).isNotEmpty();
        assertThat(job.path("sources").findValuesAsText("documentId")).doesNotContainAnyElementsOf(analystDocs);
        assertThat(job.path("sources").findValuesAsText("documentId")).containsAnyElementsOf(publicDocs);
        assertThat(job.path("report").path("bibliography")).isNotEmpty();
        assertThat(job.path("citedSentences").asInt()).isPositive();

        // Readable here, and by the keyed API only for operators (the job is not the analyst's).
        assertThat(api.getWithKey("/api/v1/research/" + id, analyst).status()).isEqualTo(404);

        Api.Response thumb = anonymous("/api/v1/public/research/" + id + "/feedback", Map.of("thumb", "up", "comment", "Clear."));
        assertThat(thumb.status()).as(thumb.body()).isEqualTo(201);
        assertThat(thumb.json().path("researchId").asText()).isEqualTo(id);
        assertThat(thumb.json().path("thumb").asText()).isEqualTo("up");
        Api.assertProblem(anonymous("/api/v1/public/research/" + id + "/feedback", Map.of("thumb", "sideways")), 400, "'thumb'");
    }

    @Test
    void onlyJobsStartedHereAreReadable() {
        String analyst = keys.create("public-research-other-" + UUID.randomUUID(), Role.ANALYST, "test").secret();
        Api.Response keyed = api.postJson("/api/v1/research", Map.of("question", "What is a tide?", "provider", "library"), analyst);
        assertThat(keyed.status()).as(keyed.body()).isEqualTo(202);
        String keyedId = keyed.json().path("id").asText();

        Api.assertProblem(api.get("/api/v1/public/research/" + keyedId, Map.of()), 404, null);
        Api.assertProblem(api.get("/api/v1/public/research/" + UUID.randomUUID(), Map.of()), 404, null);
        Api.assertProblem(anonymous("/api/v1/public/research/" + keyedId + "/feedback", Map.of("thumb", "down")), 404, null);
        Api.Response malformed = api.get("/api/v1/public/research/not-a-uuid", Map.of());
        assertThat(malformed.status()).as(malformed.body()).isEqualTo(400);
        // Nothing else of research is anonymous.
        assertThat(api.get("/api/v1/research/" + keyedId, Map.of()).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/public/research/" + keyedId + "/report.md", Map.of()).status()).isEqualTo(401);
    }

    @Test
    void smallerLimitsThanTheKeyedApiAsProblems() {
        Map<Map<String, Object>, String> bad = new LinkedHashMap<>();
        bad.put(Map.of("question", "Why?", "depth", 3), "between 1 and 2");
        bad.put(Map.of("question", "Why?", "breadth", 4), "between 1 and 3");
        bad.put(Map.of("question", "w".repeat(501)), "up to 500");
        bad.put(Map.of("question", "Why?", "collection", "secret"), "does not take 'collection'");
        bad.put(Map.of("question", "Why?", "sources", Map.of("pinned", List.of("https://example.org/"))), "does not take");
        bad.put(Map.of("question", "Why?", "provider", "searxng"), "does not take");
        bad.put(Map.of("question", "  "), "'question' is empty");
        for (var e : bad.entrySet()) {
            limiters.forEach(PublicRateLimiter::reset);
            Api.assertProblem(anonymous("/api/v1/public/research", e.getKey()), 400, e.getValue());
        }
        Api.assertProblem(api.post("/api/v1/public/research", "application/json", "", Map.of()), 400, null);
    }

    @Test
    void pollingHasABucketOfItsOwnWhileStartingCounts() {
        Api.Response started = anonymous("/api/v1/public/research", Map.of("question", "How do lighthouses flash?"));
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        assertThat(started.json().path("depth").asInt()).isEqualTo(1);
        String id = started.json().path("id").asText();
        for (int i = 0; i < 3; i++) anonymous("/api/v1/public/research", Map.of("question", "Why?", "depth", 9));
        // The test profile's bucket (4 an hour) is empty now ...
        Api.Response limited = anonymous("/api/v1/public/research", Map.of("question", "How do lighthouses flash?"));
        assertThat(limited.status()).as(limited.body()).isEqualTo(429);
        assertThat(limited.json().path("detail").asText()).contains("Try again in");
        // ... but following the job still works, many times over.
        for (int i = 0; i < 20; i++) {
            Api.Response poll = api.get("/api/v1/public/research/" + id, Map.of("Origin", "https://precis.example.org"));
            assertThat(poll.status()).as("poll %d: %s", i, poll.body()).isEqualTo(200);
        }
    }

    @Test
    void corsAllowsTheSiteToPoll() throws Exception {
        var preflight = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://localhost:" + port + "/api/v1/public/research/" + UUID.randomUUID()))
                .method("OPTIONS", java.net.http.HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://precis.example.org").header("Access-Control-Request-Method", "GET").build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(preflight.statusCode()).isEqualTo(200);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://precis.example.org");
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods")).hasValueSatisfying(v -> assertThat(v).contains("GET"));
    }

    @Test
    void onlyAdminsPublishToThePublicLibrary() {
        String analyst = keys.create("public-library-" + UUID.randomUUID(), Role.ANALYST, "test").secret();
        Map<String, Object> doc = Map.of("title", "Tides", "text", "Tides rise and fall twice a day.");
        assertThat(api.postJson("/api/v1/admin/public-library", doc, analyst).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/admin/public-library", "application/json", "{}", Map.of()).status()).isEqualTo(401);
        Api.assertProblem(api.postJson("/api/v1/admin/public-library", Map.of("title", "Nothing"), Api.BOOTSTRAP_KEY), 400, "Send either 'url'");
    }

    /** Adds {@link #DOCS} through {@code path} with {@code key}, waits until they are ready, and returns their ids. */
    private Set<String> add(String key, String path, String collection) throws InterruptedException {
        Set<String> ids = new HashSet<>();
        for (var e : DOCS.entrySet()) {
            Api.Response r = api.postJson(path, Map.of("title", e.getKey(), "text", e.getValue(), "collection", collection), key);
            assertThat(r.status()).as(r.body()).isIn(200, 202);
            ids.add(r.json().path("id").asText(r.json().path("document").path("id").asText()));
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            JsonNode page = api.getWithKey(path + "?size=200&collection=" + collection, key).json();
            List<String> statuses = page.path("items").findValuesAsText("status");
            if (statuses.size() == DOCS.size() && statuses.stream().allMatch("ready"::equals)) return ids;
            if (System.nanoTime() > deadline) fail("documents not ready: " + page);
            Thread.sleep(200);
        }
    }

    private JsonNode awaitEnd(String id) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (true) {
            Api.Response r = api.get("/api/v1/public/research/" + id, Map.of());
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            if (Set.of("done", "failed", "cancelled").contains(r.json().path("status").asText())) return r.json();
            if (System.nanoTime() > deadline) fail("job " + id + " did not finish: " + r.body());
            Thread.sleep(300);
        }
    }

    private Api.Response anonymous(String path, Object body) {
        try {
            return api.post(path, "application/json", new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(body), Map.of());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
