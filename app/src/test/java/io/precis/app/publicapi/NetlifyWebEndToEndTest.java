package io.precis.app.publicapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.precis.app.library.LibraryService;
import io.precis.app.library.Viewer;
import io.precis.app.support.PrecisIntegrationTest;

/**
 * netlify-web end to end: the static site is built with {@code VITE_API_URL} pointing at this running app, served
 * from another origin (so CORS is real), and driven in headless Chromium by {@code netlify-web/e2e/public-site.mjs}
 * (playwright-core with the system's Chromium): a summary whose citation highlights its passage, feedback on it,
 * research over the public Library with live progress, a cited passage revealed and feedback on the report, and the
 * test profile's small rate limit running out, shown as a polite message.
 */
@PrecisIntegrationTest
class NetlifyWebEndToEndTest {
    static final Path WEB = Path.of("..", "netlify-web").toAbsolutePath().normalize();
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    @LocalServerPort
    int port;
    @Autowired
    List<PublicRateLimiter> limiters;
    @Autowired
    LibraryService library;

    @Test
    void summariseResearchFeedbackAndRateLimitInTheBuiltSite() throws Exception {
        assertThat(Files.isExecutable(CHROMIUM)).as("Chromium is needed (./precis test installs it)").isTrue();
        if (!Files.isDirectory(WEB.resolve("node_modules/playwright-core"))) {
            run(List.of("npm", "ci", "--no-audit", "--no-fund"), Map.of(), 300);
        }
        Path dist = Path.of("target", "netlify-web-e2e").toAbsolutePath();
        run(List.of("npx", "vite", "build", "--outDir", dist.toString(), "--emptyOutDir"),
                Map.of("VITE_API_URL", "http://localhost:" + port), 180);

        // Public research reads the public Library: give it something to cite.
        Viewer publicLibrary = new Viewer(PublicApiController.OWNER, false);
        PublicResearchTest.DOCS.forEach((title, text) -> library.ingestNow(publicLibrary, title, text, "e2e"));

        limiters.forEach(PublicRateLimiter::reset);
        try (StaticSite site = new StaticSite(dist)) {
            String output = run(List.of("node", "e2e/public-site.mjs", "http://localhost:" + site.port() + "/",
                            Path.of("target", "e2e-screenshots").toAbsolutePath().toString()),
                    Map.of("CHROMIUM", CHROMIUM.toString(), "E2E_RESEARCH_QUESTION", "What does a lighthouse keeper do?"), 300);
            assertThat(output).contains("ok   summarise", "ok   feedback", "ok   research", "ok   rate-limited", "ok   no page errors");
        }
    }

    /** Runs a command in netlify-web; fails the test with its output when it fails. */
    private static String run(List<String> command, Map<String, String> env, int seconds) throws Exception {
        Path log = Files.createTempFile("netlify-web", ".log");
        try {
            ProcessBuilder pb = new ProcessBuilder(command).directory(WEB.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            pb.environment().putAll(env);
            Process p = pb.start();
            boolean finished = p.waitFor(seconds, TimeUnit.SECONDS);
            if (!finished) p.destroyForcibly();
            String output = Files.readString(log);
            assertThat(finished && p.exitValue() == 0).as("%s:%n%s", String.join(" ", command), output).isTrue();
            return output;
        } finally {
            Files.deleteIfExists(log);
        }
    }

    /** The built site over HTTP on loopback, with the SPA fallback that netlify.toml configures. */
    static final class StaticSite implements AutoCloseable {
        private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8",
                "js", "text/javascript", "css", "text/css", "svg", "image/svg+xml", "json", "application/json",
                "ico", "image/x-icon", "png", "image/png", "txt", "text/plain");
        private final HttpServer server;
        private final Path root;

        StaticSite(Path root) throws IOException {
            this.root = root;
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", this::serve);
            server.start();
        }

        int port() {
            return server.getAddress().getPort();
        }

        private void serve(HttpExchange exchange) throws IOException {
            Path file = root.resolve(exchange.getRequestURI().getPath().substring(1)).normalize();
            if (!file.startsWith(root) || !Files.isRegularFile(file)) file = root.resolve("index.html");
            String name = file.getFileName().toString();
            String type = TYPES.getOrDefault(name.substring(name.lastIndexOf('.') + 1), "application/octet-stream");
            byte[] body = Files.readAllBytes(file);
            exchange.getResponseHeaders().set("Content-Type", type);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
