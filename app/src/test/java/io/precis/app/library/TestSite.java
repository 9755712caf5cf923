package io.precis.app.library;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

/** A web site on 127.0.0.1 that a test starts: pages, redirects, errors, slow and endless answers. */
final class TestSite implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "test-site");
        t.setDaemon(true);
        return t;
    });

    TestSite() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(threads);
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    int port() {
        return server.getAddress().getPort();
    }

    TestSite page(String path, String contentType, byte[] body) {
        server.createContext(path, exchange -> send(exchange, 200, contentType, body));
        return this;
    }

    TestSite page(String path, String contentType, String body) {
        return page(path, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    TestSite status(String path, int status) {
        server.createContext(path, exchange -> send(exchange, status, "text/html", ("<h1>" + status + "</h1>").getBytes(StandardCharsets.UTF_8)));
        return this;
    }

    TestSite redirect(String path, int status, String location) {
        server.createContext(path, exchange -> {
            exchange.getResponseHeaders().set("Location", location);
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        return this;
    }

    /** Answers only after {@code millis}. */
    TestSite slow(String path, long millis) {
        server.createContext(path, exchange -> {
            try {
                Thread.sleep(millis);
                send(exchange, 200, "text/plain", "Finally, the answer.".getBytes(StandardCharsets.UTF_8));
            } catch (InterruptedException | IOException e) {
                exchange.close();
            }
        });
        return this;
    }

    /** Sends text forever (chunked), until the client hangs up. */
    TestSite endless(String path) {
        server.createContext(path, exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "text/plain");
            exchange.sendResponseHeaders(200, 0);
            byte[] line = "All work and no play makes Jack a dull boy. ".repeat(100).getBytes(StandardCharsets.UTF_8);
            try (OutputStream out = exchange.getResponseBody()) {
                for (long i = 0; i < 1_000_000; i++) out.write(line); // about 4 GB: the client stops long before
            } catch (IOException e) {
                // the client hung up
            }
        });
        return this;
    }

    TestSite handler(String path, HttpHandler handler) {
        server.createContext(path, handler);
        return this;
    }

    static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
