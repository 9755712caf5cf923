package io.precis.app.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.slf4j.event.KeyValuePair;
import org.springframework.core.env.StandardEnvironment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.LoggingEvent;

import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.core.env.Environment;

/** The masking rules, and the encoder wrapper on Spring Boot's real pattern and structured (ECS JSON) encoders. */
class LogMaskingTest {
    static final String KEY = "pk_Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4zAb7cDe0f";

    @Test
    void masksApiKeysAuthorizationValuesAndBearerTokens() {
        assertThat(LogMasking.mask("created key " + KEY + " for ci")).isEqualTo("created key pk_*** for ci");
        assertThat(LogMasking.mask("Authorization: Bearer " + "eyJhbGciOiJIUzI1NiJ9.e30.abc")).isEqualTo("Authorization: ***");
        assertThat(LogMasking.mask("headers {authorization=Basic dXNlcjpwYXNz, accept=*/*}"))
                .isEqualTo("headers {authorization=***, accept=*/*}");
        assertThat(LogMasking.mask("sent bearer abcdef0123456789 upstream")).isEqualTo("sent bearer *** upstream");
        assertThat(LogMasking.mask("X-API-Key: " + KEY)).doesNotContain(KEY.substring(3));
        assertThat(LogMasking.mask("llm key sk-proj-AbCdEf0123456789xyz, hub hf_AbCdEf0123456789xyzW"))
                .isEqualTo("llm key sk-***, hub hf_***");
    }

    @Test
    void masksPasswordsSecretsAndTokensInEveryNotation() {
        assertThat(LogMasking.mask("login password=hunter2 ok")).isEqualTo("login password=*** ok");
        assertThat(LogMasking.mask("PGPASSWORD=s3cret psql")).isEqualTo("PGPASSWORD=*** psql");
        assertThat(LogMasking.mask("spring.datasource.password: hunter2")).isEqualTo("spring.datasource.password: ***");
        assertThat(LogMasking.mask("{\"password\":\"two words\",\"user\":\"bob\"}"))
                .isEqualTo("{\"password\":\"***\",\"user\":\"bob\"}");
        assertThat(LogMasking.mask("{\\\"client_secret\\\":\\\"abc def\\\"}")).isEqualTo("{\\\"client_secret\\\":\\\"***\\\"}");
        assertThat(LogMasking.mask("url?access_token=abc123&x=1")).isEqualTo("url?access_token=***&x=1");
        assertThat(LogMasking.mask("Using generated security password: 8e3f-11aa")).isEqualTo("Using generated security password: ***");
        assertThat(LogMasking.mask("api_key='k-123'")).isEqualTo("api_key='***'");
        // No key-value separator, or a longer word: nothing to mask.
        assertThat(LogMasking.mask("password reset requested")).isEqualTo("password reset requested");
        assertThat(LogMasking.mask("tokens: 512, ApiKeyService : started")).isEqualTo("tokens: 512, ApiKeyService : started");
        assertThat(LogMasking.mask("principal=apikey:ci-bot")).isEqualTo("principal=apikey:ci-bot");
    }

    @Test
    void masksEmailAddressesAndPhoneNumbers() {
        assertThat(LogMasking.mask("mail to jane.doe+news@example.co.uk failed")).isEqualTo("mail to ***@*** failed");
        assertThat(LogMasking.mask("call +44 20 7946 0958 now")).isEqualTo("call +*** now");
        assertThat(LogMasking.mask("call +1 (555) 123-4567")).isEqualTo("call +***");
        assertThat(LogMasking.mask("tel +4915112345678.")).isEqualTo("tel +***.");
        assertThat(LogMasking.mask("office (555) 123-4567 or 555-123-4567 or 020 7946 0958"))
                .isEqualTo("office *** or *** or ***");
    }

    @Test
    void leavesOrdinaryLogTextAlone() {
        String[] ordinary = {
                "2026-11-26T16:45:48.123Z  INFO 12345 --- [precis] [main] o.s.b.w.e.tomcat.TomcatWebServer : Tomcat started on port 8080 (http)",
                "Started PrecisApplication in 7.512 seconds (process running for 8.1)",
                "api method=POST path=/api/v1/summaries/3f2a0c1e-1234-4321-8888-123456789012 status=200 latencyMs=12 principal=apikey:ci requestId=0b6f0c1e-aaaa-4bbb-8ccc-0123456789ab",
                "HikariPool-1 - Added connection org.postgresql.jdbc.PgConnection@5a1b2c3d",
                "date 2026-11-26, time 16:45:48+01:00, ip 10.20.30.40, version 17.0.9+9, uuid 12345678-1234-1234-1234-123456789012",
                "tokenizer loaded; password reset requested",
        };
        for (String line : ordinary) {
            assertThat(LogMasking.mask(line)).as(line).isSameAs(line);
        }
    }

    @Test
    void theEncoderMasksSpringBootsPatternOutputAndKeepsUtf8Intact() {
        LoggerContext context = new LoggerContext();
        PatternLayoutEncoder pattern = new PatternLayoutEncoder();
        pattern.setContext(context);
        pattern.setPattern("%level %msg%n");
        pattern.setCharset(StandardCharsets.UTF_8);
        pattern.start();
        MaskingEncoder encoder = new MaskingEncoder(pattern);
        encoder.setContext(context);
        encoder.start();

        LoggingEvent event = event(context, "Zoë (zoë@example.com) sent {} — ünïcödé stays", KEY);
        String line = new String(encoder.encode(event), StandardCharsets.UTF_8);

        assertThat(line).isEqualTo("INFO Zoë (***@***) sent pk_*** — ünïcödé stays\n");
    }

    @Test
    void theEncoderMasksSpringBootsStructuredEcsJsonAndTheJsonStaysValid() throws Exception {
        LoggerContext context = new LoggerContext();
        context.putObject(Environment.class.getName(), new StandardEnvironment());
        StructuredLogEncoder ecs = new StructuredLogEncoder();
        ecs.setContext(context);
        ecs.setFormat("ecs");
        ecs.setCharset(StandardCharsets.UTF_8);
        ecs.start();
        MaskingEncoder encoder = new MaskingEncoder(ecs);
        encoder.setContext(context);
        encoder.start();

        LoggingEvent event = event(context, "login for jane@example.com with password=\"hunter 2\" and key {}", KEY);
        event.setMDCPropertyMap(Map.of("requestId", "req-42", "principal", "apikey:ci"));
        event.setKeyValuePairs(java.util.List.of(new KeyValuePair("path", "/api/v1/summaries")));
        event.setThrowableProxy(new ch.qos.logback.classic.spi.ThrowableProxy(
                new IllegalStateException("rejected Authorization: Bearer abcdefgh12345678 from +44 20 7946 0958")));
        String line = new String(encoder.encode(event), StandardCharsets.UTF_8);

        JsonNode json = new ObjectMapper().readTree(line);
        assertThat(json.path("message").asText()).isEqualTo("login for ***@*** with password=\"***\" and key pk_***");
        assertThat(json.at("/log/level").asText()).isEqualTo("INFO");
        assertThat(json.at("/log/logger").asText()).isEqualTo("io.precis.test");
        assertThat(json.path("requestId").asText()).isEqualTo("req-42");
        assertThat(json.path("principal").asText()).isEqualTo("apikey:ci");
        assertThat(json.path("path").asText()).isEqualTo("/api/v1/summaries");
        assertThat(json.at("/error/message").asText()).isEqualTo("rejected Authorization: *** from +***");
        assertThat(line).doesNotContain(KEY.substring(3), "hunter", "jane@", "abcdefgh12345678", "7946");
    }

    private static LoggingEvent event(LoggerContext context, String message, Object... args) {
        LoggingEvent event = new LoggingEvent("test", context.getLogger("io.precis.test"), Level.INFO, message, null, args);
        event.setThreadName("main");
        return event;
    }
}
