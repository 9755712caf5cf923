package io.precis.app.summarize;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
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

@PrecisIntegrationTest
class SummaryApiTest {
    static final String ARTICLE = read("/articles/harbour.txt");

    @LocalServerPort
    int port;
    @Autowired
    ApiKeyService keys;
    Api api;
    String analystKey;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        analystKey = keys.create("analyst-" + UUID.randomUUID(), Role.ANALYST, "test").secret();
    }

    @Test
    void summarisesWithCitationsIntoTheSourceAndReturnsItAgainById() {
        var response = api.postJson("/api/v1/summaries", Map.of(
                "documents", List.of(Map.of("title", "Harbour", "text", ARTICLE)), "length", "short"), analystKey);

        assertThat(response.status()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.get("id").asText()).isNotBlank();
        assertThat(body.get("strategy").asText()).isEqualTo("single");
        assertThat(body.at("/model/name").asText()).isNotBlank();
        assertThat(body.at("/model/version").asText()).isNotBlank();
        assertThat(body.at("/timings/totalMs").isNumber()).isTrue();
        assertThat(body.get("summary").asText().split("\\s+").length).isLessThanOrEqualTo(50);
        assertThat(body.get("sentences")).isNotEmpty();
        for (JsonNode sentence : body.get("sentences")) {
            JsonNode citation = sentence.at("/citations/0");
            assertThat(citation.get("document").asInt()).isZero();
            String cited = ARTICLE.substring(citation.get("start").asInt(), citation.get("end").asInt());
            assertThat(cited).isEqualTo(sentence.get("text").asText());
        }

        var again = api.getWithKey("/api/v1/summaries/" + body.get("id").asText(), analystKey);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("summary")).isEqualTo(body.get("summary"));
        assertThat(again.json().get("sentences")).isEqualTo(body.get("sentences"));
    }

    @Test
    void acceptsTheKeyInTheXApiKeyHeaderAndHonoursMaxWords() {
        var response = api.post("/api/v1/summaries", "application/json",
                "{\"documents\":[{\"text\":" + quote(ARTICLE) + "}],\"maxWords\":30}", Map.of("X-API-Key", analystKey));
        assertThat(response.status()).isEqualTo(200);
        JsonNode body = response.json();
        int words = 0;
        for (JsonNode s : body.get("sentences")) words += s.get("text").asText().split("\\s+").length;
        assertThat(words).isLessThanOrEqualTo(30);
        assertThat(body.get("sentences")).hasSizeGreaterThanOrEqualTo(1);
    }

    @Test
    void summarisesSeveralUploadedTextFiles() {
        String boundary = "precis-test-boundary";
        String multipart = part(boundary, "files", "harbour.txt", ARTICLE) + part(boundary, "files", "notes.md", "# Notes\n\nThe tram line is still unfunded. The regional government must decide by June.")
                + "--" + boundary + "--\r\n";
        var response = api.postBytes("/api/v1/summaries?length=medium", "multipart/form-data; boundary=" + boundary,
                multipart.getBytes(StandardCharsets.UTF_8), Map.of("Authorization", "Bearer " + analystKey));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().get("title").asText()).startsWith("harbour");
    }

    @Test
    void runsTheRequestedStrategyAndPicksMapReduceForSeveralDocumentsOnAuto() {
        for (String mode : List.of("single", "map-reduce", "refine")) {
            JsonNode body = api.postJson("/api/v1/summaries", Map.of("documents", List.of(Map.of("text", ARTICLE)), "mode", mode), analystKey).json();
            assertThat(body.get("mode").asText()).isEqualTo(mode);
            assertThat(body.get("strategy").asText()).isEqualTo(mode);
        }
        JsonNode several = api.postJson("/api/v1/summaries", Map.of("documents", List.of(
                Map.of("title", "harbour", "text", ARTICLE),
                Map.of("title", "tram", "text", "The regional government has not agreed to fund the tram line. Critics say the district will be choked by traffic without it. A decision is expected in June.")),
                "length", "long"), analystKey).json();
        assertThat(several.get("mode").asText()).isEqualTo("auto");
        assertThat(several.get("strategy").asText()).isEqualTo("map-reduce");
        assertThat(several.findValues("document").stream().map(JsonNode::asInt).distinct()).containsExactlyInAnyOrder(0, 1);
    }

    @Test
    void anotherAnalystCannotReadMySummary() {
        String id = api.postJson("/api/v1/summaries", Map.of("documents", List.of(Map.of("text", ARTICLE))), analystKey).json().get("id").asText();
        String otherKey = keys.create("other-" + UUID.randomUUID(), Role.ANALYST, "test").secret();
        assertThat(api.getWithKey("/api/v1/summaries/" + id, otherKey).status()).isEqualTo(404);
        assertThat(api.getWithKey("/api/v1/summaries/" + id, Api.BOOTSTRAP_KEY).status()).isEqualTo(200);
    }

    @Test
    void listsTheCallersHistoryNewestFirst() {
        String first = api.postJson("/api/v1/summaries", Map.of("documents", List.of(Map.of("title", "one", "text", ARTICLE))), analystKey).json().get("id").asText();
        String second = api.postJson("/api/v1/summaries", Map.of("documents", List.of(Map.of("title", "two", "text", ARTICLE))), analystKey).json().get("id").asText();
        JsonNode list = api.getWithKey("/api/v1/summaries", analystKey).json();
        assertThat(list).hasSize(2);
        assertThat(list.get(0).get("id").asText()).isEqualTo(second);
        assertThat(list.get(1).get("id").asText()).isEqualTo(first);
    }

    static String part(String boundary, String name, String fileName, String content) {
        return "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + fileName
                + "\"\r\nContent-Type: text/plain\r\n\r\n" + content + "\r\n";
    }

    static String quote(String s) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(s);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String read(String resource) {
        try (var in = SummaryApiTest.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
