package io.precis.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

/**
 * ops/ci/release-gate.sh, run with bash against a local stand-in for Prometheus' HTTP API
 * (/api/v1/query answering the recording-rule queries) and a train-eval report file.
 */
class ReleaseGateTest {
    static final Path SCRIPT = Repo.OPS.resolve("ci/release-gate.sh");
    static final String GOOD_REPORT = """
            {"rougeL": 0.41, "previousReleaseRougeL": 0.415, "factualConsistency": 0.93, "factualConsistencyBaseline": 0.9}
            """;
    static HttpServer prometheus;
    /** Answer bodies by the recording rule the query names; absent: an empty vector. */
    static final Map<String, String> ANSWERS = new ConcurrentHashMap<>();
    static final List<String> QUERIES = new ArrayList<>();

    @BeforeAll
    static void startPrometheus() throws IOException {
        Tools.require("bash", "apt-get install bash");
        Tools.require("curl", "apt-get install curl");
        Tools.require("jq", "apt-get install jq");
        prometheus = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        prometheus.createContext("/api/v1/query", exchange -> {
            String query = URLDecoder.decode(exchange.getRequestURI().getRawQuery().replaceFirst("^query=", ""),
                    StandardCharsets.UTF_8);
            synchronized (QUERIES) {
                QUERIES.add(query);
            }
            String metric = query.contains("latency") ? "p95" : query.contains("error") ? "errors" : "?";
            String answer = ANSWERS.getOrDefault(metric, vector(null));
            int status = answer.startsWith("HTTP ") ? Integer.parseInt(answer.substring(5)) : 200;
            byte[] body = (status == 200 ? answer : "{\"status\":\"error\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        prometheus.start();
    }

    @AfterAll
    static void stopPrometheus() {
        prometheus.stop(0);
    }

    @BeforeEach
    void goodNumbers() {
        ANSWERS.put("errors", vector("0.002"));
        ANSWERS.put("p95", vector("0.61"));
        synchronized (QUERIES) {
            QUERIES.clear();
        }
    }

    /** An instant-query answer with one series of this value, or an empty result. */
    static String vector(String value) {
        String result = value == null ? "[]"
                : "[{\"metric\":{\"namespace\":\"sum-staging\"},\"value\":[1764000000.0,\"" + value + "\"]}]";
        return "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":" + result + "}}";
    }

    static Tools.Result gate(String report) {
        Path dir = Repo.work("release-gate").resolve("report-" + Integer.toHexString(report.hashCode()));
        Repo.write(dir.resolve("summary.json"), report);
        return gateWithReportDir(dir);
    }

    static Tools.Result gateWithReportDir(Path dir) {
        return Tools.run(Repo.ROOT, 60, "bash", SCRIPT.toString(), "--prometheus",
                "http://127.0.0.1:" + prometheus.getAddress().getPort() + "/", "--namespace", "sum-staging",
                "--report", dir.toString(), "--max-error-ratio", "0.01", "--max-p95", "0.8", "--max-rouge-drop", "0.02");
    }

    @Test
    void passesWithGoodNumbers() {
        Tools.Result r = gate(GOOD_REPORT);
        assertThat(r.exitCode()).as(r.output()).isZero();
        assertThat(r.output()).contains("release-gate: passed").doesNotContain("FAIL");
        assertThat(QUERIES).anySatisfy(q -> assertThat(q).contains("precis:api_error_ratio:rate1h{namespace=\"sum-staging\"}"))
                .anySatisfy(q -> assertThat(q).contains("precis:api_request_latency_seconds:p95_5m{namespace=\"sum-staging\""));
    }

    @Test
    void failsWithAHighErrorRate() {
        ANSWERS.put("errors", vector("0.015"));
        assertRefused(gate(GOOD_REPORT), "error rate 0.015 above the SLO 0.01");
    }

    @Test
    void failsWithASlowP95() {
        ANSWERS.put("p95", vector("0.95"));
        assertRefused(gate(GOOD_REPORT), "p95 latency 0.95s above the SLO 0.8s");
        ANSWERS.put("p95", vector("+Inf"));
        assertRefused(gate(GOOD_REPORT), "+Inf (not a finite number)");
    }

    @Test
    void failsWhenRougeLDropsMoreThanTwoPercent() {
        // 0.40 is 3.6 % below 0.415 (floor 0.4067); 0.41 above is 1.2 % below and passes.
        assertRefused(gate(GOOD_REPORT.replace("\"rougeL\": 0.41", "\"rougeL\": 0.40")), "ROUGE-L 0.4 regressed more than 0.02");
        assertRefused(gate(GOOD_REPORT.replace("\"factualConsistency\": 0.93", "\"factualConsistency\": 0.85")),
                "factual consistency 0.85 below its baseline 0.9");
    }

    @Test
    void failsClosedWithoutPrometheusData() {
        ANSWERS.put("errors", vector(null));
        assertRefused(gate(GOOD_REPORT), "no data from Prometheus (empty result) for: max_over_time(precis:api_error_ratio");
        goodNumbers();
        ANSWERS.put("p95", vector(null));
        assertRefused(gate(GOOD_REPORT), "no data from Prometheus (empty result) for: max(max_over_time(precis:api_request_latency");
        goodNumbers();
        ANSWERS.put("errors", vector("NaN"));
        assertRefused(gate(GOOD_REPORT), "returned NaN (not a finite number)");
        goodNumbers();
        ANSWERS.put("errors", "HTTP 503");
        assertRefused(gate(GOOD_REPORT), "Prometheus query failed");
    }

    @Test
    void failsClosedWithoutReportData() {
        assertRefused(gate("{\"rougeL\": 0.41, \"factualConsistency\": 0.93, \"factualConsistencyBaseline\": 0.9}"),
                "has no numeric field previousReleaseRougeL");
        assertRefused(gate(GOOD_REPORT.replace("\"factualConsistencyBaseline\": 0.9", "\"factualConsistencyBaseline\": null")),
                "has no numeric field factualConsistencyBaseline");
        assertRefused(gate(GOOD_REPORT.replace("0.41,", "\"n/a\",")), "has no numeric field rougeL");
        assertRefused(gate("not json"), "has no numeric field rougeL");
        assertRefused(gateWithReportDir(Repo.work("release-gate").resolve("no-report")), "no train-eval report at");
    }

    @Test
    void judgesOnlyTheCanarysPodsOverItsWindowWithoutAReport() {
        String[] canary = {"bash", SCRIPT.toString(), "--prometheus", "http://127.0.0.1:" + prometheus.getAddress().getPort(),
            "--namespace", "sum-prod", "--pods", "sum-prod-canary-api-.*", "--window", "10m",
            "--max-error-ratio", "0.01", "--max-p95", "0.8"};
        Tools.Result r = Tools.run(Repo.ROOT, 60, canary);
        assertThat(r.exitCode()).as(r.output()).isZero();
        assertThat(r.output()).contains("release-gate: passed");
        assertThat(QUERIES).hasSize(2).allSatisfy(q -> assertThat(q)
                .contains("namespace=\"sum-prod\", pod=~\"sum-prod-canary-api-.*\"", "[10m]").doesNotContain("precis:"));
        ANSWERS.put("p95", vector("1.7"));
        assertRefused(Tools.run(Repo.ROOT, 60, canary), "p95 latency 1.7s above the SLO 0.8s");
        goodNumbers();
        ANSWERS.put("errors", vector("0.2"));
        assertRefused(Tools.run(Repo.ROOT, 60, canary), "error rate 0.2 above the SLO 0.01");
        goodNumbers();
        ANSWERS.put("errors", vector(null));
        assertRefused(Tools.run(Repo.ROOT, 60, canary), "no data from Prometheus");
    }

    private static void assertRefused(Tools.Result r, String message) {
        assertThat(r.exitCode()).as(r.output()).isEqualTo(1);
        assertThat(r.output()).contains(message, "release-gate: refused").doesNotContain("release-gate: passed");
    }
}
