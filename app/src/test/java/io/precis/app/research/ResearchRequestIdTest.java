package io.precis.app.research;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;

import io.precis.app.security.ApiKeyService;
import io.precis.app.security.Role;
import io.precis.app.support.Api;
import io.precis.app.support.PrecisIntegrationTest;

/** A research job's log lines, written later on the worker pool, carry the id of the request that submitted it. */
@PrecisIntegrationTest
class ResearchRequestIdTest {
    @LocalServerPort
    int port;
    @Autowired
    ApiKeyService keys;

    private final List<ILoggingEvent> events = new CopyOnWriteArrayList<>();
    private final AppenderBase<ILoggingEvent> capture = new AppenderBase<>() {
        @Override
        protected void append(ILoggingEvent event) {
            event.prepareForDeferredProcessing(); // copies the MDC of the logging thread now
            events.add(event);
        }
    };
    private ResearchClient analyst;
    private String collection;

    @BeforeEach
    void setUp() throws Exception {
        analyst = new ResearchClient(port, keys.create("research-rid-" + UUID.randomUUID(), Role.ANALYST, "test").secret());
        collection = "research-rid-" + UUID.randomUUID();
        analyst.addDocuments(collection, ResearchApiTest.HARBOUR);
        capture.start();
        root().addAppender(capture);
    }

    @AfterEach
    void tearDown() {
        root().detachAppender(capture);
        capture.stop();
    }

    @Test
    void everyLogLineOfTheJobCarriesTheRequestIdItWasSubmittedWith() throws Exception {
        String requestId = "research-rid-" + UUID.randomUUID().toString().substring(0, 8);
        Api.Response submitted = submit(Map.of("X-Request-Id", requestId));
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(202);
        String id = submitted.json().path("id").asText();
        assertThat(submitted.json().path("requestId").asText()).isEqualTo(requestId);

        JsonNode job = analyst.awaitEnd(id);
        assertThat(job.path("status").asText()).as(job.toPrettyString()).isEqualTo("done");
        assertThat(job.path("requestId").asText()).isEqualTo(requestId);
        assertThat(job.path("log").get(0).path("message").asText()).isEqualTo("Queued by request " + requestId + ".");

        List<ILoggingEvent> jobLines = linesOfJob(id);
        assertThat(jobLines).extracting(ILoggingEvent::getFormattedMessage)
                .anyMatch(m -> m.startsWith("Research job " + id + " claimed")) // the worker thread
                .anyMatch(m -> m.startsWith("Research job " + id + ": retrieval for writing")); // a step thread
        assertThat(jobLines).allSatisfy(e -> assertThat(e.getMDCPropertyMap())
                .as(e.getThreadName() + ": " + e.getFormattedMessage()).containsEntry("requestId", requestId));
        assertThat(events).filteredOn(e -> e.getFormattedMessage().contains(id) && e.getThreadName().startsWith("research-"))
                .as("no line of the job's threads without its ids").allSatisfy(e ->
                        assertThat(e.getMDCPropertyMap()).containsEntry(JobLogContext.MDC_JOB_ID, id));
    }

    @Test
    void aGeneratedRequestIdIsStoredWhenTheClientSentNone() throws Exception {
        Api.Response submitted = submit(Map.of());
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(202);
        String generated = submitted.json().path("requestId").asText();
        assertThat(generated).as("the id the request filter generated").matches("[0-9a-f-]{36}");
        String id = submitted.json().path("id").asText();
        analyst.awaitEnd(id);
        assertThat(linesOfJob(id)).isNotEmpty().allSatisfy(e -> assertThat(e.getMDCPropertyMap()).containsEntry("requestId", generated));
    }

    private Api.Response submit(Map<String, String> headers) throws Exception {
        Map<String, String> all = new java.util.HashMap<>(headers);
        all.put("Authorization", "Bearer " + analyst.key);
        String body = new ObjectMapper().writeValueAsString(Map.of("question", "What does a harbour authority do?", "depth", 1,
                "breadth", 1, "collection", collection, "provider", "library"));
        return analyst.api.post("/api/v1/research", "application/json", body, all);
    }

    private List<ILoggingEvent> linesOfJob(String id) {
        return events.stream().filter(e -> id.equals(e.getMDCPropertyMap().get(JobLogContext.MDC_JOB_ID))).toList();
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }
}
