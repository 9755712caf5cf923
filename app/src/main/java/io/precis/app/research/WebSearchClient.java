package io.precis.app.research;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What the web search providers share: a GET of a JSON answer with a time limit and a size limit (a provider that
 * streams garbage must not fill the heap), and the domain and date rules applied to every result.
 */
abstract class WebSearchClient implements SearchProvider {
    static final int MAX_ANSWER_BYTES = 5 * 1024 * 1024;
    private static final Pattern ISO_DAY = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})");

    private final HttpClient http;
    private final Duration timeout;
    private final ObjectMapper json;

    WebSearchClient(Duration timeout, ObjectMapper json) {
        this.timeout = timeout;
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    JsonNode get(URI uri, Map<String, String> headers) throws SearchException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "application/json").GET();
        headers.forEach(request::header);
        try {
            HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            byte[] body;
            try (InputStream in = response.body()) {
                body = in.readNBytes(MAX_ANSWER_BYTES + 1);
            }
            if (response.statusCode() != 200) {
                throw new SearchException(name() + " answered HTTP " + response.statusCode());
            }
            if (body.length > MAX_ANSWER_BYTES) throw new SearchException(name() + " answered with more than " + MAX_ANSWER_BYTES + " bytes");
            return json.readTree(body);
        } catch (HttpTimeoutException e) {
            throw new SearchException(name() + " did not answer within " + timeout.toSeconds() + " s");
        } catch (JsonProcessingException e) {
            throw new SearchException(name() + " answered with something that is not JSON");
        } catch (IOException e) {
            throw new SearchException(name() + " could not be reached (" + e.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SearchException(name() + " search was interrupted");
        }
    }

    /** Reads {@code results} of the answer (each with url, title, snippet, date fields), keeping what the scope allows. */
    List<SearchHit> hits(JsonNode results, String snippetField, List<String> dateFields, SearchScope scope, int max) throws SearchException {
        if (!results.isArray()) throw new SearchException(name() + " answered without a list of results");
        List<SearchHit> hits = new ArrayList<>();
        for (JsonNode r : results) {
            if (hits.size() >= max) break;
            String url = r.path("url").asText("");
            if (!url.startsWith("http://") && !url.startsWith("https://")) continue;
            LocalDate published = null;
            for (String field : dateFields) {
                if (published == null) published = day(r.path(field).asText(""));
            }
            if (!scope.options().allows(url) || !scope.options().allowsDate(published)) continue;
            hits.add(new SearchHit(url, r.path("title").asText(url), r.path(snippetField).asText(""), published, null));
        }
        return hits;
    }

    private static LocalDate day(String text) {
        Matcher m = ISO_DAY.matcher(text);
        if (!m.find()) return null;
        try {
            return LocalDate.parse(m.group(1));
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }
}
