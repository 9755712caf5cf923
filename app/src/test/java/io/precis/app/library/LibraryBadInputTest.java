package io.precis.app.library;

import static io.precis.app.library.LibraryApiTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import io.precis.app.security.ApiKeyService;
import io.precis.app.security.Role;
import io.precis.app.support.Api;
import io.precis.app.support.PrecisIntegrationTest;

/**
 * Bad input, each with a clear 4xx problem at once or a {@code failed} status with the reason, against HTTP servers
 * the test starts on loopback (the test profile allows 127.0.0.0/8; its fetch limits are 3 s and 2 MB). What was
 * already stored is never touched.
 */
@PrecisIntegrationTest
class LibraryBadInputTest {
    @LocalServerPort
    int port;
    @Autowired
    ApiKeyService keys;
    @Autowired
    JdbcTemplate jdbc;

    LibraryClient client;
    String collection;
    TestSite site;
    JsonNode existing;
    List<Map<String, Object>> chunksBefore;

    @BeforeEach
    void setUp() throws Exception {
        client = new LibraryClient(port, keys.create("bad-lib-" + UUID.randomUUID(), Role.ANALYST, "test").secret());
        collection = "bad-" + UUID.randomUUID();
        site = new TestSite();
        existing = client.ingestText("Stored", LibraryApiTest.VOLCANO, collection);
        assertThat(existing.path("status").asText()).isEqualTo("ready");
        chunksBefore = chunks();
    }

    @AfterEach
    void nothingAlreadyStoredWasTouched() {
        site.close();
        JsonNode now = client.get("/api/v1/documents/" + existing.path("id").asText()).json();
        assertThat(now.path("status").asText()).isEqualTo("ready");
        assertThat(now.path("updatedAt").asText()).isEqualTo(existing.path("updatedAt").asText());
        assertThat(chunks()).isEqualTo(chunksBefore);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM documents WHERE collection = ? AND status = 'ready'", Integer.class, collection))
                .isEqualTo(1);
    }

    @Test
    void emptyFile() {
        assertProblem(client.upload("empty.txt", "text/plain", new byte[0], collection, null), 400, "'empty.txt' is empty");
    }

    @Test
    void binaryFileNamedTxt() {
        byte[] binary = new byte[4096];
        for (int i = 0; i < binary.length; i++) binary[i] = (byte) (i * 131 + 7);
        assertProblem(client.upload("notes.txt", "text/plain", binary, collection, null), 415, "not text");
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        assertProblem(client.upload("photo.md", "text/markdown", png, collection, null), 415, "not text");
        // A PDF renamed to .txt is recognised by its first bytes.
        assertProblem(client.upload("report.txt", "text/plain", Samples.pdf("x", List.of("Hello.")), collection, null), 415, "(a PDF file?)");
    }

    @Test
    void unsupportedOrMislabelledFiles() {
        assertProblem(client.upload("setup.exe", "application/octet-stream", new byte[]{'M', 'Z', 1, 2}, collection, null), 415, "not a supported file type");
        assertProblem(client.upload("fake.pdf", "application/pdf", "just text".getBytes(StandardCharsets.UTF_8), collection, null), 415, "not a PDF");
        assertProblem(client.upload("fake.docx", "application/octet-stream", "just text".getBytes(StandardCharsets.UTF_8), collection, null), 415, "not a Word document");
    }

    @Test
    void corruptPdfFailsWithTheReason() {
        byte[] pdf = Samples.pdf("Broken", List.of("This text will never be read."));
        byte[] corrupt = Arrays.copyOf(pdf, 300);
        for (int i = 16; i < corrupt.length; i++) corrupt[i] = (byte) (i * 37);
        JsonNode doc = submitted(client.upload("broken.pdf", "application/pdf", corrupt, collection, null));
        assertThat(doc.path("status").asText()).isEqualTo("failed");
        assertThat(doc.path("reason").asText()).contains("The PDF could not be read");
        assertThat(doc.path("chunkCount").asInt()).isZero();
    }

    @Test
    void corruptDocxFailsWithTheReason() {
        byte[] docx = Samples.docx("t", List.of("Paragraph."));
        JsonNode doc = submitted(client.upload("broken.docx", "application/octet-stream", Arrays.copyOf(docx, 60), collection, null));
        assertThat(doc.path("status").asText()).isEqualTo("failed");
        assertThat(doc.path("reason").asText()).containsAnyOf("could not be read", "not a Word document");
    }

    @Test
    void fileOverTheSizeLimit() {
        byte[] big = "Too much text. ".repeat(700_000).getBytes(StandardCharsets.UTF_8); // 10.5 MB
        Api.Response r = client.upload("big.txt", "text/plain", big, collection, null);
        assertProblem(r, 413, null);
        assertThat(r.json().path("detail").asText()).containsAnyOf("larger than", "limit");
    }

    @Test
    void textOverTheLimitAndInvalidRequests() {
        assertProblem(client.addText("t", "   ", collection, null), 400, "'text' is empty");
        assertProblem(client.api.postJson("/api/v1/documents", Map.of("url", "https://example.org", "text", "x"), client.key), 400, "not both");
        assertProblem(client.api.postJson("/api/v1/documents", Map.of("title", "no content"), client.key), 400, "'url'");
        assertProblem(client.api.post("/api/v1/documents", "application/json", "{\"text\": ", Map.of("X-API-Key", client.key)), 400, "not valid JSON");
        assertProblem(client.addText("t", "words", "../../etc", null), 400, "'collection'");
        assertProblem(client.addText("t", "words", collection, List.of("x".repeat(51))), 400, "tag");
    }

    @Test
    void urlsToPrivateAddressesAreRefusedAtOnce() {
        assertProblem(client.addUrl("http://10.0.0.1/admin", collection), 400, "a private address");
        assertProblem(client.addUrl("http://192.168.1.1/", collection), 400, "a private address");
        assertProblem(client.addUrl("http://169.254.169.254/latest/meta-data/", collection), 400, "a cloud metadata service");
        assertProblem(client.addUrl("http://[fd00::1]/", collection), 400, "a unique-local address");
        assertProblem(client.addUrl("http://100.64.0.1/", collection), 400, "CGNAT");
        assertProblem(client.addUrl("file:///etc/passwd", collection), 400, "Only http and https");
        assertProblem(client.addUrl("gopher://example.org/", collection), 400, "Only http and https");
    }

    @Test
    void aRedirectToAPrivateAddressFails() {
        site.redirect("/innocent", 302, "http://10.0.0.1/admin");
        JsonNode doc = submitted(client.addUrl(site.url("/innocent"), collection));
        assertThat(doc.path("status").asText()).isEqualTo("failed");
        assertThat(doc.path("reason").asText()).contains("10.0.0.1, a private address");
    }

    @Test
    void urlThatAnswers404() {
        site.status("/gone", 404);
        JsonNode doc = submitted(client.addUrl(site.url("/gone"), collection));
        assertThat(doc.path("status").asText()).isEqualTo("failed");
        assertThat(doc.path("reason").asText()).contains("404 Not Found");
    }

    @Test
    void urlThatTimesOut() {
        site.slow("/slow", 8_000);
        long started = System.nanoTime();
        JsonNode doc = submitted(client.addUrl(site.url("/slow"), collection));
        assertThat(doc.path("status").asText()).isEqualTo("failed");
        assertThat(doc.path("reason").asText()).contains("No complete answer", "within 3 s");
        assertThat((System.nanoTime() - started) / 1_000_000_000).isLessThan(8);
    }

    @Test
    void urlWithAnEndlessBody() {
        site.endless("/forever");
        JsonNode doc = submitted(client.addUrl(site.url("/forever"), collection));
        assertThat(doc.path("status").asText()).isEqualTo("failed");
        assertThat(doc.path("reason").asText()).contains("larger than 2097152 bytes");
    }

    @Test
    void urlOfAnUnsupportedType() {
        site.page("/logo.png", "image/png", new byte[]{(byte) 0x89, 'P', 'N', 'G'});
        JsonNode doc = submitted(client.addUrl(site.url("/logo.png"), collection));
        assertThat(doc.path("status").asText()).isEqualTo("failed");
        assertThat(doc.path("reason").asText()).contains("'image/png'", "only HTML, plain text, Markdown, PDF and DOCX");
    }

    private JsonNode submitted(Api.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(202);
        return client.await(r.json().path("id").asText());
    }

    private List<Map<String, Object>> chunks() {
        return jdbc.queryForList("SELECT id, ordinal, start_offset, end_offset, text, embedding::text AS e FROM chunks "
                + "WHERE document_id = ?::uuid ORDER BY ordinal", existing.path("id").asText());
    }
}
