package io.precis.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** ops/grafana: every dashboard parses, every PromQL expression passes promtool and reads only known metrics. */
class DashboardsTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void promtoolIsInstalled() {
        Tools.require("promtool", "apt-get install prometheus");
    }

    static JsonNode parse(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("dashboard " + file + " is not valid JSON", e);
        }
    }

    /** panel title #refId -> expr, for every target of every panel (rows included). */
    static Map<String, String> expressions(JsonNode dashboard) {
        Map<String, String> exprs = new LinkedHashMap<>();
        collect(dashboard.path("panels"), exprs);
        return exprs;
    }

    private static void collect(JsonNode panels, Map<String, String> exprs) {
        for (JsonNode panel : panels) {
            for (JsonNode target : panel.path("targets")) {
                if (target.hasNonNull("expr")) {
                    exprs.put(panel.path("title").asText() + " #" + target.path("refId").asText(), target.path("expr").asText());
                }
            }
            collect(panel.path("panels"), exprs);
        }
    }

    @Test
    void dashboardsCoverWhatOperatorsNeed() {
        List<Path> files = Repo.list(Repo.GRAFANA, "*.json");
        assertThat(files).hasSizeGreaterThanOrEqualTo(4);
        Set<String> uids = new TreeSet<>();
        StringBuilder all = new StringBuilder();
        for (Path f : files) {
            JsonNode d = parse(f);
            assertThat(d.path("uid").asText()).as(f.toString()).isNotBlank();
            assertThat(uids.add(d.path("uid").asText())).as("unique uid in %s", f).isTrue();
            assertThat(d.path("title").asText()).isNotBlank();
            assertThat(expressions(d)).as("%s has queries", f).isNotEmpty();
            all.append(expressions(d).values());
        }
        String text = all.toString();
        assertThat(text).contains("histogram_quantile(0.50", "histogram_quantile(0.95", "histogram_quantile(0.99",
                "api_request_latency_seconds_bucket", "rate(api_requests_total", "api_request_errors_total",
                "summary_length_words", "rag_retrieval_hit_rate", "research_jobs", "rlhf_reward", "eval_rouge_l",
                "eval_factual_consistency", "vllm:generation_tokens_total", "hikaricp_connections_active",
                "jvm_memory_used_bytes", "process_cpu_usage", "DCGM_FI_DEV_GPU_UTIL");
    }

    @Test
    void everyDashboardExpressionParsesWithPromtool() {
        for (Path f : Repo.list(Repo.GRAFANA, "*.json")) {
            Map<String, String> resolved = new LinkedHashMap<>();
            expressions(parse(f)).forEach((k, v) -> resolved.put(k, PromQl.resolveGrafanaVariables(v)));
            String name = f.getFileName().toString().replace(".json", "");
            Tools.Result r = PromQl.promtoolCheck(name, resolved);
            assertThat(r.exitCode()).as("promtool check rules on %s's expressions:\n%s", f, r.output()).isZero();
        }
    }

    @Test
    void everyMetricInDashboardsAndRulesIsInTheContract() {
        Set<String> known = PromQl.knownMetrics();
        Map<String, Set<String>> unknown = new LinkedHashMap<>();
        for (Path f : Repo.list(Repo.GRAFANA, "*.json")) {
            expressions(parse(f)).forEach((k, v) -> {
                Set<String> names = new TreeSet<>(PromQl.metricNames(PromQl.resolveGrafanaVariables(v)));
                names.removeAll(known);
                if (!names.isEmpty()) {
                    unknown.put(f.getFileName() + " " + k, names);
                }
            });
        }
        for (Path rules : Repo.list(Repo.RULES, "*.yaml")) {
            for (JsonNode group : Charts.readYaml(rules).path("groups")) {
                group.path("rules").forEach(r -> {
                    Set<String> names = new TreeSet<>(PromQl.metricNames(r.path("expr").asText()));
                    names.removeAll(known);
                    if (!names.isEmpty()) {
                        unknown.put(rules.getFileName() + " " + r.path("alert").asText(r.path("record").asText()), names);
                    }
                });
            }
        }
        assertThat(unknown).as("metrics missing from ops/prometheus/metrics.yaml").isEmpty();
    }

    @Test
    void metricNameExtractionSeesThroughPromQl() {
        assertThat(PromQl.metricNames("histogram_quantile(0.95, sum by (endpoint, le) (rate(api_request_latency_seconds_bucket{a=\"b\", c=~\"x|y\"}[5m]))) > 0.8"))
                .containsExactly("api_request_latency_seconds_bucket");
        assertThat(PromQl.metricNames("max(vllm:gpu_cache_usage_perc{n=\"1\"} or vllm:kv_cache_usage_perc) * (1 - 0.02)"))
                .containsExactly("vllm:gpu_cache_usage_perc", "vllm:kv_cache_usage_perc");
        assertThat(PromQl.metricNames("absent(up{job=\"x\"} == 1) and on(namespace) group_left(pod) foo_total offset 5m"))
                .containsExactly("foo_total", "up");
    }

    @Test
    void aBrokenExpressionFailsTheCheck() {
        Tools.Result r = PromQl.promtoolCheck("negative", Map.of("broken", "sum(rate(api_requests_total[5m])"));
        assertThat(r.exitCode()).isNotZero();
    }
}
