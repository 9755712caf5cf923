package io.precis.app.support;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

/**
 * The internet, as far as research needs it: one server on 127.0.0.1 that answers SearxNG's JSON API
 * ({@code /search?q=…&format=json}) with the results a test registered for a word of the query, and serves the pages
 * tests register. Started once for the shared application context, whose {@code precis.research.searxng-url} points at it.
 */
public final class WebStandIn {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static volatile WebStandIn instance;

    /** One SearxNG result. */
    public record Result(String url, String title, String content, String publishedDate) {
    }

    private final HttpServer server;
    private final Map<String, Object> answers = new ConcurrentHashMap<>();
    private final List<String> queries = new CopyOnWriteArrayList<>();

    private WebStandIn() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "web-stand-in");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/search", this::search);
        server.start();
    }

    public static synchronized WebStandIn get() {
        if (instance == null) {
            try {
                instance = new WebStandIn();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return instance;
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** Queries containing {@code word} (any case) get these results. */
    public WebStandIn results(String word, List<Result> results) {
        answers.put(word.toLowerCase(Locale.ROOT), Map.of("query", word, "results", results));
        return this;
    }

    /** Queries containing {@code word} get this body, as is (garbage, or nothing for a while). */
    public WebStandIn rawAnswer(String word, HttpHandler handler) {
        answers.put(word.toLowerCase(Locale.ROOT), handler);
        return this;
    }

    public WebStandIn page(String path, HttpHandler handler) {
        server.createContext(path, handler);
        return this;
    }

    public WebStandIn html(String path, String html) {
        return page(path, exchange -> send(exchange, 200, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8)));
    }

    public List<String> queriesContaining(String word) {
        return queries.stream().filter(q -> q.toLowerCase(Locale.ROOT).contains(word.toLowerCase(Locale.ROOT))).toList();
    }

    private void search(HttpExchange exchange) throws IOException {
        String raw = exchange.getRequestURI().getRawQuery();
        String q = "";
        for (String pair : raw == null ? new String[0] : raw.split("&")) {
            if (pair.startsWith("q=")) q = URLDecoder.decode(pair.substring(2), StandardCharsets.UTF_8);
        }
        queries.add(q);
        String lower = q.toLowerCase(Locale.ROOT);
        for (Map.Entry<String, Object> e : answers.entrySet()) {
            if (!lower.contains(e.getKey())) continue;
            if (e.getValue() instanceof HttpHandler handler) {
                handler.handle(exchange);
            } else {
                send(exchange, 200, "application/json", JSON.writeValueAsBytes(e.getValue()));
            }
            return;
        }
        send(exchange, 200, "application/json", JSON.writeValueAsBytes(Map.of("query", q, "results", List.of())));
    }

    public static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** Points the application's SearxNG URL at the stand-in. */
    public static final class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            TestPropertyValues.of("precis.research.searxng-url=" + get().url("")).applyTo(context.getEnvironment());
        }
    }
}
