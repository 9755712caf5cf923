package io.precis.app.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingInitializationContext;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.precis.app.support.Api;
import io.precis.app.support.PrecisIntegrationTest;

/**
 * The request log end to end in the prod profile's logging: Logback is configured again from the {@code logging.*}
 * settings of {@code application-prod.yml} (structured ECS JSON on the console) the way Spring Boot configures it at
 * start-up, masking included; real API calls then give one JSON line each, which is parsed field by field. The test
 * profile's logging is put back afterwards.
 */
@PrecisIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class StructuredRequestLogTest {
    private static final Logger log = LoggerFactory.getLogger(StructuredRequestLogTest.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BODY = "{\"documents\":[{\"title\":\"Harbour\",\"text\":\"The council approved the harbour plan on Tuesday. "
            + "Construction starts next spring and takes two years. The park replaces the old container yard.\"}],\"length\":\"short\"}";

    @LocalServerPort
    int port;
    @Autowired
    ConfigurableEnvironment appEnvironment;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void prodLogging() throws IOException {
        StandardEnvironment prod = new StandardEnvironment();
        prod.getPropertySources().forEach(p -> prod.getPropertySources().remove(p.getName()));
        prod.getPropertySources().addFirst(prodLoggingProperties());
        appEnvironment.getPropertySources().stream()
                // the app's binder view of its own sources: without it, binding sees the prod settings too
                .filter(p -> !p.getName().equals("configurationProperties"))
                .forEach(prod.getPropertySources()::addLast);
        configureLogging(prod);
    }

    @AfterEach
    void testLogging() {
        configureLogging(appEnvironment);
    }

    @Test
    void anApiCallWithAKeyGivesOneJsonLineWithEveryFieldAndNothingSecret(CapturedOutput output) throws Exception {
        String requestId = "json-log-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/v1/summaries"))
                .header("Authorization", "Bearer " + Api.BOOTSTRAP_KEY).header("X-Request-Id", requestId)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(BODY)));
        assertThat(response.statusCode()).isEqualTo(200);

        JsonNode line = requestLine(output, requestId);
        assertThat(field(line, "method").asText()).isEqualTo("POST");
        assertThat(field(line, "path").asText()).isEqualTo("/api/v1/summaries");
        assertThat(field(line, "status").asInt()).isEqualTo(200);
        assertThat(field(line, "latencyMs").isNumber() || field(line, "latencyMs").asText().matches("\\d+"))
                .as(line.toString()).isTrue();
        assertThat(field(line, "principal").asText()).isEqualTo("apikey:bootstrap");
        assertThat(field(line, "requestId").asText()).isEqualTo(requestId);
        assertThat(field(line, "log.level").asText()).isEqualTo("INFO");
        assertThat(field(line, "log.logger").asText()).isEqualTo("io.precis.app.observability.RequestLog");
        assertThat(field(line, "service.name").asText()).isEqualTo("precis");
        assertThat(field(line, "@timestamp").asText()).isNotBlank();
        assertThat(field(line, "message").asText()).startsWith("api method=POST path=/api/v1/summaries status=200");
        assertThat(output.getAll()).doesNotContain(Api.BOOTSTRAP_KEY).doesNotContain(Api.BOOTSTRAP_KEY.substring(3));
    }

    @Test
    void personalDataInThePathAndSecretsInLogLinesAreMaskedInTheJson(CapturedOutput output) throws Exception {
        String requestId = "json-log-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/v1/documents/jane.doe@example.com?password=hunter2"))
                .header("Authorization", "Bearer " + Api.BOOTSTRAP_KEY).header("X-Request-Id", requestId).GET());
        assertThat(response.statusCode()).isIn(400, 404);

        JsonNode line = requestLine(output, requestId);
        assertThat(field(line, "path").asText()).isEqualTo("/api/v1/documents/***@***");
        assertThat(field(line, "status").asInt()).isEqualTo(response.statusCode());

        String key = "pk_Zx9yW8vU7tS6rQ5pO4nM3lK2jI1hG0fE9dC8bA7z";
        log.info("key {} for bob@example.org, db password=hunter2", key);
        JsonNode mine = awaitJson(output, n -> field(n, "log.logger").asText().equals(StructuredRequestLogTest.class.getName())).get(0);
        assertThat(field(mine, "message").asText()).isEqualTo("key pk_*** for ***@***, db password=***");
        assertThat(output.getAll()).doesNotContain("jane.doe@", "hunter2", "bob@example.org", key.substring(3));
    }

    private JsonNode requestLine(CapturedOutput output, String requestId) throws InterruptedException {
        List<JsonNode> lines = awaitJson(output, n -> requestId.equals(field(n, "requestId").asText()) && !field(n, "method").isMissingNode());
        assertThat(lines).as(output.getOut()).hasSize(1);
        return lines.get(0);
    }

    /** A field of an ECS line, whether Spring Boot writes it nested ({"log":{"level":..}}) or dotted ("log.level"). */
    private static JsonNode field(JsonNode line, String name) {
        if (line.has(name)) return line.get(name);
        JsonNode node = line;
        for (String part : name.split("\\.")) node = node.path(part);
        return node;
    }

    /** The console's JSON lines that match (the request log line is written after the response is sent: waits briefly). */
    private static List<JsonNode> awaitJson(CapturedOutput output, java.util.function.Predicate<JsonNode> match) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 5_000;
        List<JsonNode> lines;
        do {
            lines = output.getOut().lines().filter(l -> l.startsWith("{")).map(StructuredRequestLogTest::parse).filter(match).toList();
            if (!lines.isEmpty()) return lines;
            Thread.sleep(50);
        } while (System.currentTimeMillis() < deadline);
        return lines;
    }

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException("a console line is not JSON: " + line, e);
        }
    }

    /** The {@code logging.*} settings of the prod profile, as {@code application-prod.yml} has them. */
    private static PropertySource<?> prodLoggingProperties() throws IOException {
        Map<String, Object> logging = new LinkedHashMap<>();
        for (PropertySource<?> source : new YamlPropertySourceLoader().load("prod", new ClassPathResource("application-prod.yml"))) {
            if (source instanceof MapPropertySource map) {
                map.getSource().forEach((name, value) -> {
                    if (name.startsWith("logging.")) logging.put(name, value.toString());
                });
            }
        }
        assertThat(logging).containsEntry("logging.structured.format.console", "ecs");
        return new MapPropertySource("application-prod.yml logging", logging);
    }

    /** What Spring Boot's LoggingApplicationListener does at start-up: configure Logback, set the levels, then mask. */
    private static void configureLogging(ConfigurableEnvironment environment) {
        LoggingSystem system = LoggingSystem.get(StructuredRequestLogTest.class.getClassLoader());
        system.cleanUp();
        system.beforeInitialize();
        system.initialize(new LoggingInitializationContext(environment), null, null);
        Binder.get(environment).bind("logging.level", Bindable.mapOf(String.class, LogLevel.class))
                .ifBound(levels -> levels.forEach((name, level) -> system.setLogLevel("root".equalsIgnoreCase(name) ? null : name, level)));
        LogMaskingInstaller.install();
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
