package io.precis.inference.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A local server that speaks the OpenAI chat-completions protocol ({@code POST /v1/chat/completions}, JSON or
 * server-sent events), answers with scripted replies and records every request it receives.
 */
final class FakeChatServer implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();

    /** A request as received: its headers (names in lower case), its JSON body and when it arrived. */
    record Received(String method, String path, Map<String, List<String>> headers, JsonNode body, long atNanos) {

        String header(String name) {
            List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        /** The content of the first (and in Precis only) message. */
        String prompt() {
            return body.path("messages").path(0).path("content").asText();
        }

        boolean streamed() {
            return body.path("stream").asBoolean(false);
        }
    }

    /** How to answer one request. */
    interface Reply {
        void send(HttpExchange exchange, Received request) throws IOException, InterruptedException;
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Deque<Reply> script = new ArrayDeque<>();
    private final List<Received> requests = new CopyOnWriteArrayList<>();
    private volatile Reply otherwise;

    FakeChatServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
        otherwise = status(404, "{\"error\":{\"message\":\"no reply scripted\"}}");
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Replies for the next requests, in order; after them, {@link #otherwise}'s. */
    synchronized FakeChatServer then(Reply... replies) {
        script.addAll(List.of(replies));
        return this;
    }

    FakeChatServer otherwise(Reply reply) {
        this.otherwise = reply;
        return this;
    }

    List<Received> requests() {
        return List.copyOf(requests);
    }

    private synchronized Reply next() {
        return script.isEmpty() ? otherwise : script.poll();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Map<String, List<String>> headers = new java.util.HashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), v));
            JsonNode json = body.length == 0 ? JSON.nullNode() : JSON.readTree(body);
            Received received = new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    headers, json, System.nanoTime());
            requests.add(received);
            if (!"POST".equals(received.method()) || !"/v1/chat/completions".equals(received.path())) {
                status(404, "{\"error\":{\"message\":\"unknown path " + received.path() + "\"}}")
                        .send(exchange, received);
                return;
            }
            next().send(exchange, received);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the client went away (timeouts do that); nothing to answer
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    // --- replies -------------------------------------------------------------------------------------------

    /** A non-streamed completion with this content, or a streamed one when the request asked for a stream. */
    static Reply completion(String content) {
        return (exchange, request) -> {
            if (request.streamed()) {
                stream(Duration.ZERO, tokens(content)).send(exchange, request);
            } else {
                json(200, completionJson(request, content, "stop")).send(exchange, request);
            }
        };
    }

    /** A completion whose content depends on the request (for instance on its prompt). */
    static Reply completion(Function<Received, String> content) {
        return (exchange, request) -> completion(content.apply(request)).send(exchange, request);
    }

    /** A streamed completion: one chunk per token, {@code pause} apart, then {@code data: [DONE]}. */
    static Reply stream(Duration pause, String... tokens) {
        return (exchange, request) -> {
            exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            String model = request.body().path("model").asText();
            write(out, "data: " + chunk(model, JSON.createObjectNode().put("role", "assistant").put("content", ""),
                    null) + "\n\n");
            for (String token : tokens) {
                if (!pause.isZero()) {
                    Thread.sleep(pause.toMillis());
                }
                write(out, "data: " + chunk(model, JSON.createObjectNode().put("content", token), null) + "\n\n");
            }
            write(out, "data: " + chunk(model, JSON.createObjectNode(), "stop") + "\n\n");
            write(out, "data: [DONE]\n\n");
        };
    }

    static Reply status(int status, String body, String... headerNamesAndValues) {
        return (exchange, request) -> {
            for (int i = 0; i + 1 < headerNamesAndValues.length; i += 2) {
                exchange.getResponseHeaders().add(headerNamesAndValues[i], headerNamesAndValues[i + 1]);
            }
            json(status, body).send(exchange, request);
        };
    }

    static Reply json(int status, String body) {
        return (exchange, request) -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                exchange.getResponseBody().write(bytes);
            }
        };
    }

    /** Waits before replying, as an overloaded model would. */
    static Reply slow(Duration delay, Reply then) {
        return (exchange, request) -> {
            Thread.sleep(delay.toMillis());
            then.send(exchange, request);
        };
    }

    static String completionJson(Received request, String content, String finishReason) {
        ObjectNode root = JSON.createObjectNode()
                .put("id", "chatcmpl-test").put("object", "chat.completion").put("created", 1_700_000_000)
                .put("model", request.body().path("model").asText());
        ObjectNode choice = root.putArray("choices").addObject().put("index", 0).put("finish_reason", finishReason);
        choice.putObject("message").put("role", "assistant").put("content", content);
        root.putObject("usage").put("prompt_tokens", 100).put("completion_tokens", 20).put("total_tokens", 120);
        return root.toString();
    }

    /** The content cut into word-sized tokens with their leading spaces, as models stream them. */
    static String[] tokens(String content) {
        return content.split("(?=\\s)");
    }

    private static String chunk(String model, ObjectNode delta, String finishReason) {
        ObjectNode root = JSON.createObjectNode().put("id", "chatcmpl-test").put("object", "chat.completion.chunk")
                .put("created", 1_700_000_000).put("model", model);
        ObjectNode choice = root.putArray("choices").addObject().put("index", 0);
        choice.set("delta", delta);
        if (finishReason == null) {
            choice.putNull("finish_reason");
        } else {
            choice.put("finish_reason", finishReason);
        }
        return root.toString();
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
