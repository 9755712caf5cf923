package io.precis.app.summarize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import io.precis.app.security.ApiKeyService;
import io.precis.app.security.Role;
import io.precis.app.support.Api;
import io.precis.app.support.PrecisIntegrationTest;

@PrecisIntegrationTest
class FeedbackApiTest {
    @LocalServerPort
    int port;
    @Autowired
    ApiKeyService keys;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void storesRatingsAndThumbsWithASnapshotOfTheSummary() {
        Api api = new Api(port);
        String key = keys.create("feedback-" + UUID.randomUUID(), Role.ANALYST, "test").secret();
        var summary = api.postJson("/api/v1/summaries", Map.of("documents", List.of(Map.of("text", SummaryApiTest.ARTICLE)), "length", "short"), key).json();
        String id = summary.get("id").asText();

        var rated = api.postJson("/api/v1/feedback", Map.of("summaryId", id, "rating", 4, "comment", "Good, but misses the tram."), key);
        assertThat(rated.status()).as(rated.body()).isEqualTo(201);
        assertThat(rated.json().get("rating").asInt()).isEqualTo(4);
        assertThat(rated.json().get("comment").asText()).isEqualTo("Good, but misses the tram.");

        var thumbed = api.postJson("/api/v1/feedback", Map.of("summaryId", id, "thumb", "down"), key);
        assertThat(thumbed.status()).isEqualTo(201);
        assertThat(thumbed.json().get("thumb").asText()).isEqualTo("down");

        String snapshot = jdbc.queryForObject("select snapshot::text from feedback where id = ?", String.class, rated.json().get("id").asLong());
        assertThat(snapshot).contains(summary.get("summary").asText().substring(0, 40)).contains("\"strategy\": \"single\"")
                .contains(summary.at("/model/version").asText());
    }
}
