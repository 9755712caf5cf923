package io.precis.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.precis.app.support.Api;
import io.precis.app.support.PrecisIntegrationTest;

/** Health and metrics live on the management port; the public port offers only the probes. */
@PrecisIntegrationTest
class OperationsEndpointsTest {
    @LocalServerPort
    int port;
    @LocalManagementPort
    int managementPort;

    @Test
    void prometheusExposesTheApiMetricsByEndpointMethodAndStatus() {
        Api api = new Api(port);
        api.postJson("/api/v1/summaries", Map.of("documents", List.of(Map.of("text", BadInputApiTest.TEXT)), "length", "short"), Api.BOOTSTRAP_KEY);
        api.getWithKey("/api/v1/summaries/00000000-0000-0000-0000-000000000000", Api.BOOTSTRAP_KEY);
        api.get("/api/v1/summaries", Map.of());

        String metrics = new Api(managementPort).get("/actuator/prometheus", Map.of()).body();

        assertThat(metrics).containsPattern("api_requests_total\\{[^}]*endpoint=\"/api/v1/summaries\"[^}]*method=\"POST\"[^}]*status=\"200\"[^}]*} [1-9]");
        assertThat(metrics).containsPattern("api_request_latency_seconds_bucket\\{[^}]*endpoint=\"/api/v1/summaries\"[^}]*le=\"0\\.3\"");
        // The p95 latency objectives (helm/precis values: 0.8 s GPU, 2.5 s CPU) are bucket bounds, so histogram_quantile
        // resolves them exactly: the alerts and the release gate depend on these two buckets.
        for (String le : new String[] {"0\\.8", "2\\.5"}) {
            assertThat(metrics).containsPattern(
                    "api_request_latency_seconds_bucket\\{[^}]*endpoint=\"/api/v1/summaries\"[^}]*le=\"" + le + "\"");
        }
        assertThat(metrics).containsPattern("api_request_errors_total\\{[^}]*endpoint=\"/api/v1/summaries/\\{id}\"[^}]*status=\"404\"[^}]*} [1-9]");
        assertThat(metrics).containsPattern("api_request_errors_total\\{[^}]*status=\"401\"");
        assertThat(metrics).containsPattern("summary_length_words_count\\{[^}]*} [1-9]");
        assertThat(metrics).containsPattern("summary_length_words_bucket\\{[^}]*le=\"50\\.0\"");
    }

    @Test
    void healthAndProbesAreOpenButTheMainPortServesNoActuator() {
        Api management = new Api(managementPort);
        assertThat(management.get("/actuator/health", Map.of()).body()).contains("\"status\":\"UP\"");
        assertThat(management.get("/actuator/health/readiness", Map.of()).status()).isEqualTo(200);

        Api main = new Api(port);
        assertThat(main.get("/livez", Map.of()).status()).isEqualTo(200);
        assertThat(main.get("/readyz", Map.of()).status()).isEqualTo(200);
        var prometheusOnMain = main.get("/actuator/prometheus", Map.of());
        assertThat(prometheusOnMain.body()).doesNotContain("api_requests_total");
        assertThat(prometheusOnMain.status()).isNotEqualTo(200);
    }

    @Test
    void openApiDescribesTheApiWithoutAKey() {
        var docs = new Api(port).get("/api/v1/openapi", Map.of());
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.body()).contains("/api/v1/summaries").contains("/api/v1/feedback");
    }
}
