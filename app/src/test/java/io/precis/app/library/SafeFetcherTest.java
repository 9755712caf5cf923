package io.precis.app.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** The SSRF-safe fetcher against a local site; DNS answers are simulated, so no address outside loopback is contacted. */
class SafeFetcherTest {
    static final LibraryProperties.Fetch CONFIG = new LibraryProperties.Fetch(DataSize.ofKilobytes(256), Duration.ofSeconds(2),
            Duration.ofSeconds(2), 5, List.of("127.0.0.0/8"), "PrecisBot/1.0", Duration.ofMinutes(5));

    TestSite site;
    SafeFetcher fetcher;

    @BeforeEach
    void start() throws IOException {
        site = new TestSite();
        fetcher = new SafeFetcher(CONFIG, new AddressPolicy(CONFIG.allow()), SafeFetcherTest::resolve);
    }

    @AfterEach
    void stop() {
        site.close();
    }

    /** Simulated DNS: *.local.test is loopback, evil.test rebinds to a private address, mixed.test has both kinds. */
    static InetAddress[] resolve(String host) throws UnknownHostException {
        return switch (host) {
            case "site.local.test" -> new InetAddress[]{InetAddress.getByName("127.0.0.1")};
            case "evil.test" -> new InetAddress[]{InetAddress.getByName("10.0.0.7")};
            case "mixed.test" -> new InetAddress[]{InetAddress.getByName("93.184.216.34"), InetAddress.getByName("192.168.0.1")};
            case "meta.test" -> new InetAddress[]{InetAddress.getByName("169.254.169.254")};
            default -> {
                if (host.matches("[0-9.]+|[0-9a-fA-F:]+")) yield new InetAddress[]{InetAddress.getByName(host)};
                throw new UnknownHostException(host);
            }
        };
    }

    @Test
    void fetchesAPageAndConnectsToTheCheckedAddress() throws Exception {
        site.page("/article.html", "text/html; charset=utf-8", "<html><title>Hi</title><p>Hello</p></html>");
        SafeFetcher.Response r = fetcher.fetch(URI.create("http://site.local.test:" + site.port() + "/article.html"));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.mediaType()).isEqualTo("text/html");
        assertThat(r.charset()).isEqualTo("utf-8");
        assertThat(new String(r.body(), StandardCharsets.UTF_8)).contains("<p>Hello</p>");
    }

    @Test
    void refusesPrivateLoopbackMetadataAndBadUrls() {
        SafeFetcher strict = new SafeFetcher(CONFIG, AddressPolicy.publicOnly(), SafeFetcherTest::resolve);
        assertRefused(strict, site.url("/"), "127.0.0.1, a loopback address");
        assertRefused(strict, "http://10.1.2.3/", "a private address");
        assertRefused(strict, "http://[::1]:8080/", "a loopback address");
        assertRefused(fetcher, "http://evil.test/", "10.0.0.7, a private address");
        assertRefused(fetcher, "http://mixed.test/", "192.168.0.1");
        assertRefused(fetcher, "http://meta.test/latest/meta-data/", "a cloud metadata service");
        assertRefused(fetcher, "http://169.254.169.254/", "a cloud metadata service");
        assertRefused(fetcher, "http://metadata.google.internal/", "a cloud metadata service");
        assertRefused(fetcher, "ftp://example.org/file", "Only http and https");
        assertRefused(fetcher, "file:///etc/passwd", "Only http and https");
        assertRefused(fetcher, "http://user:pw@site.local.test/", "user name or password");
        assertRefused(fetcher, "http://nowhere.invalid/", "could not be found");
        assertRefused(fetcher, "not a url", "not a valid URL");
    }

    @Test
    void everyRedirectIsCheckedAgain() {
        site.redirect("/to-private", 302, "http://10.0.0.1/admin");
        site.redirect("/to-rebinding", 301, "http://evil.test/");
        site.redirect("/to-metadata", 307, "http://169.254.169.254/latest/meta-data/");
        assertFetchFails("/to-private", FetchException.Kind.REFUSED, "a private address");
        assertFetchFails("/to-rebinding", FetchException.Kind.REFUSED, "a private address");
        assertFetchFails("/to-metadata", FetchException.Kind.REFUSED, "a cloud metadata service");
    }

    @Test
    void followsAtMostFiveRedirects() throws Exception {
        site.page("/end", "text/plain", "arrived");
        for (int i = 1; i <= 7; i++) site.redirect("/r" + i, 302, i == 7 ? "/end" : "/r" + (i + 1));
        SafeFetcher.Response r = fetcher.fetch(URI.create(site.url("/r3")));
        assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("arrived");
        assertThat(r.redirects()).hasSize(5);
        assertFetchFails("/r1", FetchException.Kind.HTTP_STATUS, "Too many redirects");
    }

    @Test
    void errorsTimeoutsSizesAndTypes() {
        site.status("/missing", 404);
        site.status("/broken", 500);
        site.slow("/slow", 10_000);
        site.endless("/endless");
        site.page("/big", "text/plain", new byte[300 * 1024]);
        site.page("/image.png", "image/png", new byte[]{(byte) 0x89, 'P', 'N', 'G'});
        assertFetchFails("/missing", FetchException.Kind.HTTP_STATUS, "404 Not Found");
        assertFetchFails("/broken", FetchException.Kind.HTTP_STATUS, "500");
        long started = System.nanoTime();
        assertFetchFails("/slow", FetchException.Kind.TIMEOUT, "within 2 s");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        assertFetchFails("/endless", FetchException.Kind.TOO_LARGE, "larger than 262144 bytes");
        assertFetchFails("/big", FetchException.Kind.TOO_LARGE, "larger than 262144 bytes");
        assertFetchFails("/image.png", FetchException.Kind.UNSUPPORTED_TYPE, "'image/png'");
    }

    @Test
    void aTrickleIsCutOffByTheOverallDeadline() {
        site.handler("/trickle", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "text/plain");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < 100; i++) {
                    out.write('x');
                    out.flush();
                    Thread.sleep(200);
                }
            } catch (IOException | InterruptedException e) {
                // hung up
            }
        });
        assertFetchFails("/trickle", FetchException.Kind.TIMEOUT, "within 2 s");
    }

    @Test
    void decodesGzip() throws Exception {
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(zipped)) {
            gz.write("compressed words".getBytes(StandardCharsets.UTF_8));
        }
        site.handler("/gz", exchange -> {
            exchange.getResponseHeaders().set("Content-Encoding", "gzip");
            TestSite.send(exchange, 200, "text/plain", zipped.toByteArray());
        });
        assertThat(new String(fetcher.fetch(URI.create(site.url("/gz"))).body(), StandardCharsets.UTF_8)).isEqualTo("compressed words");
    }

    @Test
    void robotsTxtIsRespectedForCrawlsAndCached() throws Exception {
        AtomicInteger robotsFetches = new AtomicInteger();
        site.handler("/robots.txt", exchange -> {
            robotsFetches.incrementAndGet();
            TestSite.send(exchange, 200, "text/plain", "User-agent: *\nDisallow: /private/\n".getBytes(StandardCharsets.UTF_8));
        });
        site.page("/private/page.html", "text/html", "<p>secret</p>");
        site.page("/public/page.html", "text/html", "<p>open</p>");
        assertThat(fetcher.robotsAllow(URI.create(site.url("/private/page.html")))).isFalse();
        assertThat(fetcher.robotsAllow(URI.create(site.url("/public/page.html")))).isTrue();
        assertThatThrownBy(() -> fetcher.fetch(URI.create(site.url("/private/page.html")), SafeFetcher.DOCUMENT_TYPES, true))
                .isInstanceOf(FetchException.class).hasMessageContaining("robots.txt");
        assertThat(fetcher.fetch(URI.create(site.url("/public/page.html")), SafeFetcher.DOCUMENT_TYPES, true).status()).isEqualTo(200);
        // A person's own request ignores robots.txt (it is not a crawl).
        assertThat(fetcher.fetch(URI.create(site.url("/private/page.html"))).status()).isEqualTo(200);
        assertThat(robotsFetches.get()).isEqualTo(1);
    }

    @Test
    void missingRobotsAllowsAndBrokenRobotsDisallows() throws IOException {
        assertThat(fetcher.robotsAllow(URI.create(site.url("/anything")))).isTrue(); // 404
        try (TestSite broken = new TestSite()) {
            broken.status("/robots.txt", 503);
            assertThat(fetcher.robotsAllow(URI.create(broken.url("/anything")))).isFalse();
        }
    }

    private void assertFetchFails(String path, FetchException.Kind kind, String message) {
        assertThatThrownBy(() -> fetcher.fetch(URI.create(site.url(path))))
                .isInstanceOfSatisfying(FetchException.class, e -> assertThat(e.kind()).isEqualTo(kind))
                .hasMessageContaining(message);
    }

    private static void assertRefused(SafeFetcher f, String url, String message) {
        assertThatThrownBy(() -> f.check(url))
                .isInstanceOfSatisfying(FetchException.class, e -> assertThat(e.kind()).isEqualTo(FetchException.Kind.REFUSED))
                .hasMessageContaining(message);
    }
}
