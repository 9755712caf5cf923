package io.precis.app.research;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The Brave Search API: {@code GET {url}/res/v1/web/search?q=…} with {@code X-Subscription-Token} →
 * {@code web.results[].url/title/description/age}; the time window goes along as {@code freshness}.
 */
final class BraveSearch extends WebSearchClient {
    private final String baseUrl;
    private final String apiKey;

    BraveSearch(String baseUrl, String apiKey, Duration timeout, ObjectMapper json) {
        super(timeout, json);
        this.baseUrl = baseUrl.replaceAll("/+$", "");
        this.apiKey = apiKey;
    }

    @Override
    public String name() {
        return "brave";
    }

    @Override
    public List<SearchHit> search(String query, SearchScope scope, int max) throws SearchException {
        StringBuilder uri = new StringBuilder(baseUrl).append("/res/v1/web/search?q=").append(URLEncoder.encode(query, StandardCharsets.UTF_8))
                .append("&count=").append(Math.min(20, Math.max(max * 2, 5)));
        LocalDate since = scope.options().since();
        if (since != null) uri.append("&freshness=").append(since).append("to").append(LocalDate.now(ZoneOffset.UTC));
        return hits(get(URI.create(uri.toString()), Map.of("X-Subscription-Token", apiKey)).path("web").path("results"),
                "description", List.of("page_age", "age"), scope, max);
    }
}
