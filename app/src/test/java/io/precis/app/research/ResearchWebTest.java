package io.precis.app.research;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

import io.micrometer.core.instrument.MeterRegistry;
import io.precis.app.security.ApiKeyService;
import io.precis.app.security.Role;
import io.precis.app.support.PrecisIntegrationTest;
import io.precis.app.support.WebStandIn;
import io.precis.app.support.WebStandIn.Result;

/**
 * Research on the web, against a local server that speaks SearxNG's JSON API and serves pages: good, slow, huge,
 * broken, redirected to a private address, excluded by domain or date; pinned pages; providers that answer garbage or
 * too late. Every job ends, reads what it can and says what failed.
 */
@PrecisIntegrationTest
class ResearchWebTest {
    static final String ARTICLE = "<html><head><title>%s</title></head><body><article><h1>%s</h1><p>%s</p></article></body></html>";

    @LocalServerPort
    int port;
    @Autowired
    ApiKeyService keys;
    @Autowired
    MeterRegistry meters;

    ResearchClient analyst;
    WebStandIn web = WebStandIn.get();
    String word;

    @BeforeEach
    void setUp() {
        analyst = new ResearchClient(port, keys.create("research-web-" + UUID.randomUUID(), Role.ANALYST, "test").secret());
        word = "quokka" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    }

    @Test
    void readsGoodPagesRecordsEachFailureAndCitesWhatItRead() throws Exception {
        String p = "/" + word;
        web.html(p + "/good.html", ARTICLE.formatted("Quokkas of Rottnest", "Quokkas of Rottnest", "Quokkas live on Rottnest Island off "
                        + "the coast of Western Australia. The " + word + " population there is about ten thousand animals. Quokkas eat "
                        + "grasses, leaves and stems, and they can survive long periods without water."))
                .html(p + "/pinned.html", ARTICLE.formatted("Rangers' notes", "Rangers' notes", "Rangers count the " + word
                        + " colonies every spring. Feeding quokkas is forbidden and carries a fine of three hundred dollars."))
                .html(p + "/old.html", ARTICLE.formatted("Old", "Old", "An old page about the " + word + " from long ago."))
                .page(p + "/slow.html", exchange -> {
                    try {
                        Thread.sleep(6000);
                        WebStandIn.send(exchange, 200, "text/html", "<p>Too late.</p>".getBytes(StandardCharsets.UTF_8));
                    } catch (InterruptedException e) {
                        exchange.close();
                    }
                })
                .page(p + "/huge.html", exchange -> WebStandIn.send(exchange, 200, "text/html",
                        ("<p>" + "Huge page. ".repeat(300_000) + "</p>").getBytes(StandardCharsets.UTF_8)))
                .page(p + "/broken.html", exchange -> WebStandIn.send(exchange, 500, "text/html", "<h1>500</h1>".getBytes(StandardCharsets.UTF_8)))
                .page(p + "/to-private.html", exchange -> {
                    exchange.getResponseHeaders().set("Location", "http://10.20.30.40/secret");
                    exchange.sendResponseHeaders(302, -1);
                    exchange.close();
                })
                .results(word, List.of(
                        new Result(web.url(p + "/good.html"), "Quokkas of Rottnest", "Quokkas live on Rottnest", "2024-03-01T00:00:00"),
                        new Result(web.url(p + "/slow.html"), "Slow", "slow", null),
                        new Result(web.url(p + "/huge.html"), "Huge", "huge", null),
                        new Result(web.url(p + "/broken.html"), "Broken", "broken", null),
                        new Result(web.url(p + "/to-private.html"), "Private", "private", null),
                        new Result("http://www.example.com/" + word, "Excluded", "excluded by domain", null),
                        new Result(web.url(p + "/old.html"), "Old", "too old", "2001-05-01"),
                        new Result("not a url", "Garbage", "no url", null)));
        double fetchedBefore = meters.counter("research.sources.fetched").count();

        String id = analyst.submitted(Map.of("question", "What do " + word + " animals eat?", "depth", 1, "breadth", 1,
                "sources", Map.of("pinned", List.of(web.url(p + "/pinned.html")), "excludeDomains", List.of("example.com"),
                        "since", "2020-01-01")));
        // results per query (3 by default) would stop at the slow page: this test reads them all
        JsonNode job = analyst.awaitEnd(id);
        assertThat(job.path("status").asText()).as(job.toPrettyString()).isEqualTo("done");
        assertThat(job.path("provider").asText()).isEqualTo("searxng");
        assertThat(web.queriesContaining(word)).containsExactly("What do " + word + " animals eat?");

        Map<String, JsonNode> byUrl = new java.util.HashMap<>();
        job.path("sources").forEach(s -> byUrl.put(s.path("url").asText(), s));
        JsonNode pinned = byUrl.get(web.url(p + "/pinned.html"));
        assertThat(pinned.path("status").asText()).isEqualTo("read");
        assertThat(pinned.path("round").asInt()).isZero();
        assertThat(job.path("sources").get(0).path("url").asText()).as("pinned first").isEqualTo(web.url(p + "/pinned.html"));
        assertThat(byUrl.get(web.url(p + "/good.html")).path("status").asText()).isEqualTo("read");
        assertThat(byUrl.get(web.url(p + "/good.html")).path("title").asText()).isEqualTo("Quokkas of Rottnest");
        assertThat(byUrl.get(web.url(p + "/slow.html")).path("status").asText()).isEqualTo("failed");
        assertThat(byUrl.get(web.url(p + "/huge.html")).path("reason").asText()).contains("larger than");
        assertThat(byUrl.get(web.url(p + "/broken.html")).path("reason").asText()).contains("500");
        assertThat(byUrl.get(web.url(p + "/to-private.html")).path("status").asText()).isEqualTo("failed");
        assertThat(byUrl.get(web.url(p + "/to-private.html")).path("reason").asText()).contains("10.20.30.40");
        assertThat(byUrl).doesNotContainKeys("http://www.example.com/" + word, web.url(p + "/old.html"), "not a url");
        assertThat(job.path("reason").asText()).contains("4 of 5 sources of round 1 could not be read");
        assertThat(meters.counter("research.sources.fetched").count() - fetchedBefore).isGreaterThanOrEqualTo(2);

        JsonNode report = job.path("report");
        assertThat(report.path("bibliography").findValuesAsText("url"))
                .containsExactlyInAnyOrder(web.url(p + "/good.html"), web.url(p + "/pinned.html"));
        assertThat(report.path("bibliography").findValuesAsText("readAt")).allSatisfy(d -> assertThat(d).isNotBlank());
        String md = analyst.api.getWithKey("/api/v1/research/" + id + "/report.md", analyst.key).body();
        assertThat(md).contains("<" + web.url(p + "/good.html") + ">").contains("[1]");
    }

    @Test
    void aProviderThatAnswersGarbageOrTooLateEndsTheJobWithWhatFailed() throws Exception {
        web.rawAnswer(word, exchange -> WebStandIn.send(exchange, 200, "application/json", "<html>not json".getBytes(StandardCharsets.UTF_8)));
        String garbage = analyst.submitted(Map.of("question", "Where do " + word + " live?", "depth", 2, "breadth", 1));
        JsonNode job = analyst.awaitEnd(garbage);
        assertThat(job.path("status").asText()).isEqualTo("done");
        assertThat(job.path("reason").asText()).contains("failed: searxng answered with something that is not JSON");
        assertThat(job.path("report").path("bibliography")).isEmpty();
        assertThat(job.path("report").path("sections").get(0).path("sentences")).isEmpty();

        String late = "tardy" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        web.rawAnswer(late, exchange -> {
            try {
                Thread.sleep(3500);
                WebStandIn.send(exchange, 200, "application/json", "{\"results\":[]}".getBytes(StandardCharsets.UTF_8));
            } catch (InterruptedException e) {
                exchange.close();
            }
        });
        JsonNode slow = analyst.awaitEnd(analyst.submitted(Map.of("question", "Where do " + late + " live?", "depth", 1, "breadth", 1)));
        assertThat(slow.path("status").asText()).isEqualTo("done");
        assertThat(slow.path("reason").asText()).contains("searxng did not answer within 2 s");
    }
}
