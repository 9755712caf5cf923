package io.precis.app.library;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import io.precis.app.support.Api;

/** The Library's REST API for tests: uploads, JSON adds, waiting for ingestion, search. */
final class LibraryClient {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    final Api api;
    final String key;
    final int port;

    LibraryClient(int port, String key) {
        this.api = new Api(port);
        this.key = key;
        this.port = port;
    }

    /** DELETE; the status. */
    int delete(String path) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Authorization", "Bearer " + key).DELETE().build();
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    Api.Response upload(String fileName, String contentType, byte[] content, String collection, String tags) {
        String boundary = "----precis" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName + "\"\r\n"
                + "Content-Type: " + contentType + "\r\n\r\n");
        body.writeBytes(content);
        write(body, "\r\n");
        if (collection != null) field(body, boundary, "collection", collection);
        if (tags != null) field(body, boundary, "tags", tags);
        write(body, "--" + boundary + "--\r\n");
        return api.postBytes("/api/v1/documents", "multipart/form-data; boundary=" + boundary, body.toByteArray(),
                Map.of("Authorization", "Bearer " + key));
    }

    Api.Response addText(String title, String text, String collection, List<String> tags) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        if (title != null) body.put("title", title);
        body.put("text", text);
        if (collection != null) body.put("collection", collection);
        if (tags != null) body.put("tags", tags);
        return api.postJson("/api/v1/documents", body, key);
    }

    Api.Response addUrl(String url, String collection) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("url", url);
        if (collection != null) body.put("collection", collection);
        return api.postJson("/api/v1/documents", body, key);
    }

    Api.Response get(String path) {
        return api.getWithKey(path, key);
    }

    /** Polls the document until it is ready or failed (at most a minute) and returns it. */
    JsonNode await(String id) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            JsonNode doc = get("/api/v1/documents/" + id).json();
            String status = doc.path("status").asText();
            if (status.equals("ready") || status.equals("failed")) return doc;
            if (System.nanoTime() > deadline) throw new AssertionError("document " + id + " still " + status + ": " + doc);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** Adds and waits: the document once ready (or failed). */
    JsonNode ingestText(String title, String text, String collection) {
        Api.Response r = addText(title, text, collection, null);
        if (r.status() != 202) throw new AssertionError("expected 202, got " + r.status() + ": " + r.body());
        return await(r.json().path("id").asText());
    }

    JsonNode search(String query, String params) {
        Api.Response r = get("/api/v1/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8) + (params.isEmpty() ? "" : "&" + params));
        if (r.status() != 200) throw new AssertionError("search answered " + r.status() + ": " + r.body());
        return r.json();
    }

    private static void field(ByteArrayOutputStream body, String boundary, String name, String value) {
        write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n");
    }

    private static void write(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
    }
}
