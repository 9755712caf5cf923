package io.precis.app.research;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

/** SearxNG's JSON API: {@code GET {url}/search?q=…&format=json} → {@code results[].url/title/content/publishedDate}. */
final class SearxngSearch extends WebSearchClient {
    private final String baseUrl;

    SearxngSearch(String baseUrl, Duration timeout, ObjectMapper json) {
        super(timeout, json);
        this.baseUrl = baseUrl.replaceAll("/+$", "");
    }

    @Override
    public String name() {
        return "searxng";
    }

    @Override
    public List<SearchHit> search(String query, SearchScope scope, int max) throws SearchException {
        URI uri = URI.create(baseUrl + "/search?format=json&q=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
        return hits(get(uri, Map.of()).path("results"), "content", List.of("publishedDate"), scope, max);
    }
}
