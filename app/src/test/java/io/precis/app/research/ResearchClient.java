package io.precis.app.research;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import io.precis.app.support.Api;

/** Research over the REST API, for tests: submit, poll, add Library documents. */
final class ResearchClient {
    final Api api;
    final String key;

    ResearchClient(int port, String key) {
        this.api = new Api(port);
        this.key = key;
    }

    Api.Response submit(Map<String, Object> body) {
        return api.postJson("/api/v1/research", body, key);
    }

    String submitted(Map<String, Object> body) {
        Api.Response r = submit(body);
        assertThat(r.status()).as(r.body()).isEqualTo(202);
        assertThat(r.json().path("status").asText()).isEqualTo("queued");
        return r.json().path("id").asText();
    }

    JsonNode job(String id) {
        Api.Response r = api.getWithKey("/api/v1/research/" + id, key);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    /** Polls until the job's status is one of {@code statuses}. */
    JsonNode awaitStatus(String id, Duration timeout, String... statuses) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode job = job(id);
        while (!Set.of(statuses).contains(job.path("status").asText())) {
            if (System.nanoTime() > deadline) fail("job " + id + " is still " + job.path("status").asText() + ": " + job.toPrettyString());
            Thread.sleep(200);
            job = job(id);
        }
        return job;
    }

    JsonNode awaitEnd(String id) throws InterruptedException {
        return awaitStatus(id, Duration.ofSeconds(90), "done", "failed", "cancelled");
    }

    /** Adds text documents to a collection and waits until they are ready. */
    void addDocuments(String collection, Map<String, String> titledTexts) throws InterruptedException {
        for (Map.Entry<String, String> e : titledTexts.entrySet()) {
            Api.Response r = api.postJson("/api/v1/documents", Map.of("title", e.getKey(), "text", e.getValue(), "collection", collection), key);
            assertThat(r.status()).as(r.body()).isIn(200, 202);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            JsonNode page = api.getWithKey("/api/v1/documents?size=200&collection=" + java.net.URLEncoder.encode(collection,
                    java.nio.charset.StandardCharsets.UTF_8), key).json();
            List<String> statuses = page.path("items").findValuesAsText("status");
            if (statuses.size() == titledTexts.size() && statuses.stream().allMatch("ready"::equals)) return;
            if (System.nanoTime() > deadline) fail("documents not ready: " + page);
            Thread.sleep(200);
        }
    }
}
