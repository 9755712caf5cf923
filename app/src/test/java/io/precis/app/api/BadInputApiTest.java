package io.precis.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.precis.app.security.ApiKeyService;
import io.precis.app.security.Role;
import io.precis.app.support.Api;
import io.precis.app.support.PrecisIntegrationTest;

/** Every kind of bad input gets its own 4xx with an RFC 7807 body that says what to fix; nothing is a 500. */
@PrecisIntegrationTest
class BadInputApiTest {
    static final String TEXT = "The council approved the harbour plan on Tuesday. Construction starts next spring. "
            + "The park will replace the container yard.";

    @LocalServerPort
    int port;
    @Autowired
    ApiKeyService keys;
    Api api;
    String key;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        key = keys.create("bad-input-" + UUID.randomUUID(), Role.ANALYST, "test").secret();
    }

    @Test
    void emptyText() {
        assertProblem(api.postJson("/api/v1/summaries", Map.of("documents", List.of(Map.of("text", "   "))), key), 400, "no text");
    }

    @Test
    void noDocuments() {
        assertProblem(api.postJson("/api/v1/summaries", Map.of("documents", List.of()), key), 400, "at least one document");
        assertProblem(api.postJson("/api/v1/summaries", Map.of("length", "short"), key), 400, "at least one document");
    }

    @Test
    void textOverTheLimit() {
        String huge = "word ".repeat(40_001);
        assertProblem(api.postJson("/api/v1/summaries", Map.of("documents", List.of(Map.of("text", huge))), key), 413, "limit is 200000");
    }

    @Test
    void unknownLengthAndMaxWordsOutOfRange() {
        assertProblem(api.postJson("/api/v1/summaries", Map.of("documents", List.of(Map.of("text", TEXT)), "length", "epic"), key), 400, "'length'");
        assertProblem(api.postJson("/api/v1/summaries", Map.of("documents", List.of(Map.of("text", TEXT)), "maxWords", 3), key), 400, "'maxWords'");
        assertProblem(api.postJson("/api/v1/summaries", Map.of("documents", List.of(Map.of("text", TEXT)), "maxWords", 50, "length", "short"), key), 400, "not both");
        assertProblem(api.postJson("/api/v1/summaries", Map.of("documents", List.of(Map.of("text", TEXT)), "mode", "shuffle"), key), 400, "'mode' must be one of");
    }

    @Test
    void malformedJson() {
        assertProblem(api.post("/api/v1/summaries", "application/json", "{\"documents\": [", Map.of("X-API-Key", key)), 400, "not valid JSON");
        assertProblem(api.post("/api/v1/summaries", "application/json", "{\"documents\": \"text\"}", Map.of("X-API-Key", key)), 400, "'documents'");
        assertProblem(api.post("/api/v1/summaries", "application/json", "{\"documents\":[{\"text\":\"x y\"}],\"maxWords\":\"many\"}", Map.of("X-API-Key", key)), 400, "'maxWords'");
    }

    @Test
    void unsupportedFileAndContentType() {
        String boundary = "b0undary";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"report.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n%PDF-1.4\r\n--" + boundary + "--\r\n";
        assertProblem(api.postBytes("/api/v1/summaries", "multipart/form-data; boundary=" + boundary, body.getBytes(StandardCharsets.UTF_8),
                Map.of("X-API-Key", key)), 415, ".txt or .md");
        assertProblem(api.post("/api/v1/summaries", "text/plain", TEXT, Map.of("X-API-Key", key)), 415, null);
    }

    @Test
    void unknownAndMalformedIds() {
        assertProblem(api.getWithKey("/api/v1/summaries/" + UUID.randomUUID(), key), 404, "No summary");
        assertProblem(api.getWithKey("/api/v1/summaries/not-a-uuid", key), 400, "'id'");
        assertProblem(api.postJson("/api/v1/feedback", Map.of("summaryId", UUID.randomUUID().toString(), "rating", 4), key), 404, "No summary");
    }

    @Test
    void missingWrongAndRevokedApiKeys() {
        assertProblem(api.get("/api/v1/summaries", Map.of()), 401, "needs an API key");
        assertProblem(api.getWithKey("/api/v1/summaries", "pk_not_a_real_key"), 401, "unknown or revoked");
        var created = keys.create("to-revoke-" + UUID.randomUUID(), Role.ANALYST, "test");
        assertThat(api.getWithKey("/api/v1/summaries", created.secret()).status()).isEqualTo(200);
        keys.revoke(created.info().id());
        assertProblem(api.getWithKey("/api/v1/summaries", created.secret()), 401, "unknown or revoked");
    }

    @Test
    void wrongRole() {
        assertProblem(api.getWithKey("/api/v1/admin/api-keys", key), 403, "role");
        assertThat(api.getWithKey("/api/v1/admin/api-keys", Api.BOOTSTRAP_KEY).status()).isEqualTo(200);
    }

    @Test
    void invalidFeedback() {
        String id = api.postJson("/api/v1/summaries", Map.of("documents", List.of(Map.of("text", TEXT))), key).json().get("id").asText();
        assertProblem(api.postJson("/api/v1/feedback", Map.of("summaryId", id), key), 400, "'rating'");
        assertProblem(api.postJson("/api/v1/feedback", Map.of("summaryId", id, "rating", 9), key), 400, "between 1 and 5");
        assertProblem(api.postJson("/api/v1/feedback", Map.of("summaryId", id, "thumb", "sideways"), key), 400, "'thumb'");
        assertProblem(api.postJson("/api/v1/feedback", Map.of("rating", 3), key), 400, "'summaryId'");
        assertProblem(api.postJson("/api/v1/feedback", Map.of("summaryId", "nope", "rating", 3), key), 400, "'summaryId'");
    }

    static void assertProblem(Api.Response response, int status, String detailContains) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("status").asInt()).isEqualTo(status);
        assertThat(response.json().get("title").asText()).isNotBlank();
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at io.precis").doesNotContain("trace");
        if (detailContains != null) assertThat(response.json().get("detail").asText()).contains(detailContains);
    }
}
