package io.precis.app.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A small HTTP client for REST tests: raw requests, JSON answers, no exceptions on 4xx. */
public final class Api {
    public static final String BOOTSTRAP_KEY = "pk_test_bootstrap_admin_key_0123456789";
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    public record Response(int status, String contentType, String body) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }
    }

    /** Asserts an RFC 7807 problem with this status and, unless null, a detail containing {@code detail}. */
    public static void assertProblem(Response r, int status, String detail) {
        org.assertj.core.api.Assertions.assertThat(r.status()).as(r.body()).isEqualTo(status);
        org.assertj.core.api.Assertions.assertThat(r.contentType()).startsWith("application/problem+json");
        if (detail != null) org.assertj.core.api.Assertions.assertThat(r.json().path("detail").asText()).contains(detail);
    }

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;

    public Api(int port) {
        this.base = "http://localhost:" + port;
    }

    public Response get(String path, Map<String, String> headers) {
        return send(request(path, headers).GET());
    }

    public Response post(String path, String contentType, String body, Map<String, String> headers) {
        return send(request(path, headers).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public Response postBytes(String path, String contentType, byte[] body, Map<String, String> headers) {
        return send(request(path, headers).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    public Response postJson(String path, Object body, String key) {
        try {
            return post(path, "application/json", JSON.writeValueAsString(body), Map.of("Authorization", "Bearer " + key));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Response getWithKey(String path, String key) {
        return get(path, Map.of("Authorization", "Bearer " + key));
    }

    private HttpRequest.Builder request(String path, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
        headers.forEach(b::header);
        return b;
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
