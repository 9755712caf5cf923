package io.precis.app.research;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import io.precis.app.security.ApiKeyService;
import io.precis.app.security.Role;
import io.precis.app.support.Api;
import io.precis.app.support.PrecisIntegrationTest;

/** A research job on the Library, end to end: plan, sources, report with checked citations, exports, events, listing. */
@PrecisIntegrationTest
class ResearchApiTest {
    static final Map<String, String> HARBOUR = new LinkedHashMap<>();

    static {
        HARBOUR.put("Harbour authority duties", "A harbour authority manages the port's waters, berths and navigation channels. "
                + "It licenses pilots who guide large ships into the harbour. The authority also sets the dues that shipping lines pay "
                + "for every call at the port.");
        HARBOUR.put("Harbour dredging", "Dredging keeps the navigation channel deep enough for container ships. The harbour authority "
                + "dredged two million cubic metres of silt last year. Environmental groups warned that the dredging disturbs seagrass meadows.");
        HARBOUR.put("Harbour finances", "The harbour authority earned forty million euros from port dues in 2024. Most of the money "
                + "pays for maintenance of quays and breakwaters. The city council appoints the board of the harbour authority.");
    }

    @LocalServerPort
    int port;
    @Autowired
    ApiKeyService keys;
    @Autowired
    JdbcTemplate jdbc;

    ResearchClient analyst;
    ResearchClient other;
    String collection;

    @BeforeEach
    void setUp() {
        analyst = new ResearchClient(port, keys.create("research-" + UUID.randomUUID(), Role.ANALYST, "test").secret());
        other = new ResearchClient(port, keys.create("research-other-" + UUID.randomUUID(), Role.ANALYST, "test").secret());
        collection = "research-test-" + UUID.randomUUID();
    }

    @Test
    void researchesTheLibraryAndEveryCitationResolvesToAStoredPassage() throws Exception {
        analyst.addDocuments(collection, HARBOUR);
        String id = analyst.submitted(Map.of("question", "What does a harbour authority do?", "depth", 2, "breadth", 2,
                "collection", collection, "provider", "library"));
        JsonNode job = analyst.awaitEnd(id);
        assertThat(job.path("status").asText()).as(job.toPrettyString()).isEqualTo("done");
        assertThat(job.path("progress").asInt()).isEqualTo(100);
        assertThat(job.path("provider").asText()).isEqualTo("library");
        assertThat(job.path("plan")).hasSize(2);
        assertThat(job.path("plan").get(0).path("subQuestions").get(0).asText()).isEqualTo("What does a harbour authority do?");
        assertThat(job.path("plan").get(0).path("coverage")).hasSize(2);
        assertThat(job.path("sources")).isNotEmpty().allSatisfy(s -> assertThat(s.path("status").asText()).isEqualTo("library"));
        assertThat(job.path("stepMillis").fieldNames()).toIterable()
                .containsExactly("plan", "pinned", "search-1", "read-1", "reflect-1", "search-2", "read-2", "write");
        assertThat(job.path("log").findValuesAsText("message")).anyMatch(m -> m.startsWith("Planned 2 sub-questions"))
                .anyMatch(m -> m.startsWith("Done:"));

        JsonNode report = job.path("report");
        int subQuestions = job.path("plan").findValues("subQuestions").stream().mapToInt(JsonNode::size).sum();
        assertThat(report.path("sections")).hasSize(subQuestions);
        assertCitationsResolve(report);
        assertThat(report.path("citedSentences").asInt()).isPositive();
        assertThat(report.path("unsupported").asInt()).isZero();

        Api.Response md = analyst.api.getWithKey("/api/v1/research/" + id + "/report.md", analyst.key);
        assertThat(md.status()).isEqualTo(200);
        assertThat(md.contentType()).startsWith("text/markdown");
        Matcher cite = Pattern.compile("\\[(\\d+)]").matcher(md.body());
        Set<Integer> cited = new HashSet<>();
        while (cite.find()) cited.add(Integer.parseInt(cite.group(1)));
        Set<Integer> numbers = new HashSet<>(report.path("bibliography").findValues("n").stream().map(JsonNode::asInt).toList());
        assertThat(cited).isNotEmpty().isEqualTo(numbers);
        for (JsonNode entry : report.path("bibliography")) {
            assertThat(md.body()).contains(entry.path("n").asInt() + ". " + entry.path("title").asText());
        }
        Api.Response html = analyst.api.getWithKey("/api/v1/research/" + id + "/report.html", analyst.key);
        assertThat(html.status()).isEqualTo(200);
        assertThat(html.contentType()).startsWith("text/html");
        assertThat(html.body()).contains("<h1>What does a harbour authority do</h1>").contains("href=\"#source-1\"");

        Api.Response events = analyst.api.get("/api/v1/research/" + id + "/events", Map.of("Authorization", "Bearer " + analyst.key));
        assertThat(events.status()).isEqualTo(200);
        assertThat(events.contentType()).startsWith("text/event-stream");
        assertThat(events.body()).contains("event:log").contains("event:source").contains("event:status").contains("event:end")
                .contains("\"status\":\"done\"");

        Api.Response judged = analyst.api.postJson("/api/v1/research/" + id + "/feedback", Map.of("thumb", "up", "comment", "Clear and cited"), analyst.key);
        assertThat(judged.status()).as(judged.body()).isEqualTo(201);
        assertThat(judged.json().path("thumb").asText()).isEqualTo("up");
        Api.assertProblem(analyst.api.postJson("/api/v1/research/" + id + "/feedback", Map.of("rating", 9), analyst.key), 400, "between 1 and 5");
        Api.assertProblem(analyst.api.postJson("/api/v1/research/" + id + "/feedback", Map.of(), analyst.key), 400, "Give a 'rating'");
        Api.assertProblem(other.api.postJson("/api/v1/research/" + id + "/feedback", Map.of("thumb", "down"), other.key), 404, null);
        assertThat(analyst.job(id).path("feedback").findValuesAsText("comment")).containsExactly("Clear and cited");

        assertThat(analyst.api.getWithKey("/api/v1/research", analyst.key).json().path("items").findValuesAsText("id")).containsExactly(id);
        assertThat(other.api.getWithKey("/api/v1/research", other.key).json().path("items")).isEmpty();
        assertThat(other.api.getWithKey("/api/v1/research/" + id, other.key).status()).isEqualTo(404);
        assertThat(other.api.getWithKey("/api/v1/research/" + id + "/report.md", other.key).status()).isEqualTo(404);
    }

    /** Every cited sentence lies in its passage, which is a stored chunk of the document its bibliography entry names. */
    void assertCitationsResolve(JsonNode report) {
        Map<Integer, String> sourceByNumber = new LinkedHashMap<>();
        for (JsonNode entry : report.path("bibliography")) sourceByNumber.put(entry.path("n").asInt(), entry.path("sourceId").asText());
        List<JsonNode> sentences = new java.util.ArrayList<>();
        report.path("summary").forEach(sentences::add);
        report.path("sections").forEach(s -> s.path("sentences").forEach(sentences::add));
        assertThat(sentences).isNotEmpty();
        Set<Integer> used = new HashSet<>();
        for (JsonNode s : sentences) {
            int n = s.path("citation").asInt();
            assertThat(sourceByNumber).containsKey(n);
            used.add(n);
            Map<String, Object> chunk = jdbc.queryForMap("SELECT document_id, text, start_offset, end_offset FROM chunks WHERE id = ?",
                    s.path("passageId").asLong());
            assertThat(chunk.get("document_id").toString()).isEqualTo(sourceByNumber.get(n));
            assertThat(chunk.get("text")).isEqualTo(s.path("passage").asText());
            assertThat(chunk.get("start_offset")).isEqualTo(s.path("passageStart").asInt());
            assertThat(s.path("passage").asText()).contains(s.path("text").asText());
            assertThat(s.path("supported").asBoolean()).isEqualTo(s.path("support").asDouble() >= 0.5);
        }
        assertThat(used).as("every bibliography entry is cited").isEqualTo(sourceByNumber.keySet());
    }
}
