package io.precis.app.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.OutputStreamAppender;

import io.precis.app.support.Api;
import io.precis.app.support.PrecisIntegrationTest;

/** Through the app's real logging setup: secrets and personal data never reach the console; one line per API call. */
@PrecisIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class RequestLogTest {
    private static final Logger log = LoggerFactory.getLogger(RequestLogTest.class);
    private static final String BODY = "{\"documents\":[{\"title\":\"Harbour\",\"text\":\"The council approved the harbour plan on Tuesday. "
            + "Construction starts next spring and takes two years. The park replaces the old container yard.\"}],\"length\":\"short\"}";

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void everyAppenderOfTheRealSetupMasks() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        var appenders = new java.util.ArrayList<OutputStreamAppender<?>>();
        context.getLoggerList().forEach(l -> l.iteratorForAppenders().forEachRemaining(a -> {
            if (a instanceof OutputStreamAppender<?> o) appenders.add(o);
        }));
        assertThat(appenders).isNotEmpty();
        assertThat(appenders).allSatisfy(a -> assertThat(a.getEncoder()).isInstanceOf(MaskingEncoder.class));
        assertThat(LogMaskingInstaller.install()).as("already installed, nothing left to wrap").isZero();
    }

    @Test
    void secretsAndPersonalDataAreMaskedInLogMessagesAndStackTraces(CapturedOutput output) {
        String key = "pk_Zx9yW8vU7tS6rQ5pO4nM3lK2jI1hG0fE9dC8bA7z";
        log.info("key {} for jane.doe@example.com, phone +44 20 7946 0958, header Authorization: Bearer eyJhbGciOi.e30.sig9, "
                + "db password=hunter2", key);
        log.warn("request failed", new IllegalStateException("upstream said client_secret=abc123xyz for bob@example.org"));

        assertThat(output.getOut()).contains("key pk_*** for ***@***, phone +***, header Authorization: ***, db password=***")
                .contains("upstream said client_secret=*** for ***@***");
        assertThat(output.getAll()).doesNotContain(key.substring(3), "jane.doe@", "7946 0958", "eyJhbGciOi", "hunter2",
                "abc123xyz", "bob@example.org");
    }

    @Test
    void anApiCallGivesOneRequestLogLineWithItsFieldsAndNoKey(CapturedOutput output) throws Exception {
        HttpResponse<String> response = post("/api/v1/summaries", "Bearer " + Api.BOOTSTRAP_KEY, "req-log-test-1");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Request-Id")).hasValue("req-log-test-1");

        List<String> lines = awaitLines(output, l -> l.contains("requestId=req-log-test-1") && l.contains(" api method="));
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)).containsPattern("\\[req-log-test-1] .*api method=POST path=/api/v1/summaries status=200 "
                + "latencyMs=\\d+ principal=apikey:bootstrap requestId=req-log-test-1$");
        assertThat(output.getAll()).doesNotContain(Api.BOOTSTRAP_KEY).doesNotContain(Api.BOOTSTRAP_KEY.substring(3));
    }

    @Test
    void refusedCallsAreLoggedTooAndABadRequestIdIsReplaced(CapturedOutput output) throws Exception {
        String unsafeId = "bad id\nforged line";
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/summaries/00000000-0000-0000-0000-000000000000"))
                .header("Authorization", "Bearer not-a-real-key-0123456789").header("X-Request-Id", "x".repeat(65)).GET());
        assertThat(response.statusCode()).isEqualTo(401);
        String id = response.headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(id).matches("[0-9a-f-]{36}");

        List<String> lines = awaitLines(output, l -> l.contains("requestId=" + id) && l.contains(" api method="));
        assertThat(lines).singleElement().asString()
                .contains("api method=GET path=/api/v1/summaries/00000000-0000-0000-0000-000000000000 status=401")
                .contains("principal=anonymous");
        assertThat(output.getAll()).doesNotContain("not-a-real-key-0123456789").doesNotContain("x".repeat(65));
        assertThat(RequestLog.requestId(unsafeId)).isNotEqualTo(unsafeId).matches("[0-9a-f-]{36}");
        assertThat(RequestLog.requestId("abc.DEF_123-x")).isEqualTo("abc.DEF_123-x");
    }

    @Test
    void nonApiRequestsGetAnIdButNoRequestLogLine(CapturedOutput output) throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/readyz"))
                .header("X-Request-Id", "probe-1").GET());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Request-Id")).hasValue("probe-1");
        Thread.sleep(300);
        assertThat(output.getAll()).doesNotContain("requestId=probe-1");
    }

    private HttpResponse<String> post(String path, String authorization, String requestId) throws Exception {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", authorization).header("X-Request-Id", requestId)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(BODY)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The request log line is written after the response is sent: wait for it briefly. */
    private static List<String> awaitLines(CapturedOutput output, Predicate<String> match) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 5_000;
        List<String> lines;
        do {
            lines = output.getOut().lines().filter(match).toList();
            if (!lines.isEmpty()) {
                Thread.sleep(200);
                return output.getOut().lines().filter(match).toList();
            }
            Thread.sleep(50);
        } while (System.currentTimeMillis() < deadline);
        return lines;
    }
}
