package io.precis.app.research;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

import io.precis.app.support.WebStandIn;

/** The web search providers against a local server speaking their protocols: requests, parsing, filters, failures. */
class ResearchProvidersTest {
    HttpServer server;
    final AtomicReference<String> lastQuery = new AtomicReference<>();
    final AtomicReference<String> lastToken = new AtomicReference<>();
    volatile String answer = "{}";

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            lastQuery.set(exchange.getRequestURI().getPath() + "?" + exchange.getRequestURI().getQuery());
            lastToken.set(exchange.getRequestHeaders().getFirst("X-Subscription-Token"));
            WebStandIn.send(exchange, 200, "application/json", answer.getBytes(StandardCharsets.UTF_8));
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Test
    void braveSendsTheKeyAndTheTimeWindowAndAppliesDomainRules() throws Exception {
        answer = """
                {"web":{"results":[
                  {"url":"https://news.example.org/a","title":"A","description":"first","page_age":"2025-02-03T10:00:00"},
                  {"url":"https://blocked.example.net/b","title":"B","description":"excluded"},
                  {"url":"https://other.org/c","title":"C","description":"not included"},
                  {"url":"https://example.org/d","title":"D","description":"too old","age":"2019-01-01"}]}}""";
        BraveSearch brave = new BraveSearch(base() + "/", "secret-token", Duration.ofSeconds(2), new ObjectMapper());
        SourceOptions options = new SourceOptions(null, List.of("example.org", "example.net"), List.of("blocked.example.net"),
                LocalDate.of(2020, 1, 1));
        List<SearchHit> hits = brave.search("harbour dues", new SearchScope("someone", null, options), 5);
        assertThat(hits).extracting(SearchHit::url).containsExactly("https://news.example.org/a");
        assertThat(hits.get(0).published()).isEqualTo(LocalDate.of(2025, 2, 3));
        assertThat(hits.get(0).snippet()).isEqualTo("first");
        assertThat(lastToken.get()).isEqualTo("secret-token");
        assertThat(lastQuery.get()).startsWith("/res/v1/web/search?q=harbour+dues&count=").contains("&freshness=2020-01-01to");
    }

    @Test
    void searxngReadsResultsAndRejectsGarbage() throws Exception {
        answer = "{\"results\":[{\"url\":\"https://a.org/1\",\"title\":\"One\",\"content\":\"c\",\"publishedDate\":null},"
                + "{\"url\":\"javascript:alert(1)\",\"title\":\"Bad\"},{\"url\":\"https://b.org/2\",\"title\":\"Two\"}]}";
        SearxngSearch searx = new SearxngSearch(base(), Duration.ofSeconds(2), new ObjectMapper());
        SearchScope scope = new SearchScope("someone", null, SourceOptions.none());
        assertThat(searx.search("q", scope, 1)).extracting(SearchHit::title).containsExactly("One");
        assertThat(searx.search("q", scope, 5)).extracting(SearchHit::title).containsExactly("One", "Two");
        assertThat(lastQuery.get()).isEqualTo("/search?format=json&q=q");
        answer = "{\"results\":\"none\"}";
        assertThatThrownBy(() -> searx.search("q", scope, 5)).hasMessageContaining("without a list of results");
        answer = "\u0000\u0001garbage";
        assertThatThrownBy(() -> searx.search("q", scope, 5)).hasMessageContaining("not JSON");
    }
}
