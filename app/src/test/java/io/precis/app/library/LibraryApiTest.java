package io.precis.app.library;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import io.precis.app.security.ApiKeyService;
import io.precis.app.security.Role;
import io.precis.app.support.Api;
import io.precis.app.support.PrecisIntegrationTest;

/** The Library end to end: every format in, hybrid search finds the right passage, duplicates, deletion, ownership. */
@PrecisIntegrationTest
class LibraryApiTest {
    static final String VOLCANO = "Mount Etna erupted again on Sunday night. Lava flows reached the edge of the Valle del Bove, "
            + "and ash closed Catania airport for six hours. Volcanologists said the eruption was typical for Etna and posed no "
            + "danger to the villages on its slopes.";
    static final String BEES = "Honeybee colonies collapsed across the region this winter. Beekeepers lost almost half of their hives, "
            + "and researchers blame a parasitic mite together with a wet autumn. Farmers fear poorer harvests of apples and almonds.";
    static final String RELEASE_NOTES = "# Release notes\n\nVersion **2.0** adds [offline mode](https://example.org) so the app "
            + "works without a network connection, and synchronisation is three times faster.\n\n- Fixed a crash on start\n";

    @LocalServerPort
    int port;
    @LocalManagementPort
    int managementPort;
    @Autowired
    ApiKeyService keys;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ReembedJob reembed;

    LibraryClient analyst;
    LibraryClient other;
    LibraryClient operator;
    LibraryClient admin;
    String collection;

    @BeforeEach
    void setUp() {
        analyst = new LibraryClient(port, keys.create("lib-" + UUID.randomUUID(), Role.ANALYST, "test").secret());
        other = new LibraryClient(port, keys.create("lib-other-" + UUID.randomUUID(), Role.ANALYST, "test").secret());
        operator = new LibraryClient(port, keys.create("lib-op-" + UUID.randomUUID(), Role.OPERATOR, "test").secret());
        admin = new LibraryClient(port, Api.BOOTSTRAP_KEY);
        collection = "test-" + UUID.randomUUID();
    }

    @Test
    void ingestsEveryFormatAndHybridSearchFindsTheRightPassage() throws Exception {
        Map<String, String> ids = new HashMap<>();
        Api.Response txt = analyst.upload("etna.txt", "text/plain", VOLCANO.getBytes(StandardCharsets.UTF_8), collection, "geology,italy");
        assertThat(txt.status()).as(txt.body()).isEqualTo(202);
        assertThat(txt.contentType()).startsWith("application/json");
        assertThat(txt.json().path("status").asText()).isIn("queued", "processing", "ready");
        assertThat(txt.json().path("duplicate").asBoolean()).isFalse();
        ids.put("txt", txt.json().path("id").asText());
        ids.put("md", upload("notes.md", "text/markdown", RELEASE_NOTES.getBytes(StandardCharsets.UTF_8)));
        ids.put("html", upload("harbour.html", "text/html", Samples.ARTICLE_HTML.getBytes(StandardCharsets.UTF_8)));
        ids.put("pdf", upload("report.pdf", "application/pdf", Samples.pdf("Annual report 2024", List.of(
                "Revenue grew by twelve percent in the third quarter, driven by exports.",
                "The board approved a new dividend policy for shareholders."))));
        ids.put("docx", upload("minutes.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                Samples.docx("Committee minutes", List.of("The hiring committee met on Monday.",
                        "It agreed to hire two backend engineers and a designer before summer."))));
        Api.Response json = analyst.addText("Bees", BEES, collection, List.of("biology"));
        assertThat(json.status()).isEqualTo(202);
        ids.put("json", json.json().path("id").asText());

        Map<String, JsonNode> docs = new HashMap<>();
        for (var e : ids.entrySet()) {
            JsonNode doc = analyst.await(e.getValue());
            assertThat(doc.path("status").asText()).as(e.getKey() + ": " + doc).isEqualTo("ready");
            assertThat(doc.path("progress").asInt()).isEqualTo(100);
            assertThat(doc.path("chunkCount").asInt()).as(e.getKey()).isPositive();
            docs.put(e.getKey(), doc);
        }
        assertThat(docs.get("txt").path("title").asText()).isEqualTo("etna");
        assertThat(docs.get("txt").path("tags")).extracting(JsonNode::asText).containsExactly("geology", "italy");
        assertThat(docs.get("md").path("title").asText()).isEqualTo("Release notes");
        assertThat(docs.get("html").path("title").asText()).isEqualTo("Harbour park approved | The Coastal Times");
        assertThat(docs.get("pdf").path("title").asText()).isEqualTo("Annual report 2024");
        assertThat(docs.get("docx").path("title").asText()).isEqualTo("Committee minutes");
        assertThat(docs.get("json").path("title").asText()).isEqualTo("Bees");
        assertThat(docs.get("pdf").path("format").asText()).isEqualTo("pdf");
        assertThat(docs.get("docx").path("format").asText()).isEqualTo("docx");

        Map<String, String> questions = Map.of(
                "html", "When does construction of the harbour park start?",
                "pdf", "How much did revenue grow in the third quarter?",
                "txt", "lava flows from Mount Etna closed the airport",
                "json", "why are honeybee colonies collapsing",
                "docx", "how many engineers will the committee hire",
                "md", "does version 2.0 work offline");
        for (var q : questions.entrySet()) {
            JsonNode result = analyst.search(q.getValue(), "k=3&collection=" + collection);
            assertThat(result.path("mode").asText()).isEqualTo("hybrid");
            JsonNode best = result.path("passages").get(0);
            assertThat(best.path("documentId").asText()).as(q.getValue() + " → " + result).isEqualTo(ids.get(q.getKey()));
            assertThat(best.path("scores").path("vector").asDouble()).isGreaterThan(0.3);
            assertThat(best.path("scores").path("fused").asDouble()).isGreaterThan(0);
            // Offsets point into the document's text.
            String text = analyst.get("/api/v1/documents/" + ids.get(q.getKey()) + "?include=text").json().path("text").asText();
            assertThat(text.substring(best.path("start").asInt(), best.path("end").asInt())).isEqualTo(best.path("text").asText());
        }
        // The HTML's boilerplate was not indexed.
        assertThat(analyst.get("/api/v1/documents/" + ids.get("html") + "?include=text").json().path("text").asText())
                .doesNotContain("cookies").doesNotContain("Celebrity chef");
        // Filters: tag, document, and modes.
        assertThat(analyst.search("eruption", "collection=" + collection + "&tag=biology").path("passages"))
                .allSatisfy(p -> assertThat(p.path("documentId").asText()).isEqualTo(ids.get("json")));
        assertThat(analyst.search("eruption", "document=" + ids.get("pdf")).path("passages"))
                .allSatisfy(p -> assertThat(p.path("documentId").asText()).isEqualTo(ids.get("pdf")));
        JsonNode text = analyst.search("dividend policy", "mode=text&collection=" + collection);
        assertThat(text.path("passages").get(0).path("documentId").asText()).isEqualTo(ids.get("pdf"));
        assertThat(text.path("passages").get(0).path("scores").path("text").asDouble()).isPositive();
        JsonNode vector = analyst.search("a mountain spewing molten rock", "mode=vector&k=2&collection=" + collection);
        assertThat(vector.path("passages").get(0).path("documentId").asText()).isEqualTo(ids.get("txt"));
        JsonNode mmr = analyst.search("news", "mmr=true&k=4&collection=" + collection);
        assertThat(mmr.path("mmr").asBoolean()).isTrue();
        assertThat(mmr.path("passages")).hasSize(4);
        // Dates: nothing was added in 2001.
        assertThat(analyst.search("eruption", "collection=" + collection + "&to=2001-12-31").path("passages")).isEmpty();
        assertThat(analyst.search("eruption", "collection=" + collection + "&from=2001-01-01").path("passages")).isNotEmpty();
    }

    @Test
    void longDocumentsAreChunkedBySentencesWithOverlapAndOffsets() {
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= 80; i++) {
            text.append("Sentence number ").append(i).append(" describes the state of the harbour crane number ").append(i % 7)
                    .append(" in some detail. ");
        }
        JsonNode doc = analyst.ingestText("Cranes", text.toString().strip(), collection);
        assertThat(doc.path("status").asText()).isEqualTo("ready");
        JsonNode full = analyst.get("/api/v1/documents/" + doc.path("id").asText() + "?include=chunks,text").json();
        String body = full.path("text").asText();
        JsonNode chunks = full.path("chunks");
        assertThat(chunks.size()).isGreaterThan(3).isEqualTo(full.path("chunkCount").asInt());
        int previousEnd = 0;
        for (int i = 0; i < chunks.size(); i++) {
            JsonNode c = chunks.get(i);
            assertThat(c.path("ordinal").asInt()).isEqualTo(i);
            assertThat(c.path("tokens").asInt()).isLessThanOrEqualTo(180);
            assertThat(c.path("embeddingModel").asText()).isEqualTo("all-minilm-l6-v2");
            assertThat(c.path("embeddingVersion").asText()).isNotBlank();
            assertThat(body.substring(c.path("start").asInt(), c.path("end").asInt())).isEqualTo(c.path("text").asText());
            assertThat(c.path("text").asText()).startsWith("Sentence number").endsWith("detail.");
            if (i > 0) assertThat(c.path("start").asInt()).as("overlap").isLessThan(previousEnd);
            previousEnd = c.path("end").asInt();
        }
        assertThat(previousEnd).isEqualTo(body.length());
        assertThat(analyst.get("/api/v1/documents/" + doc.path("id").asText() + "/chunks").json().size()).isEqualTo(chunks.size());
    }

    @Test
    void duplicatesAreDetectedAndReturned() throws Exception {
        JsonNode first = analyst.ingestText("Bees", BEES, collection);
        Api.Response again = analyst.addText("Bees again", BEES, collection, null);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("duplicate").asBoolean()).isTrue();
        assertThat(again.json().path("id").asText()).isEqualTo(first.path("id").asText());
        assertThat(again.json().path("message").asText()).contains("Already in the library");
        // The same bytes uploaded as a file are the same content.
        Api.Response file = analyst.upload("bees.txt", "text/plain", BEES.getBytes(StandardCharsets.UTF_8), collection, null);
        assertThat(file.status()).isEqualTo(200);
        assertThat(file.json().path("id").asText()).isEqualTo(first.path("id").asText());
        // Another collection, or another owner, is not a duplicate.
        assertThat(analyst.addText("Bees", BEES, collection + "-b", null).status()).isEqualTo(202);
        Api.Response others = other.addText("Bees", BEES, collection, null);
        assertThat(others.status()).isEqualTo(202);
        other.await(others.json().path("id").asText());
        // A URL whose content is already there: the new document fails as a duplicate, pointing at the first.
        try (TestSite site = new TestSite()) {
            site.page("/bees.txt", "text/plain", BEES);
            Api.Response url = analyst.addUrl(site.url("/bees.txt"), collection);
            assertThat(url.status()).isEqualTo(202);
            JsonNode failed = analyst.await(url.json().path("id").asText());
            assertThat(failed.path("status").asText()).isEqualTo("failed");
            assertThat(failed.path("reason").asText()).contains("Duplicate", first.path("id").asText());
            assertThat(failed.path("duplicateOf").asText()).isEqualTo(first.path("id").asText());
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM documents WHERE collection = ? AND status = 'ready'", Integer.class, collection))
                .isEqualTo(2); // the analyst's and the other analyst's
    }

    @Test
    void urlsAreFetchedAndTheirMainTextIndexed() throws Exception {
        try (TestSite site = new TestSite()) {
            site.page("/news/harbour", "text/html; charset=utf-8", Samples.ARTICLE_HTML);
            site.redirect("/short", 301, "/news/harbour");
            Api.Response r = analyst.addUrl(site.url("/short"), collection);
            assertThat(r.status()).as(r.body()).isEqualTo(202);
            assertThat(r.json().path("sourceType").asText()).isEqualTo("url");
            JsonNode doc = analyst.await(r.json().path("id").asText());
            assertThat(doc.path("status").asText()).as(doc.toString()).isEqualTo("ready");
            assertThat(doc.path("title").asText()).isEqualTo("Harbour park approved | The Coastal Times");
            assertThat(doc.path("format").asText()).isEqualTo("html");
            assertThat(doc.path("contentHash").asText()).hasSize(64);
            JsonNode hit = analyst.search("swimming pool", "k=1&collection=" + collection).path("passages").get(0);
            assertThat(hit.path("documentId").asText()).isEqualTo(doc.path("id").asText());
            // The same URL again is a duplicate at once.
            Api.Response again = analyst.addUrl(site.url("/short"), collection);
            assertThat(again.status()).isEqualTo(200);
            assertThat(again.json().path("duplicate").asBoolean()).isTrue();
        }
    }

    @Test
    void deletingADocumentRemovesItsChunks() {
        JsonNode doc = analyst.ingestText("Volcano", VOLCANO, collection);
        String id = doc.path("id").asText();
        assertThat(chunksOf(id)).isPositive();
        assertThat(other.api.get("/api/v1/documents/" + id, Map.of("Authorization", "Bearer " + other.key)).status()).isEqualTo(404);
        assertThat(deleteAs(other, id)).isEqualTo(404);
        assertThat(chunksOf(id)).isPositive();
        assertThat(deleteAs(analyst, id)).isEqualTo(204);
        assertThat(chunksOf(id)).isZero();
        assertThat(analyst.get("/api/v1/documents/" + id).status()).isEqualTo(404);
        assertThat(deleteAs(analyst, id)).isEqualTo(404);
        assertThat(analyst.search("Etna lava", "collection=" + collection).path("passages")).isEmpty();
    }

    @Test
    void documentsBelongToTheirOwnerAndOperatorsSeeAll() {
        JsonNode mine = analyst.ingestText("Volcano", VOLCANO, collection);
        String id = mine.path("id").asText();
        assertThat(other.get("/api/v1/documents/" + id).status()).isEqualTo(404);
        assertThat(other.get("/api/v1/documents?collection=" + collection).json().path("total").asInt()).isZero();
        assertThat(other.search("Etna lava", "collection=" + collection).path("passages")).isEmpty();
        assertThat(operator.get("/api/v1/documents/" + id).status()).isEqualTo(200);
        assertThat(operator.get("/api/v1/documents?collection=" + collection).json().path("total").asInt()).isEqualTo(1);
        assertThat(operator.search("Etna lava", "collection=" + collection).path("passages")).isNotEmpty();
        assertThat(operator.get("/api/v1/documents/" + id).json().path("owner").asText()).isNotBlank();
    }

    @Test
    void listingIsPagedNewestFirstAndFiltered() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(analyst.addText("Doc " + i, "Document number " + i + " talks about topic " + i + ".", collection, null)
                    .json().path("id").asText());
        }
        ids.forEach(analyst::await);
        JsonNode page0 = analyst.get("/api/v1/documents?size=2&collection=" + collection).json();
        assertThat(page0.path("total").asInt()).isEqualTo(3);
        assertThat(page0.path("items")).hasSize(2);
        assertThat(page0.path("items").get(0).path("id").asText()).isEqualTo(ids.get(2));
        JsonNode page1 = analyst.get("/api/v1/documents?size=2&page=1&collection=" + collection).json();
        assertThat(page1.path("items")).hasSize(1);
        assertThat(page1.path("items").get(0).path("id").asText()).isEqualTo(ids.get(0));
        assertThat(analyst.get("/api/v1/documents?collection=" + collection + "&status=failed").json().path("total").asInt()).isZero();
        assertThat(analyst.get("/api/v1/documents?collection=" + collection + "&q=doc%201").json().path("total").asInt()).isEqualTo(1);
        assertThat(analyst.get("/api/v1/collections").json()).extracting(JsonNode::asText).contains(collection);
        assertThat(analyst.get("/api/v1/documents?size=500").status()).isEqualTo(400);
        assertThat(analyst.get("/api/v1/documents?status=done").status()).isEqualTo(400);
    }

    @Test
    void reembedJobUpdatesChunksOfAnotherModel() throws Exception {
        JsonNode doc = analyst.ingestText("Volcano", VOLCANO, collection);
        String id = doc.path("id").asText();
        jdbc.update("UPDATE chunks SET embedding_model = 'old-model', embedding_version = '0' WHERE document_id = ?::uuid", id);
        assertThat(reembed.stale()).isPositive();
        assertThat(analyst.api.post("/api/v1/admin/library/reembed", "application/json", "{}",
                Map.of("Authorization", "Bearer " + analyst.key)).status()).isEqualTo(403);
        Api.Response started = admin.api.post("/api/v1/admin/library/reembed", "application/json", "{}",
                Map.of("Authorization", "Bearer " + admin.key));
        assertThat(started.status()).isEqualTo(202);
        long deadline = System.nanoTime() + 60_000_000_000L;
        JsonNode status;
        do {
            Thread.sleep(100);
            status = admin.get("/api/v1/admin/library/reembed").json();
        } while (status.path("state").asText().equals("running") && System.nanoTime() < deadline);
        assertThat(status.path("state").asText()).as(status.toString()).isEqualTo("done");
        assertThat(status.path("done").asLong()).isPositive();
        assertThat(jdbc.queryForList("SELECT DISTINCT embedding_model FROM chunks WHERE document_id = ?::uuid", String.class, id))
                .containsExactly("all-minilm-l6-v2");
        assertThat(analyst.search("Etna lava", "k=1&collection=" + collection).path("passages").get(0).path("documentId").asText())
                .isEqualTo(id);
    }

    @Test
    void metricsArePublished() {
        analyst.ingestText("Volcano", VOLCANO, collection);
        analyst.search("Etna lava flows", "collection=" + collection);
        analyst.search("quantum chromodynamics of gluons", "collection=" + collection + "&tag=nothing-has-this-tag");
        String scrape = new Api(managementPort).get("/actuator/prometheus", Map.of()).body();
        assertThat(scrape).contains("rag_ingestion_seconds_bucket{", "rag_ingestion_seconds_count{", "rag_retrieval_seconds_bucket{",
                "rag_retrieval_hit_rate{", "rag_retrieval_queries_total{", "rag_documents{", "rag_chunks{");
        assertThat(scrape).containsPattern("rag_ingestion_seconds_count\\{[^}]*format=\"text\"[^}]*outcome=\"ready\"[^}]*} [1-9]");
        assertThat(scrape).containsPattern("rag_retrieval_queries_total\\{[^}]*result=\"hit\"[^}]*} [1-9]");
        assertThat(scrape).containsPattern("rag_retrieval_queries_total\\{[^}]*result=\"miss\"[^}]*} [1-9]");
    }

    @Test
    void questionFocusedSummariesCiteTheRetrievedPassages() {
        String bees = analyst.ingestText("Bees", BEES, collection).path("id").asText();
        analyst.ingestText("Volcano", VOLCANO, collection);
        other.ingestText("Bees again", BEES + " This copy belongs to someone else.", "test-" + UUID.randomUUID());

        Api.Response r = analyst.api.postJson("/api/v1/summaries",
                Map.of("query", "Why are honeybee colonies collapsing?", "collection", collection), analyst.key);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode summary = r.json();
        assertThat(summary.path("title").asText()).isEqualTo("Why are honeybee colonies collapsing?");
        assertThat(summary.path("summary").asText()).containsIgnoringCase("mite");
        // Every source is a passage of the caller's collection; citations point into them and, through the origin's
        // range, into the Library document's text.
        JsonNode sources = summary.path("sources");
        assertThat(sources).isNotEmpty();
        assertThat(sources.get(0).path("origin").asText()).startsWith("/api/v1/documents/" + bees + "#");
        String beesText = analyst.get("/api/v1/documents/" + bees + "?include=text").json().path("text").asText();
        int cited = 0;
        for (JsonNode sentence : summary.path("sentences")) {
            for (JsonNode c : sentence.path("citations")) {
                String origin = sources.get(c.path("document").asInt()).path("origin").asText();
                if (!origin.startsWith("/api/v1/documents/" + bees + "#")) continue;
                String[] range = origin.substring(origin.indexOf('#') + 1).split("-");
                int start = Integer.parseInt(range[0]);
                assertThat(start + c.path("end").asInt()).isLessThanOrEqualTo(Integer.parseInt(range[1]));
                String quoted = beesText.substring(start + c.path("start").asInt(), start + c.path("end").asInt()).strip();
                assertThat(sentence.path("text").asText()).contains(quoted.substring(0, Math.min(20, quoted.length())));
                cited++;
            }
        }
        assertThat(cited).isPositive();
        // Stored like any summary, with its sources.
        JsonNode again = analyst.get("/api/v1/summaries/" + summary.path("id").asText()).json();
        assertThat(again.path("sources")).isEqualTo(sources);

        assertProblem(other.api.postJson("/api/v1/summaries", Map.of("query", "honeybee colonies", "collection", collection),
                other.key), 422, "Nothing in the Library collection");
        assertProblem(analyst.api.postJson("/api/v1/summaries", Map.of("query", "bees",
                "documents", List.of(Map.of("text", BEES))), analyst.key), 400, "not both");
        assertProblem(analyst.api.postJson("/api/v1/summaries", Map.of("collection", collection), analyst.key), 400, "'collection' goes with 'query'");
        assertProblem(analyst.api.postJson("/api/v1/summaries", Map.of("query", "b".repeat(1001)), analyst.key), 400, "'query'");
    }

    @Test
    void searchValidatesItsParameters() {
        assertProblem(analyst.get("/api/v1/search"), 400, "'q'");
        assertProblem(analyst.get("/api/v1/search?q=x&k=0"), 400, "'k'");
        assertProblem(analyst.get("/api/v1/search?q=x&k=1000"), 400, "'k'");
        assertProblem(analyst.get("/api/v1/search?q=x&mode=fuzzy"), 400, "'mode'");
        assertProblem(analyst.get("/api/v1/search?q=x&from=yesterday"), 400, "'from'");
        assertProblem(analyst.get("/api/v1/search?q=x&document=nope"), 400, "'document'");
        assertThat(analyst.api.get("/api/v1/search?q=x", Map.of()).status()).isEqualTo(401);
        assertProblem(analyst.get("/api/v1/documents/" + UUID.randomUUID()), 404, "No document");
        assertProblem(analyst.get("/api/v1/documents/" + UUID.randomUUID() + "/chunks"), 404, "No document");
    }

    static void assertProblem(Api.Response r, int status, String detail) {
        Api.assertProblem(r, status, detail);
    }

    private String upload(String name, String type, byte[] content) {
        Api.Response r = analyst.upload(name, type, content, collection, null);
        assertThat(r.status()).as(name + ": " + r.body()).isEqualTo(202);
        return r.json().path("id").asText();
    }

    private int chunksOf(String id) {
        return jdbc.queryForObject("SELECT count(*) FROM chunks WHERE document_id = ?::uuid", Integer.class, id);
    }

    private static int deleteAs(LibraryClient client, String id) {
        return client.delete("/api/v1/documents/" + id);
    }
}
